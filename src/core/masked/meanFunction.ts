/**
 * What the network computes, in the lazy limit (THEORY.md I.1): for any input x, the mean function
 * f̄_k(x) = f_0(x) + H^∞(x, X)·H^∞⁻¹·(e_0 − ē_k), e = y − u, with the mean residual ē_k = V·diag(A_i^k)·Vᵀe_0 — which
 * becomes kernel regression with the NTK as k grows — and the exact statement it comes from, for linearized GD with
 * any kernel: f_k(x) − f_0(x) = H(x, X)·H⁻¹·(e_0 − e_k).
 */
import { hInfEntry } from '../math/kernels';
import { dot, type Mat } from '../math/matrix';

/** H^∞(x, x_i) for unit rows: the kernel between new inputs (rows of Z) and the training inputs (rows of X). */
export function crossKernel(Z: Mat, X: Mat): Mat {
  const out = new Float64Array(Z.rows * X.rows);
  for (let a = 0; a < Z.rows; a++)
    for (let i = 0; i < X.rows; i++)
      out[a * X.rows + i] = hInfEntry(
        dot(Z.data.subarray(a * Z.cols, (a + 1) * Z.cols), X.data.subarray(i * X.cols, (i + 1) * X.cols)),
      );
  return { rows: Z.rows, cols: X.rows, data: out };
}

/**
 * f̄_k − f_0 at the rows of Kx = H^∞(Z, X): Kx·V·diag((1 − A_i^k)/λ_i)·Vᵀe_0. Directions with λ_i = 0 do not move
 * (A_i = 1), so they add nothing.
 */
export function meanIncrement(
  Kx: Mat,
  vectors: readonly Float64Array[],
  lambdas: ArrayLike<number>,
  contraction: ArrayLike<number>,
  e0: ArrayLike<number>,
  k: number,
): Float64Array {
  const n = vectors.length;
  const coef = new Float64Array(n);
  const tiny = 1e-12 * Math.max(...Array.from(lambdas, Math.abs), 1e-300);
  for (let i = 0; i < n; i++)
    coef[i] = lambdas[i] > tiny ? ((1 - Math.pow(contraction[i], k)) / lambdas[i]) * dot(vectors[i], e0) : 0;
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) w[j] += coef[i] * vectors[i][j];
  return Float64Array.from({ length: Kx.rows }, (_, a) => dot(Kx.data.subarray(a * n, (a + 1) * n), w));
}

/** The exact linearized-GD statement: H(x, X)·H⁻¹·(e_0 − e_k), solved through H's eigenpairs. */
export function kernelIncrement(
  Kx: Mat,
  vectors: readonly Float64Array[],
  lambdas: ArrayLike<number>,
  e0: ArrayLike<number>,
  ek: ArrayLike<number>,
): Float64Array {
  const diff = Float64Array.from(e0, (v, i) => v - ek[i]);
  const ones = new Float64Array(lambdas.length);
  // (1 − 0^1)/λ_i = 1/λ_i: H⁻¹ applied to diff, through meanIncrement with every A_i = 0 and k = 1.
  return meanIncrement(Kx, vectors, lambdas, ones.fill(0), diff, 1);
}
