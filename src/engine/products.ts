/**
 * Products with the inputs shaped for tfjs's backends: on the CPU backends (wasm, cpu) a matMul packs its right-hand
 * side anew for every tensor it has not seen, so the large, fresh matrix of a round belongs on the left.
 */
import * as tf from '@tensorflow/tfjs-core';

/**
 * Xᵀ diag(w) M for M of shape [n, L] and optional row weights w [n, 1], as [d, L]. tfjs's WebAssembly (and CPU) matMul
 * packs its right-hand side anew for every tensor it has not seen, so with a fresh [n, L] matrix there the product
 * costs about four times a transpose of it: there it is (Mᵀ diag(w) X)ᵀ, whose right-hand side is the small [n, d]
 * (X itself, packed once per run, when there are no weights). A GPU takes it directly.
 */
export function inputsTimes(X: tf.Tensor2D, XT: tf.Tensor2D, M: tf.Tensor2D, w?: tf.Tensor2D): tf.Tensor2D {
  const backend = tf.getBackend();
  if (backend !== 'wasm' && backend !== 'cpu')
    return tf.matMul(w ? (tf.mul(XT, tf.reshape(w, [1, -1])) as tf.Tensor2D) : XT, M);
  return tf.transpose(tf.matMul(tf.transpose(M), w ? (tf.mul(X, w) as tf.Tensor2D) : X)) as tf.Tensor2D;
}
