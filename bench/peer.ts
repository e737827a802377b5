/**
 * Against a peer (`npm run bench:peer`): rounds/s of the same dropout round (ξ = 0.5, n = 64, d = 8, the engine's
 * surrogate f = s/ξ·Σ_r m_r a_r σ(⟨w_r, x⟩), loss ½‖f − y‖², W only, step η) in the engine and in jax-js's jitted
 * WebAssembly, on the same data, initial weights, η and masks (both draw them from the run's own `masks` stream), runs
 * interleaved in one process. Bare: the round alone (the engine's maskedRound; jax-js's jitted forward, gradient and
 * update). With metrics: the engine's Trainer.step, and jax-js computing what it reports every round (‖u − y‖², the
 * surrogate's error, max ‖w_r − w_r(0)‖, the flipped fraction), read back every 10 rounds on both sides. Each timed
 * run starts from round 0, so the runs end on the same weights: their final training errors are compared.
 * Usage: npm run bench:peer [-- --widths 1024,8192 --rounds 300 --turns 2]
 */
import os from 'node:os';

import type { Array as JaxArray } from '@jax-js/jax';
import * as tf from '@tensorflow/tfjs-core';

import { selectNodeBackend } from '../src/cli/backend';
import { parseConfig } from '../src/core/masked/config';
import { sampleMasks } from '../src/core/masked/masks';
import { makeProblem, maskStream, type Problem } from '../src/core/masked/problem';
import { transpose } from '../src/core/math/matrix';
import { maskedRound, planMasks } from '../src/engine/round';
import { Trainer } from '../src/engine/trainer';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const WIDTHS = arg('widths', '1024,8192').split(',').map(Number);
const ROUNDS = Number(arg('rounds', '300'));
const TURNS = Number(arg('turns', '2'));
const [N, D, XI] = [64, 8, 0.5];
/** Rounds between read-backs, on both sides (Trainer.run's default). */
const READ_EVERY = 10;
/** Float32 agreement of the final training errors of runs that shared their masks. */
const TOLERANCE = 1e-4;

// Node 20 has no Float16Array, which jax-js names in its type checks: a stand-in (this benchmark makes none).
if (!('Float16Array' in globalThis)) {
  class Float16Array extends Float32Array {}
  Object.defineProperty(globalThis, 'Float16Array', { value: Float16Array, configurable: true, writable: true });
}
const jax = await import('@jax-js/jax');
const { numpy: np, nn } = jax;

const tfWasm = await selectNodeBackend('wasm');
const tfThreads = (await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) ? 'threaded' : 'single-threaded';
await jax.init('wasm');
jax.defaultDevice('wasm');
// jax-js's WebAssembly backend spreads kernels over Web Workers only where both of these exist.
const jaxThreads =
  typeof Worker !== 'undefined' && typeof SharedArrayBuffer !== 'undefined'
    ? 'threaded'
    : 'single-threaded: no global Worker';

/** What a timed run ends with: its rounds/s and final weights ([d, m], row-major). */
interface Timed {
  rate: number;
  W: Float32Array;
  /** The last round's metrics read back (with metrics): [‖u − y‖², surrogate's error, max move, flipped fraction]. */
  last?: number[];
}

/** ‖y − f(W, X)‖² of the full network in float64, from weights W [d, m] as both sides hold them. */
function trainingError(problem: Problem, W: Float32Array): number {
  const { X, y } = problem.data;
  const { a } = problem.init;
  const m = a.length;
  let err = 0;
  for (let i = 0; i < N; i++) {
    let u = 0;
    for (let r = 0; r < m; r++) {
      let z = 0;
      for (let j = 0; j < D; j++) z += X.data[i * D + j] * W[j * m + r];
      if (z > 0) u += a[r] * z;
    }
    err += (u / Math.sqrt(m) - y[i]) ** 2;
  }
  return err;
}

/** ‖u − v‖ in float64. */
function distance(u: Float32Array, v: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < u.length; i++) sum += (u[i] - v[i]) ** 2;
  return Math.sqrt(sum);
}

/** Times `rounds` rounds of `round`, with `sync` every READ_EVERY rounds and `finish` (the weights read back) at the end. */
async function time(round: () => void, sync: () => Promise<void>, finish: () => Promise<Float32Array>): Promise<Timed> {
  const t0 = performance.now();
  for (let k = 1; k <= ROUNDS; k++) {
    round();
    if (k % READ_EVERY === 0) await sync();
  }
  const W = await finish();
  return { rate: (ROUNDS * 1000) / (performance.now() - t0), W };
}

/** The engine's normal round: Trainer.step, its metrics queued on the device and flushed every READ_EVERY rounds. */
async function engineWithMetrics(problem: Problem): Promise<Timed> {
  const trainer = new Trainer(problem, { ntkEvery: 0 });
  await trainer.flush();
  let last: number[] | undefined;
  const flush = async () => {
    const row = (await trainer.flush()).at(-1);
    if (row) last = [row.err, row.surrErr, row.maxMove, row.flipFrac];
  };
  const out = await time(
    () => trainer.step(),
    flush,
    async () => {
      await flush();
      const { W } = await trainer.weights();
      return Float32Array.from(transpose(W).data);
    },
  );
  trainer.dispose();
  return { ...out, last };
}

/** The engine's round alone: masks drawn and planned as Trainer.step does, then maskedRound, no metrics. */
async function engineBare(problem: Problem): Promise<Timed> {
  const { data, init, eta, config } = problem;
  const m = init.a.length;
  const rng = maskStream(config);
  const net = tf.tidy(() => {
    const X = tf.tensor2d(Float32Array.from(data.X.data), [N, D]);
    return {
      X,
      XT: tf.transpose(X) as tf.Tensor2D,
      y: tf.tensor2d(Float32Array.from(data.y), [N, 1]),
      a: tf.tensor2d(Float32Array.from(init.a), [1, m]),
    };
  });
  let W = tf.tensor2d(Float32Array.from(transpose(init.W).data), [D, m]);
  const out = await time(
    () => {
      const plan = planMasks(sampleMasks(rng, 'bernoulli', 1, m, XI), 1, init.a, XI, false, true, 1 / Math.sqrt(m));
      const next = tf.tidy(() => ({ ...maskedRound({ ...net, W, act: 'relu' }, plan, 1, eta, false) }));
      next.surrErr.dispose();
      W.dispose();
      W = next.W;
    },
    async () => {}, // tfjs's WebAssembly backend runs each op as it is called
    async () => (await W.data()) as Float32Array,
  );
  tf.dispose([W, ...Object.values(net)]);
  return out;
}

/** jax-js's side: the same round jitted, bare or with the engine's per-round metrics. */
function jaxRounds(problem: Problem) {
  const { data, init, eta } = problem;
  const m = init.a.length;
  const s = 1 / Math.sqrt(m);
  /** ½‖f − y‖² of the surrogate, coef [m, 1] = m_r a_r s/ξ. */
  const loss = (W: JaxArray, X: JaxArray, y: JaxArray, coef: JaxArray): JaxArray => {
    const e = np.matmul(nn.relu(np.matmul(X, W)), coef).sub(y);
    return e.ref.mul(e).sum().mul(0.5);
  };
  const coefOf = (mask: JaxArray, a: JaxArray) =>
    mask
      .mul(a)
      .mul(s / XI)
      .reshape([m, 1]);
  const bare = jax.jit((W: JaxArray, X: JaxArray, y: JaxArray, mask: JaxArray, a: JaxArray): JaxArray => {
    const g = jax.grad(loss)(W.ref, X, y, coefOf(mask, a));
    return W.sub(g.mul(eta));
  });
  const withMetrics = jax.jit(
    (W: JaxArray, X: JaxArray, y: JaxArray, mask: JaxArray, a: JaxArray, W0: JaxArray, S0: JaxArray) => {
      const [surr, g] = jax.valueAndGrad(loss)(W.ref, X.ref, y.ref, coefOf(mask, a.ref));
      const Wn = W.sub(g.mul(eta));
      const Z = np.matmul(X, Wn.ref);
      const r = np
        .matmul(nn.relu(Z.ref), a.reshape([m, 1]))
        .mul(s)
        .sub(y);
      const err = r.ref.mul(r).sum();
      const maxMove = np.sqrt(np.square(Wn.ref.sub(W0)).sum(0)).max();
      const flip = np.abs(Z.greaterEqual(0).astype(np.float32).sub(S0)).mean();
      return { W: Wn, packed: np.stack([err, surr.mul(2), maxMove, flip]) };
    },
  );
  const X = np.array(Float32Array.from(data.X.data)).reshape([N, D]);
  const y = np.array(Float32Array.from(data.y)).reshape([N, 1]);
  const a = np.array(Float32Array.from(init.a));
  const W0 = np.array(Float32Array.from(transpose(init.W).data)).reshape([D, m]);
  const S0 = np.matmul(X.ref, W0.ref).greaterEqual(0).astype(np.float32);

  /** One timed run from round 0, masks from the run's own stream as the engine draws them. */
  const run = async (metrics: boolean): Promise<Timed> => {
    const rng = maskStream(problem.config);
    let W = W0.ref;
    let queued: JaxArray[] = [];
    let last: number[] | undefined;
    const flush = async () => {
      if (queued.length) last = Array.from((await np.concatenate(queued).data()).slice(-4));
      queued = [];
    };
    const out = await time(
      () => {
        // sampleMasks makes its array with `new Float32Array(m)`: its buffer is a plain ArrayBuffer.
        const mask = np.array(sampleMasks(rng, 'bernoulli', 1, m, XI) as Float32Array<ArrayBuffer>);
        if (!metrics) {
          W = bare(W, X.ref, y.ref, mask, a.ref);
          return;
        }
        const out = withMetrics(W, X.ref, y.ref, mask, a.ref, W0.ref, S0.ref);
        W = out.W;
        queued.push(out.packed);
      },
      async () => {
        if (metrics) await flush();
        else await W.blockUntilReady();
      },
      async () => {
        await flush();
        return (await W.data()) as Float32Array; // data() takes the array's last reference
      },
    );
    return { ...out, last };
  };
  const dispose = () => {
    bare.dispose();
    withMetrics.dispose();
    for (const t of [X, y, a, W0, S0]) t.dispose();
  };
  return { run, dispose };
}

const best = (xs: number[]) => Math.max(...xs);
const rows: string[] = [];
const checks: string[] = [];
let agreed = true;
for (const m of WIDTHS) {
  const problem = makeProblem(parseConfig(`scheme=dropout&n=${N}&d=${D}&m=${m}&xi=${XI}`).config);
  const peer = jaxRounds(problem);
  // Warm-up: jax-js compiles each jitted round on its first call, tfjs sets up its kernels.
  await engineBare(problem);
  await peer.run(false);
  await peer.run(true);
  const rates = { engine: [] as number[], engineBare: [] as number[], jaxBare: [] as number[], jax: [] as number[] };
  const errors: number[] = [];
  const weights: Float32Array[] = [];
  const metrics: number[][] = [];
  for (let turn = 0; turn < TURNS; turn++) {
    // Engine and jax-js alternate: engine, jax-js, engine, jax-js.
    const e = await engineWithMetrics(problem);
    const jb = await peer.run(false);
    const eb = await engineBare(problem);
    const j = await peer.run(true);
    rates.engine.push(e.rate);
    rates.jaxBare.push(jb.rate);
    rates.engineBare.push(eb.rate);
    rates.jax.push(j.rate);
    errors.push(...[e, jb, eb, j].map((t) => trainingError(problem, t.W)));
    weights.push(e.W, jb.W, eb.W, j.W);
    metrics.push(e.last ?? [], j.last ?? []);
  }
  peer.dispose();
  const W0 = Float32Array.from(transpose(problem.init.W).data);
  const ref = errors[0];
  const diff = Math.max(...errors.map((v) => Math.abs(v - ref) / ref));
  // Weights: the largest distance from the first run's, relative to how far that run moved from W(0).
  const moved = distance(weights[0], W0);
  const wDiff = Math.max(...weights.map((W) => distance(W, weights[0]) / moved));
  // The last round's metrics as each side reports them (engine's Trainer, jax-js with metrics).
  const mDiff = Math.max(
    ...metrics.flatMap((row) =>
      row.map((v, k) => Math.abs(v - metrics[0][k]) / Math.max(Math.abs(metrics[0][k]), 1e-12)),
    ),
  );
  // The verdict is on the errors: the weights move little from W(0), so their difference is relative to a small move.
  agreed &&= diff < TOLERANCE;
  checks.push(
    `m = ${m}: ‖y − f(W, X)‖² from ${trainingError(problem, W0).toPrecision(6)} to ${ref.toPrecision(6)} after ${ROUNDS} rounds; over every run of both, largest relative difference of the final errors ${diff.toExponential(1)}, of the weights (‖ΔW‖/‖W − W(0)‖) ${wDiff.toExponential(1)}, of the last round's four metrics [${metrics[0].map((v) => v.toPrecision(4)).join(', ')}] ${mDiff.toExponential(1)}`,
  );
  const [eb, jb, e, j] = [rates.engineBare, rates.jaxBare, rates.engine, rates.jax].map(best);
  rows.push(
    `| ${m} | ${eb.toFixed(0)} | ${jb.toFixed(0)} | ${(eb / jb).toFixed(2)} | ${e.toFixed(0)} | ${j.toFixed(0)} | ${(e / j).toFixed(2)} |`,
  );
  console.error(rows[rows.length - 1], rates);
}
console.log(
  `\nNode ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${new Date().toISOString().slice(0, 10)}; tfjs ${tf.version_core} wasm (${tfWasm}, ${tfThreads}); jax-js 0.1.25 wasm (${jaxThreads}); dropout ξ = ${XI}, n = ${N}, d = ${D}, ${ROUNDS} rounds a run, best of ${TURNS} turns, read back every ${READ_EVERY} rounds\n`,
);
console.log(
  '| m | engine bare rounds/s | jax-js bare rounds/s | ratio bare (engine / jax-js) | engine with metrics rounds/s | jax-js with metrics rounds/s | ratio with metrics (engine / jax-js) |',
);
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
console.log(
  `\nSame masks on both sides (each run draws them from the run's own stream, as Trainer.step does): ${agreed ? `the final training errors agree to float32 tolerance (relative ${TOLERANCE})` : `the final training errors DISAGREE beyond ${TOLERANCE}`}.`,
);
for (const c of checks) console.log(`- ${c}`);
if (!agreed) process.exitCode = 1;
