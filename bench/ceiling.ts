/**
 * The practical ceiling of one round: the same matmuls (τ × (X·W_l and Xᵀ·G) on the local width L, then X·W
 * for the metrics) run bare with tf.matMul. Shared by the Node and browser benchmarks.
 */
import * as tf from '@tensorflow/tfjs-core';

export function roundFlops(n: number, d: number, m: number, L: number, tau: number): number {
  return tau * 2 * (2 * n * d * L) + 2 * n * d * m;
}

/** Allocates the operands once; each call of the returned function runs one round's matmuls and reads them back. */
export function roundMatmuls(
  n: number,
  d: number,
  m: number,
  L: number,
  tau: number,
): { run: () => Promise<void>; dispose: () => void } {
  const [X, XT, WL, G, W] = [
    tf.randomNormal([n, d]),
    tf.randomNormal([d, n]),
    tf.randomNormal([d, L]),
    tf.randomNormal([n, L]),
    tf.randomNormal([d, m]),
  ] as tf.Tensor2D[];
  return {
    run: async () => {
      const outs: tf.Tensor[] = [];
      for (let t = 0; t < tau; t++) outs.push(tf.matMul(X, WL), tf.matMul(XT, G));
      outs.push(tf.matMul(X, W));
      await Promise.all(outs.map((o) => o.data()));
      tf.dispose(outs);
    },
    dispose: () => tf.dispose([X, XT, WL, G, W]),
  };
}
