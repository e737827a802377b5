/**
 * Float64 symmetric eigen-decomposition, delegated to ml-matrix (Householder tridiagonalization + QL).
 * Eigenvalues come back in ascending order with unit eigenvectors as the columns of `vectors`.
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

import { type Mat, mat } from './matrix';

export interface SymEigen {
  /** Ascending eigenvalues. */
  values: Float64Array;
  /** n×n, column j is the unit eigenvector of values[j]. */
  vectors: Mat;
}

function toMl(a: Mat): Matrix {
  const m = new Matrix(a.rows, a.cols);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) m.set(i, j, a.data[i * a.cols + j]);
  return m;
}

export function symEigen(a: Mat): SymEigen {
  if (a.rows !== a.cols) throw new Error('symEigen needs a square matrix');
  const n = a.rows;
  const evd = new EigenvalueDecomposition(toMl(a), { assumeSymmetric: true });
  const raw = evd.realEigenvalues;
  const order = raw.map((_, i) => i).sort((i, j) => raw[i] - raw[j]);
  const v = evd.eigenvectorMatrix;
  const vectors = mat(n, n);
  order.forEach((src, dst) => {
    for (let i = 0; i < n; i++) vectors.data[i * n + dst] = v.get(i, src);
  });
  return { values: Float64Array.from(order.map((i) => raw[i])), vectors };
}

/** Largest n whose λ_min is taken from the full decomposition; above, from Lanczos (about n² per step instead of n³). */
export const EXACT_EIGEN_MAX_N = 64;

/** Smallest eigenvalue of a symmetric matrix given as a flat row-major array (float32 or float64). */
export function lambdaMinOf(n: number, data: ArrayLike<number>): number {
  const a = mat(n, n, data);
  // Symmetrize to remove float32 round-off asymmetry before the symmetric solver.
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const s = 0.5 * (a.data[i * n + j] + a.data[j * n + i]);
      a.data[i * n + j] = s;
      a.data[j * n + i] = s;
    }
  return symEigen(a).values[0];
}

/** The i-th eigenvector (column) as an array. */
export function eigenvector(e: SymEigen, i: number): Float64Array {
  const n = e.vectors.rows;
  const v = new Float64Array(n);
  for (let r = 0; r < n; r++) v[r] = e.vectors.data[r * n + i];
  return v;
}
