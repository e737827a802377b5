/**
 * On-device metrics of the full network after a round, packed into one small tensor [err, surrErr, maxMove, flipFrac]
 * (THEORY.md A, C.5), each neuron's move ‖w_r − w_r(0)‖, and the empirical / subnetwork NTKs (THEORY.md D.2–D.3) of the
 * network f = s·Σ_r a_r φ(⟨w_r, x⟩): the first layer's part (XXᵀ) ⊙ (Φ′ diag((s a)²) Φ′ᵀ), plus s²ΦΦᵀ when the second
 * layer trains. Call inside tf.tidy.
 */
import * as tf from '@tensorflow/tfjs-core';

import type { Activation } from '../core/masked/config';
import { activate, type Activated } from './activation';

export interface NetworkTensors {
  X: tf.Tensor2D;
  XT: tf.Tensor2D;
  y: tf.Tensor2D;
  /** [d, m] initial weights and [1, m] initial second layer. */
  W0: tf.Tensor2D;
  a0: tf.Tensor2D;
  /** [n·m, 1] 1 − 2·1{XW_0 ≥ 0}, round 0's sign pattern as the weights of a flip count (`flipCount`). */
  flipSign: tf.Tensor2D;
  /** How many entries of round 0's sign pattern are 1. */
  signs0: tf.Scalar;
  /** [n, n] XXᵀ. */
  XXt: tf.Tensor2D;
}

/** The network's shape of computation: activation, output scale s, trained second layer, and the lazy case (ReLU, first layer, a = ±1, s = 1/√m). */
export interface NetworkKind {
  act: Activation;
  outScale: number;
  trainSecond: boolean;
  lazy: boolean;
}

export interface Measured {
  packed: tf.Tensor1D;
  activated: Activated;
  /** [m] ‖w_r − w_r(0)‖. */
  moves: tf.Tensor1D;
  /** [n, 1] the residual u − y. */
  residual: tf.Tensor2D;
}

/** The weights and offset of the flip count from round 0's sign pattern S0 [n, m] (see `flipCount`). */
export function flipWeights(S0: tf.Tensor2D): { flipSign: tf.Tensor2D; signs0: tf.Scalar } {
  return tf.tidy(() => ({ flipSign: tf.reshape(tf.sub(1, tf.mul(S0, 2)), [-1, 1]), signs0: tf.sum(S0) }));
}

/** How many entries of the 0/1 pattern S differ from round 0's: Σ S ⊙ (1 − 2S0) + Σ S0, one product and one sum. */
function flipCount(S: tf.Tensor2D, net: NetworkTensors): tf.Tensor {
  return tf.add(tf.sum(tf.mul(tf.reshape(S, [-1, 1]), net.flipSign)), net.signs0);
}

/**
 * [err, surrErr, maxMove, flipFrac] for weights W and second layer a ([1, m], raw), with the round's surrogate error
 * `surrErr` packed in; `strict`: σ′(0) = 0 (the zero rule).
 */
export function networkMetrics(
  net: NetworkTensors,
  kind: NetworkKind,
  W: tf.Tensor2D,
  a: tf.Tensor2D,
  surrErr: tf.Scalar,
  strict = false,
): Measured {
  const activated = activate(net.X, W, kind.act, strict);
  // a [1, m] read as the column [m, 1]: tfjs's WebAssembly matMul is slower asked to transpose its right side.
  const u = tf.mul(tf.matMul(activated.A, tf.reshape(a, [-1, 1])), kind.outScale);
  const residual = tf.sub(u, net.y) as tf.Tensor2D;
  const err = tf.sum(tf.square(residual));
  const moves = tf.sqrt(tf.sum(tf.square(tf.sub(W, net.W0)), 0)) as tf.Tensor1D;
  const flip = tf.div(flipCount(activated.S, net), activated.S.size);
  const packed = tf.stack([err, surrErr, tf.max(moves), flip]) as tf.Tensor1D;
  return { packed, activated, moves, residual };
}

/** [1, m] |s·a_r|, the square root of each neuron's weight in the first layer's NTK. */
function rootWeights(kind: NetworkKind, a: tf.Tensor2D): tf.Tensor2D {
  return tf.abs(tf.mul(a, kind.outScale)) as tf.Tensor2D;
}

/** H(W) (THEORY.md D.2), [n, n]; the lazy case is (XXᵀ) ⊙ (SSᵀ)/m exactly. */
export function empiricalNtk(XXt: tf.Tensor2D, kind: NetworkKind, act: Activated, a: tf.Tensor2D): tf.Tensor2D {
  return ntkKernel(XXt, ntkFactors(kind, act, a));
}

/**
 * The kernel of the factors, [n, n]: (XXᵀ) ⊙ CCᵀ (+ sA·sAᵀ). Large products take their right side transposed
 * beforehand: tfjs's WebAssembly matMul is 12 times slower asked to transpose it (2.2 against 27 GFLOP/s at n = 2048,
 * m = 1024), though its float32 sums are more accurate (3e-7 against 2e-6 relative at m = 1024); small ones, whose
 * cost does not matter, keep that accuracy.
 */
export function ntkKernel(XXt: tf.Tensor2D, f: NtkFactors): tf.Tensor2D {
  const first = tf.mul(XXt, gram(f.C)) as tf.Tensor2D;
  return f.sA ? (tf.add(first, gram(f.sA)) as tf.Tensor2D) : first;
}

/** Below this many multiply-adds a Gram matrix takes the slower, more accurate product (30 ms at most). */
const ACCURATE_BELOW = 2 ** 25;

function gram(C: tf.Tensor2D): tf.Tensor2D {
  const [n, m] = C.shape;
  return n * n * m < ACCURATE_BELOW ? tf.matMul(C, C, false, true) : tf.matMul(C, tf.transpose(C));
}

/** What H·v needs: C with H = (XXᵀ) ⊙ CCᵀ (+ s²AAᵀ when the second layer trains), for the network or subnetwork l. */
export type NtkFactors = {
  C: tf.Tensor2D;
  /** s·A where the second layer trains. */
  sA?: tf.Tensor2D;
};

/** The factors of H(W) (THEORY.md D.2): C = S/√m in the lazy case, D·|s a| otherwise. */
export function ntkFactors(kind: NetworkKind, act: Activated, a: tf.Tensor2D): NtkFactors {
  const m = act.D.shape[1];
  const C = kind.lazy
    ? (tf.div(act.S, Math.sqrt(m)) as tf.Tensor2D)
    : (tf.mul(act.D, rootWeights(kind, a)) as tf.Tensor2D);
  return kind.trainSecond ? { C, sA: tf.mul(act.A, kind.outScale) as tf.Tensor2D } : { C };
}

/** The factors restricted to the neurons K (column indices), times `scale`: subnetwork l's are its neurons' over ξ (D.3). */
export function neuronFactors(f: NtkFactors, K: tf.Tensor1D, scale: number): NtkFactors {
  const C = tf.mul(tf.gather(f.C, K, 1), scale) as tf.Tensor2D;
  return f.sA ? { C, sA: tf.mul(tf.gather(f.sA, K, 1), scale) as tf.Tensor2D } : { C };
}

/**
 * H·v without forming H, [n, 1]: (XXᵀ ⊙ CCᵀ)v = rowsum(C ⊙ X·(Xᵀ(v ⊙ C))) — two matmuls of n·d·m, with Xᵀ given (a
 * transposed left side costs tfjs's WebAssembly matMul 70 times more) — plus sA(sAᵀv).
 */
export function ntkTimes(X: tf.Tensor2D, XT: tf.Tensor2D, f: NtkFactors, v: tf.Tensor2D): tf.Tensor2D {
  const G = tf.matMul(XT, tf.mul(v, f.C));
  const first = tf.sum(tf.mul(f.C, tf.matMul(X, G)), 1, true) as tf.Tensor2D;
  if (!f.sA) return first;
  return tf.add(first, tf.matMul(f.sA, tf.transpose(tf.matMul(tf.transpose(v), f.sA)))) as tf.Tensor2D;
}

/** vᵀK for a symmetric kernel K on the device, [1, n]: the fast orientation of tfjs's matMul (0.6 ms at n = 2048). */
export function kernelTimes(K: tf.Tensor2D, v: tf.Tensor2D): tf.Tensor2D {
  return tf.matMul(v, K) as tf.Tensor2D;
}
