/**
 * One global round of masked training on tensors (MATH.md B.1 steps 2–4), all p subnetworks at once.
 *
 * Bernoulli masks: the p local copies live side by side as one [d, p·m] matrix, so each local step is two
 * matmuls for all subnetworks together. Categorical masks (IST) partition the neurons, so every neuron has
 * exactly one live copy: the local steps run on [d, m] and each neuron reads its own subnetwork's residual.
 * Call inside tf.tidy.
 */
import * as tf from '@tensorflow/tfjs';

export interface RoundInputs {
  /** [n, d] inputs. */
  X: tf.Tensor2D;
  /** [n, 1] targets. */
  y: tf.Tensor2D;
  /** [m] second-layer signs divided by √m. */
  aScaled: tf.Tensor1D;
  /** [d, m] weights at the start of the round. */
  W: tf.Tensor2D;
  /** [p, m] masks, row l = subnetwork l. */
  masks: tf.Tensor2D;
}

export interface RoundSettings {
  xi: number;
  tau: number;
  eta: number;
  aggregate: 'keep' | 'zero';
  categorical: boolean;
}

export interface RoundOutput {
  /** [d, m] aggregated weights. */
  W: tf.Tensor2D;
  /** Scalar: mean over subnetworks of ‖y − u_m‖² at the first local step. */
  surrErr: tf.Scalar;
}

/** 1{z ≥ 0} as float (the derivative convention σ'(0) = 1 of MATH.md A). */
const activeMask = (Z: tf.Tensor) => tf.cast(tf.greaterEqual(Z, 0), 'float32');

export function maskedRound(inp: RoundInputs, s: RoundSettings): RoundOutput {
  return s.categorical ? partitionRound(inp, s) : bernoulliRound(inp, s);
}

function bernoulliRound({ X, y, aScaled, W, masks }: RoundInputs, s: RoundSettings): RoundOutput {
  const [d, m] = W.shape;
  const [p] = masks.shape;
  const n = X.shape[0];
  // Surrogate coefficient of neuron r in subnetwork l: m_r^l a_r / (ξ√m).
  const coef = tf.mul(masks, tf.mul(aScaled, 1 / s.xi)) as tf.Tensor2D;
  const coefFlat = tf.reshape(coef, [1, p * m]);
  let Wl: tf.Tensor2D = p === 1 ? W : tf.tile(W, [1, p]);
  let surrErr: tf.Scalar | null = null;
  for (let t = 0; t < s.tau; t++) {
    const Z = tf.matMul(X, Wl);
    const u = tf.sum(tf.reshape(tf.mul(tf.relu(Z), coefFlat), [n, p, m]), 2);
    const e = tf.sub(u, y); // [n, p]: u_m^l − y
    if (t === 0) surrErr = tf.div(tf.sum(tf.square(e)), p) as tf.Scalar;
    const back = tf.reshape(tf.mul(tf.reshape(e, [n, p, 1]), tf.reshape(coef, [1, p, m])), [n, p * m]);
    const G = tf.matMul(X, tf.mul(activeMask(Z), back), true, false);
    Wl = tf.sub(Wl, tf.mul(G, s.eta));
  }
  // Per-neuron average of the copies that held it; nobody's neurons kept (paper) or zeroed (reference code).
  const held = tf.reshape(masks, [1, p, m]);
  const total = p === 1 ? tf.mul(Wl, masks) : tf.sum(tf.mul(tf.reshape(Wl, [d, p, m]), held), 1);
  const N = tf.sum(masks, 0);
  const avg = tf.div(total, tf.maximum(N, 1));
  const fallback = s.aggregate === 'keep' ? W : tf.zerosLike(W);
  const chosen = tf.broadcastTo(tf.greater(N, 0), [d, m]);
  return { W: tf.where(chosen, avg, fallback) as tf.Tensor2D, surrErr: surrErr as tf.Scalar };
}

function partitionRound({ X, y, aScaled, W, masks }: RoundInputs, s: RoundSettings): RoundOutput {
  const p = masks.shape[0];
  const coef = tf.mul(aScaled, 1 / s.xi); // [m]; the mask picks the subnetwork, not the scale
  let Wl = W;
  let surrErr: tf.Scalar | null = null;
  for (let t = 0; t < s.tau; t++) {
    const Z = tf.matMul(X, Wl);
    const u = tf.matMul(tf.mul(tf.relu(Z), coef), masks, false, true); // [n, p]
    const e = tf.sub(u, y);
    if (t === 0) surrErr = tf.div(tf.sum(tf.square(e)), p) as tf.Scalar;
    const own = tf.matMul(e, masks); // [n, m]: residual of the subnetwork each neuron belongs to
    const G = tf.matMul(X, tf.mul(activeMask(Z), tf.mul(own, coef)), true, false);
    Wl = tf.sub(Wl, tf.mul(G, s.eta));
  }
  // Every neuron is held by exactly one subnetwork (N_r = 1): the average is its single copy.
  return { W: Wl, surrErr: surrErr as tf.Scalar };
}
