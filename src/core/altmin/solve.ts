/**
 * The least-squares step of AltMin: min_w ‖B w − r‖² for the current patterns, in float64.
 * n ≥ dk: the normal equations BᵀB w = Bᵀr by Cholesky (ml-matrix) — the paper names "LU/Cholesky decompositions"; at
 * the paper's size (n = 1700, dk = 400) this is 9× faster than Householder QR of B (bench/altmin.ts), and the tests
 * check it against QR. n < dk, or B without full column rank: the minimum-norm solution, w = Bᵀ(BBᵀ)⁻¹r by Cholesky
 * of the n×n BBᵀ, else through the pseudo-inverse of the smaller Gram matrix (ml-matrix's symmetric eigensolver).
 */
import { CholeskyDecomposition, EigenvalueDecomposition, Matrix } from 'ml-matrix';

import type { Mat } from '../math/matrix';
import { applyBt, normalMatrix, rowGram } from './model';

export type SolveKind = 'cholesky' | 'min-norm';

export interface Solved {
  w: Float64Array;
  kind: SolveKind;
  /** Rank of B where the pseudo-inverse was needed (else the number of unknowns or n). */
  rank: number;
}

function toMatrix(A: Float64Array, size: number): Matrix {
  const M = new Matrix(size, size);
  for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) M.set(i, j, A[i * size + j]);
  return M;
}

function cholesky(A: Float64Array, size: number, b: ArrayLike<number>): Float64Array | null {
  const c = new CholeskyDecomposition(toMatrix(A, size));
  if (!c.isPositiveDefinite()) return null;
  const x = c.solve(Matrix.columnVector(Array.from(b)));
  const out = Float64Array.from(x.getColumn(0));
  return out.every(Number.isFinite) ? out : null;
}

/** A⁺b for a symmetric positive semidefinite A, eigenvalues below size·ε·λ_max treated as zero; and the rank. */
function pseudoSolve(A: Float64Array, size: number, b: ArrayLike<number>): { x: Float64Array; rank: number } {
  const e = new EigenvalueDecomposition(toMatrix(A, size), { assumeSymmetric: true });
  const lam = e.realEigenvalues;
  const V = e.eigenvectorMatrix;
  const cut = size * Number.EPSILON * Math.max(...lam.map(Math.abs));
  const x = new Float64Array(size);
  let rank = 0;
  lam.forEach((l, c) => {
    if (l <= cut) return;
    rank++;
    let proj = 0;
    for (let i = 0; i < size; i++) proj += V.get(i, c) * b[i];
    for (let i = 0; i < size; i++) x[i] += (proj / l) * V.get(i, c);
  });
  return { x, rank };
}

export function leastSquares(X: Mat, P: Uint8Array, v: ArrayLike<number>, r: ArrayLike<number>): Solved {
  const n = X.rows;
  const k = v.length;
  const D = X.cols * k;
  if (n >= D) {
    const G = normalMatrix(X, P, v);
    const rhs = applyBt(X, P, v, r);
    const w = cholesky(G, D, rhs);
    if (w) return { w, kind: 'cholesky', rank: D };
    const p = pseudoSolve(G, D, rhs);
    return { w: p.x, kind: 'min-norm', rank: p.rank };
  }
  const K = rowGram(X, P, k);
  const alpha = cholesky(K, n, r);
  if (alpha) return { w: applyBt(X, P, v, alpha), kind: 'min-norm', rank: n };
  const p = pseudoSolve(K, n, r);
  return { w: applyBt(X, P, v, p.x), kind: 'min-norm', rank: p.rank };
}
