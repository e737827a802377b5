/**
 * On-device metrics of the full network after a round, packed into one small tensor
 * [err, maxMove, flipFrac] (MATH.md A, C.5), and the empirical / subnetwork NTKs (MATH.md D.2–D.3).
 * Call inside tf.tidy.
 */
import * as tf from '@tensorflow/tfjs';
import { activations } from './round';

export interface NetworkTensors {
  X: tf.Tensor2D;
  XT: tf.Tensor2D;
  y: tf.Tensor2D;
  /** [m, 1] second-layer signs divided by √m. */
  aScaled: tf.Tensor2D;
  /** [d, m] initial weights. */
  W0: tf.Tensor2D;
  /** [n, m] activation pattern 1{XW_0 ≥ 0} at round 0. */
  S0: tf.Tensor2D;
  /** [n, n] XXᵀ. */
  XXt: tf.Tensor2D;
}

/** [err, maxMove, flipFrac] for weights W, and the pattern S = 1{XW ≥ 0} for the NTKs. */
export function networkMetrics(net: NetworkTensors, W: tf.Tensor2D): { packed: tf.Tensor1D; active: tf.Tensor2D } {
  const A = activations(net.X, W);
  const err = tf.sum(tf.square(tf.sub(tf.matMul(A, net.aScaled), net.y)));
  const maxMove = tf.sqrt(tf.max(tf.sum(tf.square(tf.sub(W, net.W0)), 0)));
  const active = tf.step(A) as tf.Tensor2D;
  const flip = tf.mean(tf.abs(tf.sub(active, net.S0)));
  return { packed: tf.stack([err, maxMove, flip]) as tf.Tensor1D, active };
}

/** H(W) = (XXᵀ) ⊙ (SSᵀ)/m (MATH.md D.2), [n, n]. */
export function empiricalNtk(XXt: tf.Tensor2D, active: tf.Tensor2D): tf.Tensor2D {
  const m = active.shape[1];
  return tf.mul(XXt, tf.div(tf.matMul(active, active, false, true), m));
}

/** H^l = (XXᵀ) ⊙ (S diag(m^l) Sᵀ)/(ξ²m) for every mask row l (MATH.md D.3), [p, n, n]. */
export function subnetworkNtks(XXt: tf.Tensor2D, active: tf.Tensor2D, masks: tf.Tensor2D, xi: number): tf.Tensor3D {
  const [n, m] = active.shape;
  const p = masks.shape[0];
  const SM = tf.mul(tf.reshape(active, [1, n, m]), tf.reshape(masks, [p, 1, m]));
  return tf.mul(tf.reshape(XXt, [1, n, n]), tf.div(tf.matMul(SM, SM, false, true), xi * xi * m));
}
