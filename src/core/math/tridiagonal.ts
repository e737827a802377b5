/**
 * The extreme eigenpairs of a symmetric tridiagonal matrix (diagonal α, off-diagonal β) in O(j) work each, for Lanczos
 * to check its residual bound after every step: eigenvalues by bisection on Sturm counts (the signs of an LDLᵀ
 * factorization of T − xI), the smallest one's unit eigenvector by inverse iteration.
 */

/** How many eigenvalues of T lie below x: the negative pivots of T − xI = LDLᵀ. */
function below(alpha: ArrayLike<number>, beta: ArrayLike<number>, x: number): number {
  let count = 0;
  let d = 1;
  for (let i = 0; i < alpha.length; i++) {
    const b2 = i > 0 ? beta[i - 1] ** 2 : 0;
    d = alpha[i] - x - (i > 0 ? b2 / (d === 0 ? Number.MIN_VALUE : d) : 0);
    if (d < 0) count++;
  }
  return count;
}

/** Gershgorin's interval, which holds every eigenvalue of T. */
function gershgorin(alpha: ArrayLike<number>, beta: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < alpha.length; i++) {
    const r = (i > 0 ? Math.abs(beta[i - 1]) : 0) + (i + 1 < alpha.length ? Math.abs(beta[i]) : 0);
    lo = Math.min(lo, alpha[i] - r);
    hi = Math.max(hi, alpha[i] + r);
  }
  return [lo, hi];
}

/** The k-th smallest eigenvalue of T (k from 0), to about float64's resolution of T's scale. */
export function tridiagonalEigenvalue(alpha: ArrayLike<number>, beta: ArrayLike<number>, k: number): number {
  let [lo, hi] = gershgorin(alpha, beta);
  const eps = 4 * Number.EPSILON * Math.max(Math.abs(lo), Math.abs(hi), Number.MIN_VALUE);
  while (hi - lo > eps) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    if (below(alpha, beta, mid) > k) hi = mid;
    else lo = mid;
  }
  return 0.5 * (lo + hi);
}

/**
 * The unit eigenvector of T for its smallest eigenvalue θ: two steps of inverse iteration with T − σI, σ a hair below
 * θ, so that the factorization is of a positive definite matrix (no pivoting needed).
 */
export function smallestEigenvector(alpha: ArrayLike<number>, beta: ArrayLike<number>, theta: number): Float64Array {
  const j = alpha.length;
  const [lo, hi] = gershgorin(alpha, beta);
  const spread = Math.max(hi - lo, Math.abs(lo), Math.abs(hi)) || 1;
  const sigma = theta - 1e-12 * spread;
  // LDLᵀ of T − σI: pivots d (kept positive against round-off), multipliers l.
  const d = new Float64Array(j);
  const l = new Float64Array(j);
  for (let i = 0; i < j; i++) {
    d[i] = Math.max(alpha[i] - sigma - (i > 0 ? l[i - 1] * beta[i - 1] : 0), Number.EPSILON * spread);
    if (i + 1 < j) l[i] = beta[i] / d[i];
  }
  let s = new Float64Array(j).fill(1);
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 1; i < j; i++) s[i] -= l[i - 1] * s[i - 1];
    for (let i = 0; i < j; i++) s[i] /= d[i];
    for (let i = j - 2; i >= 0; i--) s[i] -= l[i] * s[i + 1];
    let norm = 0;
    for (let i = 0; i < j; i++) norm += s[i] * s[i];
    norm = Math.sqrt(norm);
    s = s.map((x) => x / norm);
  }
  return s;
}
