/**
 * Where one λ_min measurement of the NTK spends its time, on Node (`npm run bench:ntk`): the default link's scheme
 * (dropout, ξ = 0.5, p = 1) trained 50 rounds, then one measurement of the network's and the subnetwork's λ_min the
 * way the engine takes it at that size (the kernels formed, or products H·v where matrixFreePays), phase by phase:
 * forming on the device, read-back, the subnetwork's kernel, Lanczos (its products and their count, and the rest of
 * its time: reorthogonalization and the tridiagonal solves that give the bound).
 * Usage: npm run bench:ntk [-- --sizes 512x8,2048x32 --m 1024]
 */
import * as tf from '@tensorflow/tfjs';

import { selectNodeBackend } from '../src/cli/backend';
import { parseConfig } from '../src/core/masked/config';
import { netOf } from '../src/core/masked/network';
import { startProblem } from '../src/core/masked/problem';
import { lanczosExtremes, tridiagonalEigen } from '../src/core/math/lanczos';
import { Rng } from '../src/core/math/rng';
import { warmLanczosMin } from '../src/core/math/warmLanczos';
import { activate } from '../src/engine/activation';
import {
  empiricalNtk,
  matrixFreePays,
  type NetworkKind,
  ntkFactors,
  ntkTimes,
  subnetworkFactors,
  subnetworkNtks,
} from '../src/engine/measure';
import { Trainer } from '../src/engine/trainer';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const M = Number(arg('m', '1024'));
const SIZES = arg('sizes', '512x8,1024x8,2048x8,4096x8,512x32,1024x32,2048x32,4096x32').split(',');
const ROUNDS = 50;

const now = () => performance.now();
const s = (ms: number) => (ms / 1000).toFixed(2);

/** Seconds the tridiagonal solves of a Lanczos run of `steps` steps take, at the sizes it solves them. */
function tridiagonalTime(sizes: number[]): number {
  const t0 = now();
  for (const j of sizes)
    tridiagonalEigen(
      Array.from({ length: j }, (_, i) => 1 + i),
      new Array(j - 1).fill(0.5),
    );
  return now() - t0;
}

/** The sizes lanczosExtremes solves its tridiagonal matrix at (Krylov sizes growing by half from 10). */
function extremesChecks(steps: number): number[] {
  const out: number[] = [];
  for (let c = 10; c < steps; c = Math.ceil(c * 1.5)) out.push(c);
  return [...out, steps];
}

await selectNodeBackend('wasm');
console.log(
  '| n, d | path | forming H (s) | read-back (s) | subnetwork kernel (s) | Lanczos products: count, time (s) | reorthogonalization (s) | bound: tridiagonal solves (s) | one measurement (s) |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const size of SIZES) {
  const [n, d] = size.split('x').map(Number);
  const problem = startProblem(parseConfig(`scheme=dropout&xi=0.5&n=${n}&d=${d}&m=${M}&seed=13`).config);
  const trainer = new Trainer(problem, { ntkEvery: 0 });
  await trainer.run(ROUNDS, ROUNDS);
  const { W } = await trainer.weights();
  const masks = tf.tensor2d(trainer.lastMasks as Float32Array, [1, M]);
  trainer.dispose();
  const X = tf.tensor2d(Float32Array.from(problem.data.X.data), [n, d]);
  const Wt = tf.tensor2d(Float32Array.from(W.data), [M, d]);
  const Wd = tf.transpose(Wt) as tf.Tensor2D;
  const a = tf.tensor2d(Float32Array.from(problem.init.a), [1, M]);
  const XXt = tf.matMul(X, X, false, true) as tf.Tensor2D;
  const kind: NetworkKind = { ...netOf(problem.config, M), lazy: true };
  const act = activate(X, Wd, 'relu');
  const free = matrixFreePays(n, d);
  let products = 0;
  let productMs = 0;
  const row: Record<string, number> = { form: 0, read: 0, sub: 0, rest: 0, solve: 0 };
  const t0 = now();
  if (!free) {
    let t = now();
    const H = empiricalNtk(XXt, kind, act, a);
    row.form = now() - t;
    t = now();
    const h = (await H.data()) as Float32Array;
    row.read = now() - t;
    t = now();
    const sub = subnetworkNtks(XXt, kind, act, a, masks, 0.5);
    const hs = (await sub.data()) as Float32Array;
    row.sub = now() - t;
    for (const kernel of [h, hs]) {
      t = now();
      const e = lanczosExtremes(
        (v) => {
          const tp = now();
          const out = new Float64Array(n);
          for (let i = 0; i < n; i++) {
            let acc = 0;
            for (let j = 0; j < n; j++) acc += kernel[i * n + j] * v[j];
            out[i] = acc;
          }
          products += 1;
          productMs += now() - tp;
          return out;
        },
        n,
        { rng: new Rng(1), maxSteps: 200, tol: 1e-6 },
      );
      row.solve += now() - t;
      row.bound = (row.bound ?? 0) + tridiagonalTime(extremesChecks(e.steps));
    }
    tf.dispose([H, sub]);
  } else {
    const f = ntkFactors(kind, act, a);
    const sub = subnetworkFactors(f, masks, 0, 0.5);
    const t = now();
    for (const factors of [f, sub]) {
      const est = await warmLanczosMin(
        async (v) => {
          const tp = now();
          const p = tf.tidy(() => ntkTimes(X, factors, tf.tensor2d(Float32Array.from(v), [n, 1])));
          const out = Float64Array.from(await p.data());
          p.dispose();
          products += 1;
          productMs += now() - tp;
          return out;
        },
        n,
        { start: null, rng: new Rng(1), productError: 1e-7 },
      );
      row.bound = (row.bound ?? 0) + tridiagonalTime(Array.from({ length: est.steps }, (_, i) => i + 1));
    }
    row.solve = now() - t;
    tf.dispose([f.C, sub.C]);
  }
  const total = now() - t0;
  row.rest = row.solve - productMs - (row.bound ?? 0);
  console.log(
    `| ${n}, ${d} | ${free ? 'products H·v' : 'formed'} | ${free ? '—' : s(row.form)} | ${free ? '—' : s(row.read)} | ${free ? '(in the products)' : s(row.sub)} | ${products}, ${s(productMs)} | ${s(row.rest)} | ${s(row.bound ?? 0)} | ${s(total)} |`,
  );
  tf.dispose([X, Wt, Wd, a, XXt, masks, act.A, act.S]);
}
console.log(
  `\nNode ${process.version}, wasm; m = ${M}, dropout ξ = 0.5, p = 1, after ${ROUNDS} rounds; the network's and the subnetwork's λ_min, cold.`,
);
