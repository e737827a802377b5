/**
 * Several sweep cells as one tensor program. Cells that share the data, the initialization, the width m and the
 * number of subnetworks p (core/masked/batches.ts groups them) train side by side: their weights are one [d, C·m]
 * matrix, each cell with its own seeded masks, ξ, step size, local steps τ and aggregation rule, and one read-back
 * every few rounds brings every cell's error. Each cell's columns only ever meet its own, so a cell trains as it
 * would alone, to float32 rounding.
 *
 * Where every cell takes one local step (τ = 1) all p copies of a neuron start the step equal, so the step is taken
 * on the neurons themselves: the p subnetworks' outputs and the averaged update come from φ(XW) once, and a round
 * costs about as much as one of full GD. With more local steps the copies part: they sit side by side as [d, C·p·m],
 * and a cell with fewer local steps than another holds still for the extra ones (its step size is 0 there).
 * The second layer is fixed here (a sweep with a trained second layer runs its cells one by one). Call per batch.
 */
import * as tf from '@tensorflow/tfjs';

import type { Config } from '../core/masked/config';
import type { Dataset } from '../core/masked/datasets';
import type { Weights } from '../core/masked/init';
import { sampleMasks } from '../core/masked/masks';
import { netOf } from '../core/masked/network';
import { type FullProblem, makeProblem, maskStream, type Problem, withSettings } from '../core/masked/problem';
import { transpose } from '../core/math/matrix';
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

/** One round's per-cell inputs, drawn on the CPU: [C, p, m] coefficients, [C, m] kept weights and 1/N_r. */
interface RoundPlan {
  coef: Float32Array;
  /** m_r^l a_r s/ξ · η/max(N_r, 1) for each copy (the compact step) or η·m_r^l a_r s/ξ (the wide steps). */
  step: Float32Array;
  /** [C, m] 1 where neuron r keeps its weights at aggregation: held by someone, or by no one under the keep rule. */
  held: Float32Array;
  /** [C, m] 1 where neuron r was held by no one and keeps its weights (the keep rule). */
  orphans: Float32Array;
  invN: Float32Array;
  masks: Float32Array;
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
  const wide = Math.max(...taus) > 1;
  const W0 = transpose(init.W).data;
  const Wflat = new Float32Array(d * C * m);
  for (let q = 0; q < d; q++) for (let c = 0; c < C; c++) Wflat.set(W0.subarray(q * m, (q + 1) * m), (q * C + c) * m);
  const aRow = new Float32Array(C * m);
  for (let c = 0; c < C; c++) for (let r = 0; r < m; r++) aRow[c * m + r] = init.a[r] * net.outScale;
  const t = tf.tidy(() => {
    const X = tf.tensor2d(Float32Array.from(data.X.data), [n, d]);
    return { X, XT: tf.transpose(X) as tf.Tensor2D, y: tf.tensor2d(Float32Array.from(data.y), [n, 1]) };
  });
  const aS = tf.tensor2d(aRow, [1, C * m]);
  let W = tf.tensor2d(Wflat, [d, C * m]);
  const errs = (A: tf.Tensor2D) =>
    tf.sum(tf.square(tf.sub(tf.sum(tf.reshape(tf.mul(A, aS), [n, C, m]), 2), t.y)), 0) as tf.Tensor1D;
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
  try {
    for (let k = 0; k <= rounds; k++) {
      const last = k === rounds;
      const plan = last ? null : planRound(problems, rngs, p, m, wide);
      const next = tf.tidy(() => {
        const { A, D } = activate(t.X, W, net.act, strict);
        const err = tf.keep(errs(A));
        if (!plan) return { err, W };
        if (!wide) return { err, W: compactStep(A, D, W, plan, t, [n, C, p, m]) };
        return { err, W: wideRound(W, plan, t, taus, [n, C, p, m], net.act, strict) };
      });
      queued.push(next.err);
      if (next.W !== W) W.dispose();
      W = next.W;
      if (queued.length === READ_EVERY || last) await readBack();
    }
    return out;
  } finally {
    tf.dispose([W, aS, ...queued, ...Object.values(t)]);
  }
}

type Shape = [n: number, C: number, p: number, m: number];
interface Data {
  X: tf.Tensor2D;
  XT: tf.Tensor2D;
  y: tf.Tensor2D;
}

/** Draws each cell's masks from its own stream (as its trainer would) and prepares the round's coefficients. */
function planRound(problems: readonly Problem[], rngs: Rng[], p: number, m: number, wide: boolean): RoundPlan {
  const C = problems.length;
  const masks = new Float32Array(C * p * m);
  const coef = new Float32Array(C * p * m);
  const step = new Float32Array(C * p * m);
  const held = new Float32Array(C * m);
  const orphans = new Float32Array(C * m);
  const invN = new Float32Array(C * m);
  problems.forEach(({ config, init, eta }, c) => {
    const drawn = sampleMasks(rngs[c], config.mask, p, m, config.xi);
    masks.set(drawn, c * p * m);
    const s = netOf(config, m).outScale / config.xi;
    const keep = config.aggregate === 'keep';
    for (let r = 0; r < m; r++) {
      let N = 0;
      for (let l = 0; l < p; l++) N += drawn[l * m + r];
      held[c * m + r] = N > 0 || keep ? 1 : 0;
      orphans[c * m + r] = N === 0 && keep ? 1 : 0;
      invN[c * m + r] = 1 / Math.max(N, 1);
      for (let l = 0; l < p; l++) {
        const q = (c * p + l) * m + r;
        coef[q] = drawn[l * m + r] * init.a[r] * s;
        step[q] = coef[q] * eta * (wide ? 1 : invN[c * m + r]);
      }
    }
  });
  return { coef, step, held, orphans, invN, masks };
}

/**
 * τ = 1 for every cell: the copies all equal W, so u^l = φ(XW)(m^l ⊙ a s/ξ) and the aggregated update is
 * Xᵀ(φ′ ⊙ Σ_l e^l (m^l a s/ξ) η/N_r), taken from the neurons' own activations.
 */
function compactStep(A: tf.Tensor2D, D: tf.Tensor2D, W: tf.Tensor2D, plan: RoundPlan, t: Data, shape: Shape) {
  const [n, C, p, m] = shape;
  const held = tf.mul(W, tf.tensor2d(plan.held, [1, C * m]));
  const U = tf.sum(tf.mul(tf.reshape(A, [n, C, 1, m]), tf.tensor4d(plan.coef, [1, C, p, m])), 3);
  const E = tf.sub(U, tf.reshape(t.y, [n, 1, 1]));
  const G = tf.sum(tf.mul(tf.reshape(E, [n, C, p, 1]), tf.tensor4d(plan.step, [1, C, p, m])), 2);
  return tf.sub(held, tf.matMul(t.XT, tf.mul(D, tf.reshape(G, [n, C * m])))) as tf.Tensor2D;
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
  const coef = tf.tensor2d(plan.coef, [1, L]);
  for (let step = 0; step < Math.max(...taus); step++) {
    const active = new Float32Array(L);
    taus.forEach((tau, c) => {
      if (step < tau) active.set(plan.step.subarray(c * p * m, (c + 1) * p * m), c * p * m);
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
