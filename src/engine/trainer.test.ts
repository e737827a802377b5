// The tfjs engine against the float64 reference (same masks — the neurons', the inputs' and the split of the data), and
// its bookkeeping: GD equivalence (ν = 0 of the input masks included), seeds, memory, NTK eigenvalues, Du's rate
// (THEORY.md G.4, G.9, D.2–D.3, J).
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { selectNodeBackend } from '../cli/backend';
import { parseConfig } from '../core/masked/config';
import { inputStream, maskInputs, masksInputs, sampleInputMasks } from '../core/masked/inputNoise';
import { sampleMasks } from '../core/masked/masks';
import type { MetricRow } from '../core/masked/metrics';
import { netOf } from '../core/masked/network';
import { makeProblem, maskStream, startProblem, withSettings } from '../core/masked/problem';
import { empiricalNtk, outputs, referenceRound, ReferenceTrainer, squaredError } from '../core/masked/reference';
import { shareWeights, splitOwners, splitsData } from '../core/masked/split';
import { radiusLazy, radiusNow } from '../core/masked/theory';
import { lambdaMinOf } from '../core/math/eigen';
import { mat, quadForm, transpose } from '../core/math/matrix';
import { relErr } from '../core/math/testing';
import { maskedRound, planMasks } from './round';
import { flushTogether, Trainer } from './trainer';

beforeAll(() => selectNodeBackend('cpu'));

const problemOf = (q: string) => makeProblem(parseConfig(q).config);

async function engineRows(q: string, rounds: number, ntkEvery = 0): Promise<MetricRow[]> {
  const t = new Trainer(problemOf(q), { ntkEvery });
  const rows = [...(await t.flush()), ...(await t.run(rounds, 7))];
  t.dispose();
  return rows;
}

const CASES = [
  'scheme=gd&n=12&d=5&m=64',
  'scheme=dropout&xi=0.5&n=16&d=6&m=128',
  'scheme=msdropout&xi=0.4&p=3&n=20&d=8&m=200',
  'scheme=ist&p=4&tau=3&n=24&d=8&m=256',
  'scheme=custom&mask=bernoulli&xi=0.6&p=2&tau=4&n=32&d=10&m=256&eta=0.2',
  'scheme=custom&mask=bernoulli&xi=0.5&p=1&tau=2&n=16&d=6&m=128&aggregate=zero',
  'scheme=custom&mask=categorical&p=3&tau=2&n=12&d=4&m=96&data=teacher&kappa=0.5',
  // The settings of Oymak–Soltanolkotabi (GELU, first layer) and Song et al. (GELU, both layers, LeCun / He with a ratio).
  'scheme=gd&act=gelu&n=12&d=5&m=64',
  'scheme=gd&act=gelu&layers=both&init=lecun&n=12&d=5&m=64&eta=0.05',
  'scheme=dropout&xi=0.5&act=gelu&layers=both&init=he&ratio=4&n=16&d=6&m=96&eta=0.02',
  'scheme=msdropout&xi=0.5&p=3&layers=both&n=12&d=5&m=64',
  'scheme=ist&p=3&tau=2&act=gelu&layers=both&init=lecun&ratio=0.25&n=12&d=5&m=96&eta=0.005',
  'scheme=custom&mask=bernoulli&xi=0.5&p=1&tau=2&layers=both&n=12&d=5&m=64&aggregate=zero',
  // Gaussian input masks (THEORY.md J.1), alone and with neuron masks, and IST on split data (J.2).
  'scheme=gd&inputmask=gauss&nu=0.3&n=12&d=5&m=64',
  'scheme=dropout&xi=0.5&inputmask=gauss&nu=0.6&n=16&d=6&m=128',
  'scheme=ist&p=4&tau=3&split=1&n=18&d=6&m=128',
  'scheme=msdropout&xi=0.5&p=3&split=1&inputmask=gauss&nu=0.2&n=12&d=5&m=96',
  'scheme=ist&p=3&tau=2&split=1&layers=both&n=12&d=5&m=96&eta=0.02',
];

describe('each engine round = the float64 reference round, from the same weights and masks, 50 rounds', () => {
  for (const q of CASES) {
    it(q, () => {
      const problem = problemOf(q);
      const { config: c, data, init } = problem;
      const net = netOf(c, c.m);
      const ref = new ReferenceTrainer(problem);
      const rng = maskStream(c);
      const inputRng = inputStream(c.seed);
      // The same sample assignment for both: each worker's share weights (split data), or none.
      const shares = splitsData(c) ? shareWeights(splitOwners(c.seed, c.n, c.p), c.p) : null;
      for (let k = 0; k < 50; k++) {
        const masks = sampleMasks(rng, c.mask, c.p, c.m, c.xi);
        const C = masksInputs(c) ? sampleInputMasks(inputRng, c.n, c.d, c.nu) : null;
        const { W, a } = ref;
        const next = referenceRound(
          C ? maskInputs(data.X, C) : data.X,
          data.y,
          a,
          W,
          masks,
          { xi: c.xi, p: c.p, tau: c.tau, eta: problem.eta, aggregate: c.aggregate },
          net,
          shares,
        );
        const plan = planMasks(
          masks,
          c.p,
          init.a,
          c.xi,
          c.mask === 'categorical',
          c.aggregate === 'keep',
          net.outScale,
          shares,
        );
        const [Wt, at, surr] = tf.tidy(() => {
          const X = tf.tensor2d(Float32Array.from(data.X.data), [c.n, c.d]);
          const out = maskedRound(
            {
              X,
              XT: tf.transpose(X),
              y: tf.tensor2d(Float32Array.from(data.y), [c.n, 1]),
              W: tf.tensor2d(Float32Array.from(transpose(W).data), [c.d, c.m]),
              a: tf.tensor2d(Float32Array.from(a), [1, c.m]),
              act: c.act,
              inputMasks: C ? tf.tensor2d(C, [c.n, c.d]) : undefined,
            },
            plan,
            c.tau,
            problem.eta,
            net.trainSecond,
          );
          return [out.W, out.a, out.surrErr];
        });
        const got = {
          W: transpose(mat(c.d, c.m, Wt.dataSync())),
          a: Float64Array.from(at.dataSync()),
          surr: surr.dataSync()[0],
        };
        tf.dispose([Wt, at, surr]);
        const errOf = (M: typeof W, am: Float64Array) =>
          squaredError(outputs(data.X, M, am, undefined, 1, net), data.y);
        expect(relErr(errOf(got.W, got.a), errOf(next.W, next.a))).toBeLessThan(1e-4);
        expect(relErr(got.surr, next.surrErr)).toBeLessThan(1e-4);
        const scale = Math.max(...next.W.data.map(Math.abs));
        got.W.data.forEach((v, q2) => expect(Math.abs(v - next.W.data[q2])).toBeLessThanOrEqual(1e-5 * scale + 1e-30));
        const scaleA = Math.max(...next.a.map(Math.abs));
        got.a.forEach((v, r) => expect(Math.abs(v - next.a[r])).toBeLessThanOrEqual(1e-5 * scaleA + 1e-30));
        if (!net.trainSecond) expect(next.a).toEqual(a);
        ref.W = next.W;
        ref.a = next.a;
      }
    });
  }
});

describe('trainer = float64 reference trainer, free-running 50 rounds', () => {
  // The two runs share masks but not rounding: a pre-activation within float32 rounding of 0 may take the
  // other sign in one of them, after which they are different (equally valid) trajectories. Until such a
  // tie shows in the flip fraction, err must agree to 1e-4; after it the runs must stay close (1e-2).
  for (const q of CASES) {
    it(q, async () => {
      const eng = await engineRows(q, 50);
      const ref = new ReferenceTrainer(problemOf(q));
      const refRows = [ref.measure(), ...Array.from({ length: 50 }, () => ref.step())];
      expect(eng.map((r) => r.round)).toEqual(refRows.map((r) => r.round));
      let tied = false;
      const n = problemOf(q).config.n;
      const m = problemOf(q).config.m;
      for (let k = 0; k <= 50; k++) {
        tied ||= Math.round(eng[k].flipFrac * n * m) !== Math.round(refRows[k].flipFrac * n * m);
        const tol = tied ? 1e-2 : 1e-4;
        expect(relErr(eng[k].err, refRows[k].err)).toBeLessThan(tol);
        if (k > 0) expect(relErr(eng[k].surrErr, refRows[k].surrErr)).toBeLessThan(tol);
        expect(Math.abs(eng[k].maxMove - refRows[k].maxMove)).toBeLessThan(tol * Math.max(1, refRows[k].maxMove));
      }
      expect(eng[50].err).toBeLessThan(eng[0].err);
    });
  }
});

describe('full GD (G.4)', () => {
  it('one round with p = 1, ξ = 1, τ = 1 is bitwise one plain gradient step', async () => {
    const problem = problemOf('scheme=gd&n=10&d=5&m=50&eta=0.3');
    const t = new Trainer(problem, { ntkEvery: 0 });
    t.step();
    const W1 = (await t.weights()).W;
    t.dispose();
    const { X, y } = problem.data;
    const m = 50;
    // Plain GD written directly: W − (1{XW ≥ 0}ᵀ(X ⊙ (u − y)))ᵀ ⊙ (η a/√m), u = relu(XW)(a/√m), with the products in the
    // order the engine takes them on the CPU backends (round.ts inputsTimes).
    const plain = tf.tidy(() => {
      const Xt = tf.tensor2d(Float32Array.from(X.data), [10, 5]);
      const W = tf.tensor2d(Float32Array.from(transpose(problem.init.W).data), [5, m]);
      const aS = tf.tensor2d(
        Float32Array.from(problem.init.a, (v) => v / Math.sqrt(m)),
        [1, m],
      );
      const Z = tf.matMul(Xt, W);
      const e = tf.sub(tf.matMul(tf.relu(Z), tf.reshape(aS, [m, 1])), tf.tensor2d(Float32Array.from(y), [10, 1]));
      const D = tf.cast(tf.greaterEqual(Z, 0), 'float32');
      const G = tf.mul(tf.transpose(tf.matMul(tf.transpose(D), tf.mul(Xt, e))), tf.mul(aS, 0.3));
      return tf.transpose(tf.sub(W, G));
    });
    expect(Array.from(Float32Array.from(W1.data))).toEqual(Array.from(plain.dataSync()));
    plain.dispose();
  });

  it('Gaussian input masks at ν = 0 are full GD, round by round (engine and reference); split data on one worker too', async () => {
    const q = 'n=12&d=5&m=64&seed=3';
    const gd = await engineRows(`scheme=gd&${q}`, 30);
    for (const other of [`scheme=gd&inputmask=gauss&nu=0&${q}`, `scheme=gd&split=1&${q}`]) {
      const rows = await engineRows(other, 30);
      expect(rows.map((r) => [r.err, r.surrErr, r.maxMove])).toEqual(gd.map((r) => [r.err, r.surrErr, r.maxMove]));
    }
    const ref = new ReferenceTrainer(problemOf(`scheme=gd&${q}`));
    const refNoise = new ReferenceTrainer(problemOf(`scheme=gd&inputmask=gauss&nu=0&${q}`));
    for (let k = 0; k < 30; k++) expect(refNoise.step()).toEqual(ref.step());
    // A small ν moves the run off GD's, by an amount that vanishes with ν.
    const near = await engineRows(`scheme=gd&inputmask=gauss&nu=0.01&${q}`, 30);
    const far = await engineRows(`scheme=gd&inputmask=gauss&nu=0.1&${q}`, 30);
    const gap = (rows: MetricRow[]) => relErr(rows[30].err, gd[30].err);
    expect(gap(near)).toBeGreaterThan(0);
    expect(gap(near)).toBeLessThan(gap(far));
  });
});

describe('reproducibility and memory', () => {
  it('same seed gives identical metrics; another seed differs', async () => {
    const q = 'scheme=msdropout&p=3&n=12&d=5&m=64';
    const a = await engineRows(q + '&seed=4', 20, 5);
    const b = await engineRows(q + '&seed=4', 20, 5);
    const c = await engineRows(q + '&seed=5', 20, 5);
    expect(a).toEqual(b);
    expect(c.map((r) => r.err)).not.toEqual(a.map((r) => r.err));
  });

  it('the tensor count is the same after 1 round and after 200 rounds', async () => {
    const t = new Trainer(problemOf('scheme=ist&p=3&tau=2&n=12&d=5&m=64'), { ntkEvery: 10 });
    await t.run(1);
    const after1 = tf.memory().numTensors;
    await t.run(199, 13);
    expect(tf.memory().numTensors).toBe(after1);
    t.update({ p: 5, xi: 0.2 });
    await t.run(20, 6);
    expect(tf.memory().numTensors).toBe(after1);
    t.dispose();
  });
});

describe('runs in lockstep (compare)', () => {
  it('trainers stepped together and read back in one read give each run its own rows', async () => {
    const qs = [
      'scheme=dropout&xi=0.5&n=12&d=5&m=64&seed=3',
      'scheme=ist&p=2&tau=2&n=12&d=5&m=64&seed=3',
      'scheme=msdropout&p=3&n=12&d=5&m=64&seed=3',
    ];
    const alone = await Promise.all(qs.map((q) => engineRows(q, 14, 5)));
    const base = problemOf(qs[0]);
    const trainers = qs.map((q) => new Trainer(withSettings(base, parseConfig(q).config), { ntkEvery: 5 }));
    const together: MetricRow[][] = await flushTogether(trainers);
    // As the worker does: each run steps a batch of rounds, then the next run; one read-back for all.
    for (const batch of [4, 4, 4, 2]) {
      for (const t of trainers) for (let k = 0; k < batch; k++) t.step();
      (await flushTogether(trainers)).forEach((rows, i) => together[i].push(...rows));
    }
    trainers.forEach((t) => t.dispose());
    expect(together).toEqual(alone);
    expect(together[0][0].err).toBe(together[1][0].err);
    expect(together[1][14].err).not.toBe(together[0][14].err);
  });
});

describe('NTK on the device (D.2–D.3)', () => {
  it('λ_min of H(W) and of the subnetworks\u2019 H^l match float64 on the same weights and masks', async () => {
    const problem = problemOf('scheme=msdropout&xi=0.5&p=3&n=12&d=6&m=128&seed=3');
    const t = new Trainer(problem, { ntkEvery: 5 });
    const rows = [...(await t.flush()), ...(await t.run(5))];
    const W = (await t.weights()).W;
    const masks = t.lastMasks as Float32Array;
    t.dispose();
    const { X } = problem.data;
    const { a } = problem.init;
    const ref0 = lambdaMinOf(12, empiricalNtk(X, problem.init.W, a).data);
    expect(relErr(rows[0].ntkMin, ref0)).toBeLessThan(1e-4);
    expect(relErr(rows[5].ntkMin, lambdaMinOf(12, empiricalNtk(X, W, a).data))).toBeLessThan(1e-4);
    const subs = [0, 1, 2].map((l) =>
      lambdaMinOf(12, empiricalNtk(X, W, a, masks.subarray(l * 128, (l + 1) * 128), 0.5).data),
    );
    expect(relErr(rows[5].subNtkMin, Math.min(...subs))).toBeLessThan(1e-4);
    expect(relErr(rows[5].subNtkMax, Math.max(...subs))).toBeLessThan(1e-4);
    expect(Number.isNaN(rows[1].ntkMin)).toBe(true);
  });

  it('Song et al.\u2019s setting (GELU, both layers, LeCun): λ_min of H(W) with the second layer\u2019s part, and its drift from round 0', async () => {
    const problem = problemOf('scheme=gd&act=gelu&layers=both&init=lecun&n=10&d=5&m=96&eta=0.05&seed=2');
    const t = new Trainer(problem, { ntkEvery: 5 });
    const rows = [...(await t.flush()), ...(await t.run(10))];
    const { W, a } = await t.weights();
    t.dispose();
    const net = netOf(problem.config, 96);
    const H0 = empiricalNtk(problem.data.X, problem.init.W, problem.init.a, undefined, 1, net);
    const H10 = empiricalNtk(problem.data.X, W, a, undefined, 1, net);
    expect(relErr(rows[0].ntkMin, lambdaMinOf(10, H0.data))).toBeLessThan(1e-4);
    expect(relErr(rows[10].ntkMin, lambdaMinOf(10, H10.data))).toBeLessThan(1e-4);
    expect(rows[0].ntkShift).toBe(0);
    const shift = Math.hypot(...H10.data.map((h, i) => h - H0.data[i])) / Math.hypot(...H0.data);
    expect(relErr(rows[10].ntkShift, shift)).toBeLessThan(1e-3);
    expect(rows[10].ntkShift).toBeGreaterThan(0);
  });
});

describe('R_now: the neighbourhood from the current conjugate kernel (THEORY.md H.2)', () => {
  it('at round 0 it is the R_lazy formula on the empirical K_σ(W_0), and it nears R_lazy as m grows', async () => {
    const gaps: number[] = [];
    for (const m of [64, 4096]) {
      const problem = problemOf(`scheme=dropout&xi=0.5&n=10&d=5&m=${m}&seed=4`);
      const t = new Trainer(problem, { ntkEvery: 1 });
      const [row0] = await t.flush();
      t.dispose();
      const { X } = problem.data;
      const A = outputsPerNeuron(X, problem.init.W);
      const K = mat(10, 10).data.map((_, q) => A.reduce((s, col) => s + col[Math.floor(q / 10)] * col[q % 10], 0) / m);
      const kt = problem.spectrum.vectors.map((v) => quadForm(mat(10, 10, K), v));
      expect(relErr(row0.radiusNow, radiusNow(problem.spectrum, problem.scheme, kt))).toBeLessThan(1e-4);
      expect(row0.kSigmaRatio).toBe(1);
      gaps.push(Math.abs(row0.radiusNow / radiusLazy(problem.spectrum, problem.scheme) - 1));
    }
    expect(gaps[1]).toBeLessThan(gaps[0]);
    expect(gaps[1]).toBeLessThan(0.1);
  });

  it('dropout shrinks its own features: tr K_σ falls over training, and R_now with it', async () => {
    const t = new Trainer(problemOf('scheme=dropout&xi=0.3&n=12&d=6&m=512&seed=2&eta=0.02'), { ntkEvery: 50 });
    const rows = [...(await t.flush()), ...(await t.run(600, 50))].filter((r) => Number.isFinite(r.radiusNow));
    t.dispose();
    const last = rows[rows.length - 1];
    expect(last.kSigmaRatio).toBeLessThan(0.97);
    expect(last.radiusNow).toBeLessThan(rows[0].radiusNow);
    // R_now is linear in K_σ's projections: it falls about as fast as the trace.
    expect(Math.abs(last.radiusNow / rows[0].radiusNow - last.kSigmaRatio)).toBeLessThan(0.1);
  });
});

/** σ(⟨w_r, x_i⟩) as one array of n per neuron. */
function outputsPerNeuron(X: ReturnType<typeof mat>, W: ReturnType<typeof mat>): Float64Array[] {
  return Array.from({ length: W.rows }, (_, r) =>
    Float64Array.from({ length: X.rows }, (_, i) => {
      let z = 0;
      for (let j = 0; j < X.cols; j++) z += W.data[r * X.cols + j] * X.data[i * X.cols + j];
      return Math.max(z, 0);
    }),
  );
}

describe('large n: the run starts without the full spectrum (THEORY.md D.2, issue of start-up at n³)', () => {
  it('n = 300: λ_max by Lanczos for the step; round 0 skips the NTK; the first one brings H(0) for the drift; λ_min within its bound', async () => {
    const q = 'scheme=dropout&xi=0.5&n=300&d=12&m=256&seed=5';
    const started = startProblem(parseConfig(q).config);
    const full = problemOf(q);
    expect(started.spectrum).toBeNull();
    expect(relErr(started.scales.lambdaMax, full.spectrum.lambdaMax)).toBeLessThan(1e-8);
    expect(relErr(started.eta, full.eta)).toBeLessThan(1e-8);
    const t = new Trainer(started, { ntkEvery: 5 });
    const rows = [...(await t.flush()), ...(await t.run(5))];
    const { W } = await t.weights();
    t.dispose();
    expect(Number.isNaN(rows[0].ntkMin)).toBe(true);
    const { X } = full.data;
    const H0 = empiricalNtk(X, full.init.W, full.init.a);
    const H5 = empiricalNtk(X, W, full.init.a);
    const exact = lambdaMinOf(300, H5.data);
    expect(Math.abs(rows[5].ntkMin - exact)).toBeLessThanOrEqual(rows[5].ntkMinBound + 1e-4 * exact);
    expect(relErr(rows[5].ntkMin, exact)).toBeLessThan(1e-3);
    const shift = Math.hypot(...H5.data.map((h, i) => h - H0.data[i])) / Math.hypot(...H0.data);
    expect(relErr(rows[5].ntkShift, shift)).toBeLessThan(1e-2);
    expect(Number.isNaN(rows[5].radiusNow)).toBe(true);
  });
});
