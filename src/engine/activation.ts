/**
 * φ(XW) and φ′(XW) on the device. ReLU comes from one fused matmul A = relu(XW + 2⁻¹²⁶): step(A) is then exactly
 * 1{⟨w, x⟩ ≥ 0}, the derivative convention σ′(0) = 1 of THEORY.md A (it matters for neurons zeroed under
 * aggregate = zero), and A equals relu(XW) bit for bit whenever |⟨w, x⟩| > 1e−31. The strict convention σ′(0) = 0 —
 * TensorFlow's, which the reference code's zero rule runs under (THEORY.md B.6) — comes from the plain fused relu
 * instead: a zeroed neuron then never trains again. GELU is exact: z·Φ(z) with
 * Φ(z) = ½(1 + erf(z/√2)), and φ′(z) = Φ(z) + z·pdf(z). Call inside tf.tidy.
 */
import * as tf from '@tensorflow/tfjs-core';

import type { Activation } from '../core/masked/config';

/** Smallest normal float32, the bias that turns step(relu(z + b)) into 1{z ≥ 0}. */
const FLT_MIN = 2 ** -126;

/** relu(XW + FLT_MIN) for W of width L, or relu(XW) under the strict convention. */
export function reluActivations(X: tf.Tensor2D, W: tf.Tensor2D, strict = false): tf.Tensor2D {
  if (strict) return tf.relu(tf.matMul(X, W)) as tf.Tensor2D;
  // The bias is written from the CPU, not filled by a kernel: one kernel fewer in every forward pass.
  const bias = tf.tensor1d(new Float32Array(W.shape[1]).fill(FLT_MIN));
  return tf.fused.matMul({ a: X, b: W, bias, activation: 'relu' }) as tf.Tensor2D;
}

export interface Activated {
  /** φ(XW). */
  A: tf.Tensor2D;
  /** φ′(XW). */
  D: tf.Tensor2D;
  /** The sign pattern 1{XW ≥ 0} (for ReLU, D itself: 1{XW > 0} under the strict convention). */
  S: tf.Tensor2D;
}

/** φ and φ′ of XW; `strict` takes σ′(0) = 0 for ReLU. */
export function activate(X: tf.Tensor2D, W: tf.Tensor2D, act: Activation, strict = false): Activated {
  if (act === 'relu') {
    const A = reluActivations(X, W, strict);
    const S = tf.step(A) as tf.Tensor2D;
    return { A, D: S, S };
  }
  const Z = tf.matMul(X, W);
  const Phi = tf.mul(0.5, tf.add(1, tf.erf(tf.mul(Z, Math.SQRT1_2))));
  const pdf = tf.mul(1 / Math.sqrt(2 * Math.PI), tf.exp(tf.mul(-0.5, tf.square(Z))));
  return {
    A: tf.mul(Z, Phi),
    D: tf.add(Phi, tf.mul(Z, pdf)),
    S: tf.cast(tf.greaterEqual(Z, 0), 'float32') as tf.Tensor2D,
  };
}
