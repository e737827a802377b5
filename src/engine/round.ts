/**
 * One global round of masked training on tensors (THEORY.md B.1 steps 2–4), all p subnetworks at once.
 *
 * Local weights are one matrix: Bernoulli masks keep the p copies side by side as [d, p·m], so each local
 * step is two plain matmuls for all subnetworks together (batched matmuls are far slower on wasm); with one local step
 * and a fixed second layer the copies are never formed (they all start the step equal to W).
 * Categorical masks (IST) partition the neurons, so each neuron has exactly one live copy: [d, m], and each
 * neuron reads its own subnetwork's residual through a [p, m] coefficient matmul.
 *
 * The network's second layer a is fixed (its coefficients m_r^l a_r s/ξ are prepared on the CPU) or trained: then
 * each subnetwork keeps local copies of a, steps them from the same local weights as W, and they are averaged per
 * neuron like W.
 *
 * Gaussian input masks (THEORY.md J.1) multiply the inputs for the whole round, every subnetwork and local step alike;
 * with the data split across the workers (J.2) subnetwork l weighs each residual by its share weight: n/|S_l| for its
 * own samples, 0 for the others. Call inside tf.tidy.
 */
import * as tf from '@tensorflow/tfjs-core';

import type { Activation } from '../core/masked/config';
import { activate, type Activated } from './activation';
import { inputsTimes } from './products';

export interface RoundInputs {
  /** [n, d] inputs and their transpose [d, n]. */
  X: tf.Tensor2D;
  XT: tf.Tensor2D;
  /** [n, 1] targets. */
  y: tf.Tensor2D;
  /** [d, m] weights at the start of the round. */
  W: tf.Tensor2D;
  /** [1, m] second layer at the start of the round (raw a_r; used when it trains). */
  a: tf.Tensor2D;
  act: Activation;
  /** [n, d] this round's input masks c_i (absent: the clean inputs). */
  inputMasks?: tf.Tensor2D;
  /**
   * φ(XW) and φ′(XW) of the clean inputs at the round's W under its strictness, where the caller has them already (the
   * metrics of the last round measured them): the first local step then starts from them instead of a forward pass.
   */
  first?: Pick<Activated, 'A' | 'D'>;
}

/** The round's masks, prepared on the CPU where they are drawn. */
export interface MaskPlan {
  p: number;
  /** [p, m] 0/1 masks, row l = subnetwork l. */
  masks: Float32Array;
  /** [p, m] surrogate coefficients m_r^l a_r s/ξ (for a fixed second layer). */
  coef: Float32Array;
  /** s/ξ: the surrogate's output scale. */
  scale: number;
  categorical: boolean;
  /** [m] 1/max(N_r, 1), or null when every N_r ≤ 1 (the division is then the identity). */
  invN: Float32Array | null;
  /** [m] 1 where N_r = 0 and the keep rule holds, or null when no neuron needs it. */
  keep: Float32Array | null;
  /** The zero rule reproduces the reference code, which runs under TensorFlow's σ′(0) = 0 (THEORY.md B.6). */
  strict: boolean;
  /** [n, p] each worker's weight of each sample (split data, THEORY.md J.2), or null: every worker sees every sample. */
  shares: Float32Array | null;
}

export interface RoundOutput {
  /** [d, m] aggregated weights. */
  W: tf.Tensor2D;
  /** [1, m] aggregated second layer (the input's when it does not train). */
  a: tf.Tensor2D;
  /** Scalar: mean over subnetworks of ‖y − u_m‖² at the first local step (on the masked inputs, over the worker's share). */
  surrErr: tf.Scalar;
}

/** Builds the mask plan from drawn masks (THEORY.md B.1 steps 2 and 4); s is the network's output scale. */
export function planMasks(
  masks: Float32Array,
  p: number,
  a: ArrayLike<number>,
  xi: number,
  categorical: boolean,
  keepRule: boolean,
  outScale: number,
  shares: ArrayLike<number> | null = null,
): MaskPlan {
  const m = a.length;
  const coef = new Float32Array(p * m);
  const N = new Float64Array(m);
  const s = outScale / xi;
  for (let l = 0; l < p; l++)
    for (let r = 0; r < m; r++) {
      const q = l * m + r;
      coef[q] = masks[q] * a[r] * s;
      N[r] += masks[q];
    }
  const needInv = N.some((v) => v > 1);
  const needKeep = keepRule && N.some((v) => v === 0);
  return {
    p,
    masks,
    coef,
    scale: s,
    categorical,
    invN: needInv ? Float32Array.from(N, (v) => 1 / Math.max(v, 1)) : null,
    keep: needKeep ? Float32Array.from(N, (v) => (v === 0 ? 1 : 0)) : null,
    strict: !keepRule,
    shares: shares ? Float32Array.from(shares) : null,
  };
}

/**
 * [n, L] residual of each local neuron's subnetwork times η·mask_r·s/ξ (or, with `coef`, times the coefficient of
 * each neuron instead of its mask): the wide layout broadcasts e [n, p] over each block, IST reads it through [p, m].
 */
function spread(e: tf.Tensor2D, perNeuron: tf.Tensor2D, wide: boolean): tf.Tensor2D {
  const [n, p] = e.shape;
  if (!wide) return tf.matMul(e, perNeuron);
  const m = perNeuron.shape[1];
  return tf.reshape(tf.mul(tf.reshape(e, [n, p, 1]), tf.reshape(perNeuron, [1, p, m])), [n, p * m]);
}

/**
 * φ(XW)·C for coefficients C [p, m] given by rows, as [n, p]: with C's transpose written out beforehand, since tfjs's
 * WebAssembly matMul is slower asked to transpose its right side. One row is its own transpose.
 */
function outputs(A: tf.Tensor2D, C: tf.Tensor2D, CT: tf.Tensor2D | null): tf.Tensor2D {
  const [p, m] = C.shape;
  if (p === 1) return tf.matMul(A, tf.reshape(C, [m, 1]));
  return CT ? tf.matMul(A, CT) : tf.matMul(A, C, false, true);
}

/** A sum over p subnetworks as their mean (one subnetwork's sum is its mean: no kernel). */
function meanOver(sum: tf.Scalar, p: number): tf.Scalar {
  return p === 1 ? sum : tf.div(sum, p);
}

/** η·c as [1, m], multiplied on the CPU exactly as float32 would on the device (a kernel fewer). */
function scaledRow(c: Float32Array, eta: number): tf.Tensor2D {
  const e32 = Math.fround(eta);
  return tf.tensor2d(
    c.map((v) => Math.fround(v * e32)),
    [1, c.length],
  );
}

/** The [p, m] matrix `rows` written out as its transpose [m, p]. */
function transposed(rows: Float32Array, p: number, m: number): Float32Array {
  const out = new Float32Array(p * m);
  for (let l = 0; l < p; l++) for (let r = 0; r < m; r++) out[r * p + l] = rows[l * m + r];
  return out;
}

export function maskedRound(
  inp: RoundInputs,
  plan: MaskPlan,
  tau: number,
  eta: number,
  trainSecond: boolean,
): RoundOutput {
  const { y, W } = inp;
  const X = inp.inputMasks ? (tf.mul(inp.X, inp.inputMasks) as tf.Tensor2D) : inp.X;
  const XT = inp.inputMasks ? tf.transpose(X) : inp.XT;
  const m = W.shape[1];
  const n = X.shape[0];
  const p = plan.p;
  const wide = !plan.categorical && p > 1;
  if (wide && tau === 1 && !trainSecond) return compactRound({ ...inp, X, XT }, plan, eta);
  let masks: tf.Tensor2D | null = null;
  const maskTensor = () => (masks ??= tf.tensor2d(plan.masks, [p, m]));
  const copies = <T extends tf.Tensor2D>(t: T): tf.Tensor2D => (wide ? tf.concat(Array<tf.Tensor2D>(p).fill(t), 1) : t);
  let Wl: tf.Tensor2D = copies(W);
  let al: tf.Tensor2D = copies(inp.a);
  const fixedCoef = trainSecond ? null : tf.tensor2d(plan.coef, [p, m]);
  const fixedCoefT = fixedCoef && p > 1 && !wide ? tf.tensor2d(transposed(plan.coef, p, m), [m, p]) : null;
  const maskEta = trainSecond ? (tf.mul(maskTensor(), eta * plan.scale) as tf.Tensor2D) : null;
  const shares = plan.shares ? tf.tensor2d(plan.shares, [n, p]) : null;
  const reuse = inp.first && !inp.inputMasks && !wide ? inp.first : null;
  let surrErr: tf.Scalar | null = null;
  for (let t = 0; t < tau; t++) {
    const { A, D } = t === 0 && reuse ? reuse : activate(X, Wl, inp.act, plan.strict);
    // The surrogates' coefficients: fixed this round, or from the local copies of a.
    const coef = fixedCoef ?? tf.mul(maskTensor(), tf.mul(wide ? tf.reshape(al, [p, m]) : al, plan.scale));
    let e: tf.Tensor2D; // [n, p]: u_m^l − y
    if (wide) e = tf.sub(tf.sum(tf.reshape(tf.mul(A, tf.reshape(coef, [1, p * m])), [n, p, m]), 2), y) as tf.Tensor2D;
    else e = tf.sub(outputs(A, coef as tf.Tensor2D, fixedCoefT), y);
    if (t === 0) surrErr = meanOver(tf.sum(shares ? tf.mul(tf.square(e), shares) : tf.square(e)), p);
    if (shares) e = tf.mul(e, shares) as tf.Tensor2D;
    if (maskEta) {
      // ∂/∂a_r = (s/ξ) m_r Σ_i e_i φ(z_ir) and ∂/∂w_r = a_r·(same residual) φ′(z_ir) x_i, both from the same weights.
      const R = spread(e, maskEta, wide);
      Wl = tf.sub(Wl, inputsTimes(X, XT, tf.mul(D, tf.mul(R, al)) as tf.Tensor2D));
      al = tf.sub(al, tf.sum(tf.mul(A, R), 0, true) as tf.Tensor2D);
    } else if (p === 1) {
      // One subnetwork: its residual is one column, so the step is Xᵀ(φ′ ⊙ e) scaled per neuron by η·coef, and
      // Xᵀ(φ′ ⊙ e) = (φ′ᵀ(X ⊙ e))ᵀ weighs the [n, d] inputs rather than the [n, m] derivatives.
      const G = inputsTimes(X, XT, D, e);
      Wl = tf.sub(Wl, tf.mul(G, scaledRow(plan.coef, eta)));
    } else {
      Wl = tf.sub(Wl, inputsTimes(X, XT, tf.mul(D, spread(e, tf.mul(coef, eta) as tf.Tensor2D, wide))));
    }
  }
  return {
    W: aggregate(Wl, W, plan, maskTensor),
    a: trainSecond ? aggregate(al, inp.a, plan, maskTensor) : inp.a,
    surrErr: surrErr as tf.Scalar,
  };
}

/**
 * Bernoulli masks on p > 1 subnetworks with one local step and a fixed second layer: every copy of a neuron starts the
 * step equal to it, so the average of the copies that hold it is W_r − (η/N_r)·Σ_l (its step in subnetwork l), and a
 * neuron nobody holds keeps W_r (keep rule) or is zeroed. The p subnetworks' outputs and the averaged step then come
 * from φ(XW) once, as [n, p] and [n, m] products, without forming the [d, p·m] copies (the sweep's batches do the same).
 */
function compactRound(inp: RoundInputs, plan: MaskPlan, eta: number): RoundOutput {
  const { X, XT, y, W } = inp;
  const { p, coef } = plan;
  const [n, m] = [X.shape[0], W.shape[1]];
  const { A, D } = !inp.inputMasks && inp.first ? inp.first : activate(X, W, inp.act, plan.strict);
  let e = tf.sub(tf.matMul(A, tf.tensor2d(transposed(coef, p, m), [m, p])), y) as tf.Tensor2D; // [n, p]: u_m^l − y
  const shares = plan.shares ? tf.tensor2d(plan.shares, [n, p]) : null;
  const surrErr = meanOver(tf.sum(shares ? tf.mul(tf.square(e), shares) : tf.square(e)), p);
  if (shares) e = tf.mul(e, shares) as tf.Tensor2D;
  // Each subnetwork's step per neuron, η·m_r^l a_r s/ξ, over the copies that hold the neuron.
  const steps = new Float32Array(p * m);
  for (let l = 0; l < p; l++)
    for (let r = 0; r < m; r++) steps[l * m + r] = coef[l * m + r] * eta * (plan.invN ? plan.invN[r] : 1);
  const G = inputsTimes(X, XT, tf.mul(D, tf.matMul(e, tf.tensor2d(steps, [p, m]))) as tf.Tensor2D);
  return { W: tf.sub(plan.strict ? tf.mul(W, heldRow(plan.masks, p, m)) : W, G), a: inp.a, surrErr };
}

/** [1, m]: 1 for a neuron some subnetwork holds, 0 for one nobody holds (zeroed under the zero rule). */
function heldRow(masks: Float32Array, p: number, m: number): tf.Tensor2D {
  const held = new Float32Array(m);
  for (let l = 0; l < p; l++) for (let r = 0; r < m; r++) if (masks[l * m + r]) held[r] = 1;
  return tf.tensor2d(held, [1, m]);
}

/**
 * Per-neuron average of the copies that held it (THEORY.md B.1 step 4); a neuron held by nobody keeps its
 * weights (keep rule) or is zeroed. Unselected copies got exactly zero gradient, so they still equal W: one
 * subnetwork under the keep rule, or one that holds every neuron, is its own average.
 */
function aggregate(Wl: tf.Tensor2D, W: tf.Tensor2D, plan: MaskPlan, masks: () => tf.Tensor2D): tf.Tensor2D {
  const { p } = plan;
  const [d, m] = W.shape;
  if (plan.categorical) return Wl; // every N_r = 1
  if (p === 1 && (!plan.strict || plan.masks.every((v) => v === 1))) return Wl;
  let total: tf.Tensor2D =
    p === 1 ? tf.mul(Wl, masks()) : tf.sum(tf.mul(tf.reshape(Wl, [d, p, m]), tf.reshape(masks(), [1, p, m])), 1);
  if (plan.invN) total = tf.mul(total, tf.tensor1d(plan.invN));
  if (plan.keep) total = tf.add(total, tf.mul(W, tf.tensor1d(plan.keep)));
  return total;
}
