// The tfjs engine against the float64 reference (same masks), and its bookkeeping: GD equivalence, seeds,
// memory, NTK eigenvalues, Du's rate (MATH.md G.4, G.9, D.2–D.3).
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../cli/backend';
import { parseConfig } from '../core/config';
import { lambdaMinOf } from '../core/eigen';
import { sampleMasks } from '../core/masks';
import { mat, transpose } from '../core/matrix';
import type { MetricRow } from '../core/metrics';
import { makeProblem, maskStream, withSettings } from '../core/problem';
import { ReferenceTrainer, empiricalNtk, outputs, referenceRound, squaredError } from '../core/reference';
import { relErr } from '../core/testing';
import { maskedRound, planMasks } from './round';
import { Trainer, flushTogether } from './trainer';

beforeAll(() => useNodeBackend('cpu'));

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
];

describe('each engine round = the float64 reference round, from the same weights and masks, 50 rounds', () => {
  for (const q of CASES) {
    it(q, () => {
      const problem = problemOf(q);
      const { config: c, data, init } = problem;
      const ref = new ReferenceTrainer(problem);
      const rng = maskStream(c);
      for (let k = 0; k < 50; k++) {
        const masks = sampleMasks(rng, c.mask, c.p, c.m, c.xi);
        const W = ref.W;
        const next = referenceRound(data.X, data.y, init.a, W, masks, { xi: c.xi, p: c.p, tau: c.tau, eta: problem.eta, aggregate: c.aggregate });
        const plan = planMasks(masks, c.p, init.a, c.xi, c.mask === 'categorical', c.aggregate === 'keep');
        const [Wt, surr] = tf.tidy(() => {
          const X = tf.tensor2d(Float32Array.from(data.X.data), [c.n, c.d]);
          const out = maskedRound(
            {
              X,
              XT: tf.transpose(X),
              y: tf.tensor2d(Float32Array.from(data.y), [c.n, 1]),
              W: tf.tensor2d(Float32Array.from(transpose(W).data), [c.d, c.m]),
            },
            plan,
            c.tau,
            problem.eta,
          );
          return [out.W, out.surrErr];
        });
        const got = { W: transpose(mat(c.d, c.m, Wt.dataSync())), surr: surr.dataSync()[0] };
        tf.dispose([Wt, surr]);
        const errOf = (M: typeof W) => squaredError(outputs(data.X, M, init.a), data.y);
        expect(relErr(errOf(got.W), errOf(next.W))).toBeLessThan(1e-4);
        expect(relErr(got.surr, next.surrErr)).toBeLessThan(1e-4);
        const scale = Math.max(...next.W.data.map(Math.abs));
        got.W.data.forEach((v, q2) => expect(Math.abs(v - next.W.data[q2])).toBeLessThan(1e-5 * scale));
        ref.W = next.W;
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
    // Plain GD written directly: W − Xᵀ(1{XW ≥ 0} ⊙ (u − y)(η a/√m)ᵀ), u = relu(XW)(a/√m).
    const plain = tf.tidy(() => {
      const Xt = tf.tensor2d(Float32Array.from(X.data), [10, 5]);
      const W = tf.tensor2d(Float32Array.from(transpose(problem.init.W).data), [5, m]);
      const aS = tf.tensor2d(Float32Array.from(problem.init.a, (v) => v / Math.sqrt(m)), [1, m]);
      const Z = tf.matMul(Xt, W);
      const e = tf.sub(tf.matMul(tf.relu(Z), aS, false, true), tf.tensor2d(Float32Array.from(y), [10, 1]));
      const G = tf.matMul(tf.transpose(Xt), tf.mul(tf.cast(tf.greaterEqual(Z, 0), 'float32'), tf.matMul(e, tf.mul(aS, 0.3))));
      return tf.transpose(tf.sub(W, G));
    });
    expect(Array.from(Float32Array.from(W1.data))).toEqual(Array.from(plain.dataSync()));
    plain.dispose();
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
    const qs = ['scheme=dropout&xi=0.5&n=12&d=5&m=64&seed=3', 'scheme=ist&p=2&tau=2&n=12&d=5&m=64&seed=3', 'scheme=msdropout&p=3&n=12&d=5&m=64&seed=3'];
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
    const ref0 = lambdaMinOf(12, empiricalNtk(X, problem.init.W).data);
    expect(relErr(rows[0].ntkMin, ref0)).toBeLessThan(1e-4);
    expect(relErr(rows[5].ntkMin, lambdaMinOf(12, empiricalNtk(X, W).data))).toBeLessThan(1e-4);
    const subs = [0, 1, 2].map((l) => lambdaMinOf(12, empiricalNtk(X, W, masks.subarray(l * 128, (l + 1) * 128), 0.5).data));
    expect(relErr(rows[5].subNtkMin, Math.min(...subs))).toBeLessThan(1e-4);
    expect(relErr(rows[5].subNtkMax, Math.max(...subs))).toBeLessThan(1e-4);
    expect(Number.isNaN(rows[1].ntkMin)).toBe(true);
  });
});
