/**
 * One row of the phase diagram (THEORY.md E) as one tensor program: every width m and seed at one n trained together
 * by full-batch GD. The runs' neurons sit side by side in one [d, M] weight matrix (M = seeds·Σm); a 0/1 membership
 * matrix B [M, R] sums each run's output (U = (Φ ⊙ c)B, [n, R]) and a gather hands each neuron its own run's
 * residual, so a round is a few matmuls for all R runs at once instead of R small programs.
 * Each run steps with η = 1/λ_max of its own NTK at initialization (GD is stable below 2/λ_max), so that narrow
 * networks, whose NTK fluctuates, neither diverge nor crawl. Weights are clipped at ±1e4: a run that diverges
 * saturates there and fails, without turning the other runs' sums into NaN.
 */
import * as tf from '@tensorflow/tfjs-core';

import type { Config } from '../core/masked/config';
import type { Dataset } from '../core/masked/datasets';
import type { Weights } from '../core/masked/init';
import { netOf } from '../core/masked/network';
import { makeInit } from '../core/masked/problem';
import { symEigen } from '../core/math/eigen';
import { mat } from '../core/math/matrix';
import type { PhaseRun } from '../core/regimes/regimes';
import { activate } from './activation';
import { inputsTimes } from './products';

const CLIP = 1e4;
/** Rounds between two waits for the device (keeps the queue of an asynchronous backend short). */
const SYNC_EVERY = 100;

interface Block {
  m: number;
  offset: number;
}

/** Each run's NTK [R, n, n] (first layer, plus the second where it trains). */
function runNtks(
  X: tf.Tensor2D,
  XXt: tf.Tensor2D,
  W: tf.Tensor2D,
  c: tf.Tensor2D,
  sRow: tf.Tensor2D,
  blocks: Block[],
  config: Config,
): tf.Tensor3D {
  return tf.tidy(() => {
    const { A, D } = activate(X, W, config.act);
    const DC = tf.mul(D, tf.abs(c));
    const AS = tf.mul(A, sRow);
    const second = config.layers === 'both';
    return tf.stack(
      blocks.map(({ m, offset }) => {
        const Dj = tf.slice(DC, [0, offset], [-1, m]);
        const H = tf.mul(XXt, tf.matMul(Dj, Dj, false, true));
        if (!second) return H;
        const Aj = tf.slice(AS, [0, offset], [-1, m]);
        return tf.add(H, tf.matMul(Aj, Aj, false, true));
      }),
    ) as tf.Tensor3D;
  });
}

/** Runs every (m, seed) at one n; returns the runs per width, in the order of `ms`. Seed s initializes from seed config.seed + s. */
export async function runPhaseRow(
  config: Config,
  data: Dataset,
  ms: readonly number[],
  seeds: number,
  rounds: number,
): Promise<PhaseRun[][]> {
  const n = data.X.rows;
  const d = data.X.cols;
  const blocks: Block[] = [];
  const inits: Weights[] = [];
  let M = 0;
  for (const m of ms)
    for (let s = 0; s < seeds; s++) {
      inits.push(makeInit({ ...config, m, d, seed: (config.seed + s) >>> 0 }));
      blocks.push({ m, offset: M });
      M += m;
    }
  const R = blocks.length;
  // The runs' weights side by side: column offset + r of [d, M] is neuron r of run j.
  const Wflat = new Float32Array(d * M);
  const aFlat = new Float32Array(M);
  const sFlat = new Float32Array(M);
  blocks.forEach(({ m, offset }, j) => {
    const { W: Wj, a: aj } = inits[j];
    for (let r = 0; r < m; r++) {
      for (let q = 0; q < d; q++) Wflat[q * M + offset + r] = Wj.data[r * d + q];
      aFlat[offset + r] = aj[r];
      sFlat[offset + r] = netOf(config, m).outScale;
    }
  });
  const B = new Float32Array(M * R);
  blocks.forEach(({ m, offset }, j) => {
    for (let r = 0; r < m; r++) B[(offset + r) * R + j] = 1;
  });
  const t = tf.tidy(() => {
    const X = tf.tensor2d(Float32Array.from(data.X.data), [n, d]);
    return {
      X,
      XT: tf.transpose(X) as tf.Tensor2D,
      y: tf.tensor2d(Float32Array.from(data.y), [n, 1]),
      XXt: tf.matMul(X, X, false, true) as tf.Tensor2D,
      B: tf.tensor2d(B, [M, R]),
      run: tf.tensor1d(Int32Array.from(blocks.flatMap(({ m }, j) => new Array<number>(m).fill(j))), 'int32'),
      sRow: tf.tensor2d(sFlat, [1, M]),
      W0: tf.tensor2d(Wflat, [d, M]),
      a0: tf.tensor2d(aFlat, [1, M]),
    };
  });
  let W = tf.clone(t.W0);
  let a = tf.clone(t.a0);
  const trainSecond = config.layers === 'both';
  try {
    const H0 = runNtks(t.X, t.XXt, W, tf.mul(a, t.sRow), t.sRow, blocks, config);
    const h0 = (await H0.data()) as Float32Array;
    H0.dispose();
    const eta = blocks.map((_, j) => 1 / symEigen(mat(n, n, h0.subarray(j * n * n, (j + 1) * n * n))).values[n - 1]);
    const etaRow = tf.tensor2d(Float32Array.from(blocks.flatMap(({ m }, j) => new Array<number>(m).fill(eta[j]))), [
      1,
      M,
    ]);
    const S0 = tf.tidy(() => activate(t.X, t.W0, config.act).S);
    const errs = (Wc: tf.Tensor2D, ac: tf.Tensor2D) =>
      tf.tidy(() => {
        const { A } = activate(t.X, Wc, config.act);
        return tf.sum(tf.square(tf.sub(tf.matMul(tf.mul(A, tf.mul(ac, t.sRow)), t.B), t.y)), 0) as tf.Tensor1D;
      });
    const err0 = (await errs(W, a).data()) as Float32Array;
    for (let k = 0; k < rounds; k++) {
      const next = tf.tidy(() => {
        const { A, D } = activate(t.X, W, config.act);
        const c = tf.mul(a, t.sRow);
        const E = tf.sub(tf.matMul(tf.mul(A, c), t.B), t.y);
        const Eexp = tf.gather(E, t.run, 1);
        const gW = inputsTimes(t.X, t.XT, tf.mul(D, tf.mul(Eexp, c)) as tf.Tensor2D);
        const W1 = tf.clipByValue(tf.sub(W, tf.mul(gW, etaRow)), -CLIP, CLIP) as tf.Tensor2D;
        if (!trainSecond) return { W: W1, a };
        const ga = tf.mul(tf.sum(tf.mul(A, Eexp), 0, true), t.sRow);
        return { W: W1, a: tf.clipByValue(tf.sub(a, tf.mul(ga, etaRow)), -CLIP, CLIP) as tf.Tensor2D };
      });
      W.dispose();
      if (next.a !== a) a.dispose();
      W = next.W;
      a = next.a;
      if ((k + 1) % SYNC_EVERY === 0) await W.data();
    }
    const errK = (await errs(W, a).data()) as Float32Array;
    const HK = runNtks(t.X, t.XXt, W, tf.mul(a, t.sRow), t.sRow, blocks, config);
    const hK = (await HK.data()) as Float32Array;
    HK.dispose();
    const [moves, flips] = tf.tidy(() => {
      const mv = tf.mul(tf.reshape(tf.sqrt(tf.sum(tf.square(tf.sub(W, t.W0)), 0)), [M, 1]), t.B);
      const fl = tf.matMul(tf.sum(tf.abs(tf.sub(activate(t.X, W, config.act).S, S0)), 0, true), t.B);
      return [tf.max(mv, 0), fl];
    });
    const [mv, fl] = [await moves.data(), await flips.data()];
    tf.dispose([moves, flips, etaRow, S0]);
    const out: PhaseRun[][] = ms.map(() => []);
    blocks.forEach(({ m }, j) => {
      let diff = 0;
      let norm = 0;
      for (let q = j * n * n; q < (j + 1) * n * n; q++) {
        diff += (hK[q] - h0[q]) ** 2;
        norm += h0[q] ** 2;
      }
      out[Math.floor(j / seeds)].push({
        err0: err0[j],
        errK: errK[j],
        maxMove: mv[j],
        flipFrac: fl[j] / (n * m),
        ntkShift: Math.sqrt(diff / norm),
      });
    });
    return out;
  } finally {
    tf.dispose([W, a, ...Object.values(t)]);
  }
}
