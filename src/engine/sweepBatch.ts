/**
 * Several sweep cells as one tensor program. Cells that share the data, the initialization, the width m and the
 * number of subnetworks p (core/masked/sweep.ts sweepBatches groups them) train side by side: their neurons are the
 * rows of one [C·m, d] matrix (so each matmul's right-hand side is the constant data), each cell with its own seeded
 * masks, ξ, step size, local steps τ and aggregation rule, and one read-back every few rounds brings every cell's
 * error. Each cell's rows only ever meet its own, so a cell trains as it would alone, to float32 rounding.
 *
 * Where every cell takes one local step (τ = 1) all p copies of a neuron start the step equal, so the step is taken
 * on the neurons themselves: the p subnetworks' outputs and the averaged update come from φ(XW) once, as segment sums
 * over the selected entries, and a round costs about as much as one of full GD. With more local steps the copies
 * part: they sit side by side as [d, C·p·m], and a cell with fewer local steps than another holds still for the extra
 * ones (its step size is 0 there). The second layer is fixed here (a sweep with a trained second layer runs its cells
 * one by one). On a GPU the copies are formed at every τ (see `gpu` below).
 */
import * as tf from '@tensorflow/tfjs-core';

import type { Config } from '../core/masked/config';
import type { Dataset } from '../core/masked/datasets';
import type { Weights } from '../core/masked/init';
import { neuronCounts, sampleMasks } from '../core/masked/masks';
import { netOf } from '../core/masked/network';
import { type FullProblem, makeProblem, maskStream, type Problem, withSettings } from '../core/masked/problem';
import type { Rng } from '../core/math/rng';
import { activate } from './activation';

/** Rounds between two read-backs of the cells' errors. */
const READ_EVERY = 50;

/**
 * Lets the worker's event loop run (a message channel, not a timer: no 4 ms clamp), so that what is sent to the
 * worker while a long batch trains — a ping, a debugger's call — is not held up until the batch ends.
 */
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/** One round's masks, drawn on the CPU, and what aggregation needs of them. */
interface RoundPlan {
  /** [C, p, m] 0/1, row (c, l) = subnetwork l of cell c. */
  masks: Float32Array;
  /** [C, m] 1 where neuron r keeps its weights at aggregation: held by someone, or by no one under the keep rule. */
  held: Float32Array;
  /** [C, m] 1 where neuron r was held by no one and keeps its weights (the keep rule). */
  orphans: Float32Array;
  /** [C, m] 1/max(N_r, 1), and N_r: how many subnetworks hold neuron r. */
  invN: Float32Array;
  counts: Int32Array;
  /** Whether every neuron keeps its weights (none is zeroed). */
  allHeld: boolean;
}

/** The problems of cells that may share a batch: the first cell's data and initialization, each cell's scheme. */
export function batchProblems(configs: readonly Config[], data?: Dataset, init?: Weights): FullProblem[] {
  const first = makeProblem(configs[0], data, init && init.W.rows === configs[0].m ? init : undefined);
  return configs.map((c, i) => (i === 0 ? first : withSettings(first, c)));
}

/**
 * Trains every problem (one batch: same data, initialization, m, p, activation, aggregation strictness, fixed second
 * layer) for `rounds` rounds; returns each cell's error ‖u_k − y‖² at rounds 0..rounds.
 */
export async function trainBatch(problems: readonly Problem[], rounds: number): Promise<Float32Array[]> {
  const C = problems.length;
  const { data, init, config } = problems[0];
  const [n, d, m] = [data.X.rows, data.X.cols, init.W.rows];
  const p = config.p;
  const net = netOf(config, m);
  const strict = config.aggregate === 'zero';
  const rngs: Rng[] = problems.map((pr) => maskStream(pr.config));
  const taus = problems.map((pr) => pr.config.tau);
  // On a GPU a segment sum reads its segments back to size its output, a stall every call: there the copies are
  // always formed, and the error sums each cell's block of rows.
  const gpu = tf.getBackend() === 'webgpu' || tf.getBackend() === 'webgl';
  const wide = gpu || Math.max(...taus) > 1;
  // Per neuron of each cell: a_r s (the network's output), a_r s/ξ (a surrogate's) and η a_r s/ξ (its step).
  const aRow = new Float32Array(C * m);
  const scales = new Float32Array(C * m);
  const steps = new Float32Array(C * m);
  problems.forEach(({ config: c, eta }, j) => {
    for (let r = 0; r < m; r++) {
      aRow[j * m + r] = init.a[r] * net.outScale;
      scales[j * m + r] = aRow[j * m + r] / c.xi;
      steps[j * m + r] = scales[j * m + r] * eta;
    }
  });
  const t = tf.tidy(() => {
    const X = tf.tensor2d(Float32Array.from(data.X.data), [n, d]);
    const y = tf.tensor2d(Float32Array.from(data.y), [n, 1]);
    const column = (v: Float32Array) => tf.tile(tf.tensor2d(v, [C * m, 1]), [1, n]) as tf.Tensor2D;
    return {
      X,
      XT: tf.transpose(X) as tf.Tensor2D,
      y,
      yT: tf.reshape(y, [1, n]) as tf.Tensor2D,
      aTile: column(aRow),
      scaleTile: column(scales),
      neurons: tf.range(0, C * m, 1, 'int32') as tf.Tensor1D,
      cellOf: tf.tensor1d(
        Int32Array.from({ length: C * m }, (_, i) => Math.floor(i / m)),
        'int32',
      ),
    };
  });
  // The cells' neurons as rows: row c·m + r is neuron r of cell c (every matmul then has a constant right side).
  const W0 = new Float32Array(C * m * d);
  for (let c = 0; c < C; c++) W0.set(init.W.data, c * m * d);
  let WT = tf.tensor2d(W0, [C * m, d]);
  const errs = (AT: tf.Tensor2D) => {
    const weighted = tf.mul(AT, t.aTile);
    const u = gpu
      ? tf.sum(tf.reshape(weighted, [C, m, n]), 1)
      : tf.sparse.sparseSegmentSum(weighted, t.neurons, t.cellOf);
    return tf.sum(tf.square(tf.sub(u, t.yT)), 1) as tf.Tensor1D;
  };
  const queued: tf.Tensor1D[] = [];
  const out = problems.map(() => new Float32Array(rounds + 1));
  let read = 0;
  const readBack = async () => {
    const joined = tf.stack(queued.splice(0));
    const values = (await joined.data()) as Float32Array;
    tf.dispose(joined);
    const k = values.length / C;
    for (let j = 0; j < k; j++, read++) for (let c = 0; c < C; c++) out[c][read] = values[j * C + c];
    await yieldToEvents();
  };
  const at = { ...t, scales, steps };
  try {
    for (let k = 0; k <= rounds; k++) {
      const last = k === rounds;
      const plan = last ? null : drawRound(problems, rngs, p, m);
      const next = tf.tidy(() => {
        const { A, D } = activate(WT, t.XT, net.act, strict);
        const err = tf.keep(errs(A));
        if (!plan) return { err, WT };
        if (!wide) return { err, WT: compactStep(A, D, WT, plan, at, [n, C, p, m]) };
        const W = wideRound(tf.transpose(WT), plan, at, taus, [n, C, p, m], net.act, strict);
        return { err, WT: tf.transpose(W) as tf.Tensor2D };
      });
      queued.push(next.err);
      if (next.WT !== WT) WT.dispose();
      WT = next.WT;
      if (queued.length === READ_EVERY || last) await readBack();
    }
    return out;
  } finally {
    tf.dispose([WT, ...queued, ...Object.values(t)]);
  }
}

type Shape = [n: number, C: number, p: number, m: number];
interface Data {
  X: tf.Tensor2D;
  XT: tf.Tensor2D;
  y: tf.Tensor2D;
  /** [1, n] targets. */
  yT: tf.Tensor2D;
  /** [C·m, n] a_r s/ξ down each neuron's row, and on the CPU a_r s/ξ and η a_r s/ξ per neuron. */
  scaleTile: tf.Tensor2D;
  scales: Float32Array;
  steps: Float32Array;
}

/** Draws each cell's masks from its own stream, as its trainer would. */
function drawRound(problems: readonly Problem[], rngs: Rng[], p: number, m: number): RoundPlan {
  const C = problems.length;
  const masks = new Float32Array(C * p * m);
  const held = new Float32Array(C * m);
  const orphans = new Float32Array(C * m);
  const invN = new Float32Array(C * m);
  const counts = new Int32Array(C * m);
  let allHeld = true;
  for (let c = 0; c < C; c++) {
    const { config } = problems[c];
    const drawn = sampleMasks(rngs[c], config.mask, p, m, config.xi);
    masks.set(drawn, c * p * m);
    counts.set(neuronCounts(drawn, p, m), c * m);
    const keep = config.aggregate === 'keep';
    for (let q = c * m; q < (c + 1) * m; q++) {
      const N = counts[q];
      held[q] = N > 0 || keep ? 1 : 0;
      orphans[q] = N === 0 && keep ? 1 : 0;
      invN[q] = 1 / Math.max(N, 1);
      if (N === 0 && !keep) allHeld = false;
    }
  }
  return { masks, held, orphans, invN, counts, allHeld };
}

/** Σ of the rows of `data` listed in `rows`, by sorted segment, as [segments, n] (a segment that lists none is 0). */
function segmentSum(data: tf.Tensor2D, rows: Int32Array, segs: Int32Array, segments: number): tf.Tensor2D {
  if (!rows.length) return tf.zeros([segments, data.shape[1]]);
  const sum = tf.sparse.sparseSegmentSum(data, tf.tensor1d(rows, 'int32'), tf.tensor1d(segs, 'int32')) as tf.Tensor2D;
  const short = segments - sum.shape[0];
  return short
    ? tf.pad(sum, [
        [0, short],
        [0, 0],
      ])
    : sum;
}

/**
 * τ = 1 for every cell: the copies all equal W, so u^l = φ(XW)(m^l ⊙ a s/ξ) and the aggregated update is
 * Xᵀ(φ′ ⊙ Σ_l e^l (m^l a s/ξ) η/N_r), taken from the neurons' own activations. Both sums over the masks run on the
 * selected entries only, as segment sums: u^l over the neurons it holds, each neuron's update over the subnetworks
 * that hold it.
 */
function compactStep(
  AT: tf.Tensor2D,
  DT: tf.Tensor2D,
  WT: tf.Tensor2D,
  plan: RoundPlan,
  t: Data,
  shape: Shape,
): tf.Tensor2D {
  const [, C, p, m] = shape;
  const { masks, invN, counts } = plan;
  // The selected entries twice: by subnetwork (c, l) for its output, by neuron (c, r) for its update.
  const next = new Int32Array(C * m);
  let K = 0;
  for (let q = 0; q < C * m; q++) {
    next[q] = K;
    K += counts[q];
  }
  const [toU, ofU, toG, ofG] = [0, 0, 0, 0].map(() => new Int32Array(K));
  for (let c = 0, k = 0, i = 0; c < C; c++)
    for (let l = 0; l < p; l++)
      for (let r = 0; r < m; r++, i++)
        if (masks[i]) {
          const neuron = c * m + r;
          toU[k] = neuron;
          ofU[k++] = c * p + l;
          const at = next[neuron]++;
          toG[at] = c * p + l;
          ofG[at] = neuron;
        }
  // Each neuron's step η a_r s/ξ / N_r, a column broadcast across its row of d weights; and the rows that stay.
  const weight = new Float32Array(C * m);
  for (let q = 0; q < C * m; q++) weight[q] = t.steps[q] * invN[q];
  const U = segmentSum(tf.mul(AT, t.scaleTile), toU, ofU, C * p);
  const E = tf.sub(U, t.yT) as tf.Tensor2D;
  const G = segmentSum(E, toG, ofG, C * m);
  const update = tf.mul(tf.matMul(tf.mul(DT, G), t.X), tf.tensor2d(weight, [C * m, 1]));
  const kept = plan.allHeld ? WT : tf.mul(WT, tf.tensor2d(plan.held, [C * m, 1]));
  return tf.sub(kept, update) as tf.Tensor2D;
}

/** Local steps on copies side by side [d, C·p·m] (a cell past its τ holds still), then each cell's average. */
function wideRound(
  W: tf.Tensor2D,
  plan: RoundPlan,
  t: Data,
  taus: readonly number[],
  shape: Shape,
  act: Config['act'],
  strict: boolean,
): tf.Tensor2D {
  const [n, C, p, m] = shape;
  const d = W.shape[0];
  const L = C * p * m;
  let Wl = tf.reshape(tf.tile(tf.reshape(W, [d, C, 1, m]), [1, 1, p, 1]), [d, L]) as tf.Tensor2D;
  // Copy (c, l, r): m_r^l a_r s/ξ, and its step η m_r^l a_r s/ξ.
  const copyCoef = new Float32Array(L);
  const copyStep = new Float32Array(L);
  for (let c = 0; c < C; c++)
    for (let l = 0; l < p; l++)
      for (let r = 0; r < m; r++) {
        const q = (c * p + l) * m + r;
        copyCoef[q] = plan.masks[q] * t.scales[c * m + r];
        copyStep[q] = plan.masks[q] * t.steps[c * m + r];
      }
  const coef = tf.tensor2d(copyCoef, [1, L]);
  for (let step = 0; step < Math.max(...taus); step++) {
    const active = new Float32Array(L);
    taus.forEach((tau, c) => {
      if (step < tau) active.set(copyStep.subarray(c * p * m, (c + 1) * p * m), c * p * m);
    });
    const { A, D } = activate(t.X, Wl, act, strict);
    const E = tf.sub(tf.sum(tf.reshape(tf.mul(A, coef), [n, C * p, m]), 2), t.y);
    const G = tf.mul(tf.reshape(E, [n, C * p, 1]), tf.tensor3d(active, [1, C * p, m]));
    Wl = tf.sub(Wl, tf.matMul(t.XT, tf.mul(D, tf.reshape(G, [n, L]))));
  }
  const masks = tf.tensor4d(plan.masks, [1, C, p, m]);
  const total = tf.sum(tf.mul(tf.reshape(Wl, [d, C, p, m]), masks), 2);
  const averaged = tf.mul(tf.reshape(total, [d, C * m]), tf.tensor2d(plan.invN, [1, C * m]));
  // A neuron nobody held: its copies' sum is 0, and it keeps W (keep rule) or stays zeroed.
  return tf.add(averaged, tf.mul(W, tf.tensor2d(plan.orphans, [1, C * m]))) as tf.Tensor2D;
}
