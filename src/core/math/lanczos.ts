/**
 * The extreme eigenvalues of a symmetric operator known only through its products A·v: Lanczos with full
 * reorthogonalization, the small tridiagonal matrix solved by ml-matrix. Each Ritz value θ comes with the residual
 * bound ‖Ay − θy‖ = β_j·|s_j| (Parlett), so that |λ − θ| ≤ that bound for some eigenvalue λ of A; iteration stops
 * once both extremes are within the tolerance or the Krylov space is exhausted. The tridiagonal matrix is solved at
 * Krylov sizes growing by half each time (its dense solve costs j³, so checking every few steps would dominate).
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

import type { Rng } from './rng';

export interface Extremes {
  min: number;
  max: number;
  /** Residual bounds of the two Ritz values: each lies within this distance of an eigenvalue. */
  minBound: number;
  maxBound: number;
  steps: number;
}

export interface LanczosOptions {
  /** Largest Krylov dimension (default min(n, 120)). */
  maxSteps?: number;
  /** Stop when both bounds are below tol·max|θ| (default 1e-8). */
  tol?: number;
  /** Start vector's random stream. */
  rng: Rng;
  /** Stop as soon as the largest Ritz value is within the tolerance (the smallest then has a wider bound). */
  maxOnly?: boolean;
}

/** The eigen-decomposition of the symmetric tridiagonal matrix with diagonal α and off-diagonal β. */
export function tridiagonalEigen(alpha: readonly number[], beta: readonly number[]): EigenvalueDecomposition {
  const j = alpha.length;
  const T = Matrix.zeros(j, j);
  for (let i = 0; i < j; i++) {
    T.set(i, i, alpha[i]);
    if (i + 1 < j) {
      T.set(i, i + 1, beta[i]);
      T.set(i + 1, i, beta[i]);
    }
  }
  return new EigenvalueDecomposition(T, { assumeSymmetric: true });
}

/** Ritz values and residual bounds of the tridiagonal matrix with diagonal α and off-diagonal β (β_last: the next). */
function ritz(alpha: number[], beta: number[], last: number): { values: number[]; bounds: number[] } {
  const j = alpha.length;
  const e = tridiagonalEigen(alpha, beta);
  const V = e.eigenvectorMatrix;
  return { values: e.realEigenvalues, bounds: e.realEigenvalues.map((_, c) => Math.abs(last * V.get(j - 1, c))) };
}

export function lanczosExtremes(apply: (v: Float64Array) => Float64Array, n: number, opts: LanczosOptions): Extremes {
  const maxSteps = Math.min(n, opts.maxSteps ?? 120);
  const tol = opts.tol ?? 1e-8;
  const Q: Float64Array[] = [];
  let q: Float64Array = Float64Array.from({ length: n }, () => opts.rng.normal());
  scale(q, 1 / norm(q));
  const alpha: number[] = [];
  const beta: number[] = [];
  let result: Extremes = { min: NaN, max: NaN, minBound: Infinity, maxBound: Infinity, steps: 0 };
  let check = 10;
  for (let j = 0; j < maxSteps; j++) {
    Q.push(q);
    const w = apply(q);
    alpha.push(dotF(q, w));
    // Full reorthogonalization, twice (Kahan's "twice is enough"), against every Lanczos vector so far.
    for (let pass = 0; pass < 2; pass++)
      for (const u of Q) {
        const c = dotF(u, w);
        for (let i = 0; i < n; i++) w[i] -= c * u[i];
      }
    const b = norm(w);
    const done = j + 1 === maxSteps || b <= 1e-14 * Math.max(...alpha.map(Math.abs), 1e-300);
    if (done || j + 1 >= check) {
      check = Math.ceil(check * 1.5);
      const r = ritz(alpha, beta, b);
      let lo = 0;
      let hi = 0;
      r.values.forEach((v, i) => {
        if (v < r.values[lo]) lo = i;
        if (v > r.values[hi]) hi = i;
      });
      result = { min: r.values[lo], max: r.values[hi], minBound: r.bounds[lo], maxBound: r.bounds[hi], steps: j + 1 };
      const size = Math.max(Math.abs(result.min), Math.abs(result.max));
      if (done || (result.maxBound <= tol * size && (opts.maxOnly || result.minBound <= tol * size))) return result;
    }
    beta.push(b);
    q = scale(w, 1 / b);
  }
  return result;
}

function dotF(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function norm(a: Float64Array): number {
  return Math.sqrt(dotF(a, a));
}

function scale(a: Float64Array, c: number): Float64Array {
  for (let i = 0; i < a.length; i++) a[i] *= c;
  return a;
}
