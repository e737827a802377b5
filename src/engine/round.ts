/**
 * One global round of masked training on tensors (MATH.md B.1 steps 2–4), all p subnetworks at once.
 *
 * Local weights are one matrix: Bernoulli masks keep the p copies side by side as [d, p·m], so each local
 * step is two plain matmuls for all subnetworks together (batched matmuls are far slower on wasm).
 * Categorical masks (IST) partition the neurons, so each neuron has exactly one live copy: [d, m], and each
 * neuron reads its own subnetwork's residual through a [p, m] coefficient matmul.
 *
 * Activations come from one fused matmul A = relu(XW + 2⁻¹²⁶): step(A) is then exactly 1{⟨w, x⟩ ≥ 0}, the
 * derivative convention σ'(0) = 1 of MATH.md A (it matters for neurons zeroed under aggregate = zero), and A
 * equals relu(XW) bit for bit whenever |⟨w, x⟩| > 1e−31. Call inside tf.tidy.
 */
import * as tf from '@tensorflow/tfjs';

/** Smallest normal float32, the bias that turns step(relu(z + b)) into 1{z ≥ 0}. */
const FLT_MIN = 2 ** -126;

export interface RoundInputs {
  /** [n, d] inputs and their transpose [d, n]. */
  X: tf.Tensor2D;
  XT: tf.Tensor2D;
  /** [n, 1] targets. */
  y: tf.Tensor2D;
  /** [d, m] weights at the start of the round. */
  W: tf.Tensor2D;
}

/** The round's masks, prepared on the CPU where they are drawn. */
export interface MaskPlan {
  p: number;
  /** [p, m] 0/1 masks, row l = subnetwork l. */
  masks: Float32Array;
  /** [p, m] surrogate coefficients m_r^l a_r/(ξ√m). */
  coef: Float32Array;
  categorical: boolean;
  /** [m] 1/max(N_r, 1), or null when every N_r ≤ 1 (the division is then the identity). */
  invN: Float32Array | null;
  /** [m] 1 where N_r = 0 and the keep rule holds, or null when no neuron needs it. */
  keep: Float32Array | null;
}

export interface RoundOutput {
  /** [d, m] aggregated weights. */
  W: tf.Tensor2D;
  /** Scalar: mean over subnetworks of ‖y − u_m‖² at the first local step. */
  surrErr: tf.Scalar;
}

/** Builds the mask plan from drawn masks (MATH.md B.1 steps 2 and 4). */
export function planMasks(masks: Float32Array, p: number, a: ArrayLike<number>, xi: number, categorical: boolean, keepRule: boolean): MaskPlan {
  const m = a.length;
  const coef = new Float32Array(p * m);
  const N = new Float64Array(m);
  const s = 1 / (xi * Math.sqrt(m));
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
    categorical,
    invN: needInv ? Float32Array.from(N, (v) => 1 / Math.max(v, 1)) : null,
    keep: needKeep ? Float32Array.from(N, (v) => (v === 0 ? 1 : 0)) : null,
  };
}

/** A = relu(XW + FLT_MIN) for W of width L. */
export function activations(X: tf.Tensor2D, W: tf.Tensor2D): tf.Tensor2D {
  return tf.fused.matMul({ a: X, b: W, bias: tf.fill([W.shape[1]], FLT_MIN), activation: 'relu' }) as tf.Tensor2D;
}

export function maskedRound(inp: RoundInputs, plan: MaskPlan, tau: number, eta: number): RoundOutput {
  const { X, XT, y, W } = inp;
  const [d, m] = W.shape;
  const n = X.shape[0];
  const p = plan.p;
  const coef = tf.tensor2d(plan.coef, [p, m]);
  const coefEta = tf.mul(coef, eta);
  const wide = !plan.categorical && p > 1;
  let Wl: tf.Tensor2D = wide ? tf.concat(Array<tf.Tensor2D>(p).fill(W), 1) : W;
  let surrErr: tf.Scalar | null = null;
  for (let t = 0; t < tau; t++) {
    const A = activations(X, Wl);
    let e: tf.Tensor2D; // [n, p]: u_m^l − y
    let back: tf.Tensor2D; // [n, L]: η·(residual of the neuron's subnetwork)·coefficient
    if (wide) {
      e = tf.sub(tf.sum(tf.reshape(tf.mul(A, tf.reshape(coef, [1, p * m])), [n, p, m]), 2), y) as tf.Tensor2D;
      back = tf.reshape(tf.mul(tf.reshape(e, [n, p, 1]), tf.reshape(coefEta, [1, p, m])), [n, p * m]);
    } else {
      e = tf.sub(tf.matMul(A, coef, false, true), y);
      back = tf.matMul(e, coefEta);
    }
    if (t === 0) surrErr = tf.div(tf.sum(tf.square(e)), p) as tf.Scalar;
    Wl = tf.sub(Wl, tf.matMul(XT, tf.mul(tf.step(A), back)));
  }
  return { W: aggregate(Wl, W, plan, d, m), surrErr: surrErr as tf.Scalar };
}

/**
 * Per-neuron average of the copies that held it (MATH.md B.1 step 4); a neuron held by nobody keeps its
 * weights (keep rule) or is zeroed. Unselected copies got exactly zero gradient, so they still equal W.
 */
function aggregate(Wl: tf.Tensor2D, W: tf.Tensor2D, plan: MaskPlan, d: number, m: number): tf.Tensor2D {
  const { p } = plan;
  if (plan.categorical) return Wl; // every N_r = 1
  const masks = tf.tensor2d(plan.masks, [p, m]);
  let total: tf.Tensor2D = p === 1 ? tf.mul(Wl, masks) : tf.sum(tf.mul(tf.reshape(Wl, [d, p, m]), tf.reshape(masks, [1, p, m])), 1);
  if (plan.invN) total = tf.mul(total, tf.tensor1d(plan.invN));
  if (plan.keep) total = tf.add(total, tf.mul(W, tf.tensor1d(plan.keep)));
  return total;
}
