/**
 * A plain reference of the AltMin least-squares step: B formed entry by entry as THEORY.md F writes it,
 * [v*_1 P_1 X, …, v*_k P_k X], and solved by ml-matrix's Householder QR. The tests' oracle for the fast path
 * (solve.ts), and the benchmark's "QR" row.
 */
import { Matrix, QrDecomposition } from 'ml-matrix';

import type { Mat } from '../math/matrix';

export function denseB(X: Mat, P: Uint8Array, v: ArrayLike<number>): Matrix {
  const { rows: n, cols: d } = X;
  const k = v.length;
  const B = new Matrix(n, d * k);
  for (let i = 0; i < n; i++)
    for (let q = 0; q < k; q++)
      for (let j = 0; j < d; j++) B.set(i, q * d + j, v[q] * P[i * k + q] * X.data[i * d + j]);
  return B;
}

/** argmin ‖B w − r‖ by QR (B of full column rank). */
export function qrLeastSquares(X: Mat, P: Uint8Array, v: ArrayLike<number>, r: ArrayLike<number>): Float64Array {
  const x = new QrDecomposition(denseB(X, P, v)).solve(Matrix.columnVector(Array.from(r)));
  return Float64Array.from(x.getColumn(0));
}
