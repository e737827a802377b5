/**
 * λ_min of a symmetric positive semi-definite operator known only through its products A·v, optionally started from a
 * guess of its eigenvector (the last measurement's, plus a little noise so that the Krylov space also reaches the
 * directions the guess misses). Lanczos in float64: the three-term recurrence, then one pass of classical Gram–Schmidt
 * against every Lanczos vector so far (a second where the first removed most of the vector: "twice is enough").
 * After every product the smallest Ritz value θ of the tridiagonal matrix and its residual bound ‖Ay − θy‖ = β·|s_last|
 * cost O(steps) (tridiagonal.ts), so the run stops as soon as the bound is within the tolerance, or once θ stands still
 * (it converges far faster than the residual, whose bound stays wide where λ_min sits in a cluster), or at the cap.
 * Returns θ, its bound (some eigenvalue of A lies within it of θ, and θ ≥ λ_min; plus what inexact products can move
 * it), and the Ritz vector y to start the next measurement from. Given the product in float64 (`exact`), the value and
 * bound are instead y's Rayleigh quotient and its residual computed with it, whatever precision the products had. The
 * products may run on a device (hence async).
 */
import { dot } from './matrix';
import type { Rng } from './rng';
import { smallestEigenvector, tridiagonalEigenvalue } from './tridiagonal';

export interface WarmMin {
  value: number;
  /** ‖Ay − θy‖ (plus the products' share): some eigenvalue of A lies within this of `value`. */
  bound: number;
  /** The Ritz vector (unit norm): the guess for the next measurement. */
  vector: Float64Array;
  /** Products with A taken. */
  steps: number;
}

/** Where a run's time went, in milliseconds, summed over the runs that share it. */
export interface LanczosProfile {
  products: number;
  /** The three-term recurrence and the reorthogonalization. */
  orthogonalization: number;
  /** The tridiagonal solves after each step, the Ritz vector and the final residual. */
  bound: number;
  steps: number;
}

export interface WarmOptions {
  /** The guess (any norm), or null: a random start (as is a guess that is not finite). */
  start: Float64Array | null;
  rng: Rng;
  /** Stop once the bound is below tol·θ, or θ moves by less than a twentieth of that three times running (default 1e-3). */
  tol?: number;
  /** Most products (default 40). */
  maxSteps?: number;
  /**
   * Relative error of one product (float32 on a device: about 1e-7), added to the bound as that share of the largest
   * Ritz value: products that are off by δ‖A‖ move λ_min by up to that much (default 0).
   */
  productError?: number;
  /** The product in float64, for the final value and residual (one more product). */
  exact?: (v: Float64Array) => Float64Array;
  profile?: LanczosProfile;
}

/** θ is still when a product moves it by less than this share of the tolerance, three times running. */
const STILL = 0.05;
const CALM = 3;

/** Share of noise mixed into the guess. */
const NOISE = 1e-2;

export async function warmLanczosMin(
  apply: (v: Float64Array) => Float64Array | Promise<Float64Array>,
  n: number,
  opts: WarmOptions,
): Promise<WarmMin> {
  const maxSteps = Math.min(n, opts.maxSteps ?? 40);
  const tol = opts.tol ?? 1e-3;
  const clock = opts.profile;
  const noise = unit(Float64Array.from({ length: n }, () => opts.rng.normal()));
  const Q = new Float64Array(maxSteps * n);
  const q0 = Q.subarray(0, n);
  q0.set(noise);
  // A guess that is not finite (a failed earlier run) is no guess.
  if (opts.start?.every(Number.isFinite)) {
    const guess = unit(Float64Array.from(opts.start));
    for (let i = 0; i < n; i++) q0[i] = guess[i] + NOISE * noise[i];
    q0.set(unit(q0));
  }
  const alpha: number[] = [];
  const beta: number[] = [];
  let theta = Infinity;
  let residual = Infinity;
  let top = 0;
  let calm = 0;
  let j = 0;
  while (j < maxSteps) {
    const q = Q.subarray(j * n, (j + 1) * n);
    let t = performance.now();
    const w = Float64Array.from(await apply(q));
    if (clock) clock.products += performance.now() - t;
    t = performance.now();
    const a = dot(q, w);
    alpha.push(a);
    for (let i = 0; i < n; i++) w[i] -= a * q[i];
    if (j > 0) {
      const prev = Q.subarray((j - 1) * n, j * n);
      const b = beta[j - 1];
      for (let i = 0; i < n; i++) w[i] -= b * prev[i];
    }
    const before = Math.sqrt(dot(w, w));
    let b = reorthogonalize(Q, j + 1, n, w);
    if (b < before / Math.SQRT2) b = reorthogonalize(Q, j + 1, n, w);
    if (clock) clock.orthogonalization += performance.now() - t;
    t = performance.now();
    j += 1;
    const previous = theta;
    theta = tridiagonalEigenvalue(alpha, beta, 0);
    top = Math.max(top, tridiagonalEigenvalue(alpha, beta, j - 1));
    const s = smallestEigenvector(alpha, beta, theta);
    residual = Math.abs(b * s[j - 1]);
    if (clock) clock.bound += performance.now() - t;
    // θ only falls toward λ_min, and (like any Ritz value) far faster than the residual: stop once it is still.
    calm = previous - theta <= STILL * tol * Math.abs(theta) ? calm + 1 : 0;
    const exhausted = b <= 1e-14 * Math.max(top, 1e-300);
    if (exhausted || residual <= tol * Math.abs(theta) || calm >= CALM || j === maxSteps) break;
    beta.push(b);
    const next = Q.subarray(j * n, (j + 1) * n);
    for (let i = 0; i < n; i++) next[i] = w[i] / b;
  }
  const t = performance.now();
  const s = smallestEigenvector(alpha, beta, theta);
  const vector = new Float64Array(n);
  for (let k = 0; k < j; k++) {
    const q = Q.subarray(k * n, (k + 1) * n);
    for (let i = 0; i < n; i++) vector[i] += s[k] * q[i];
  }
  const y = unit(vector);
  const share = (opts.productError ?? 0) * Math.abs(top);
  let out: WarmMin = { value: theta, bound: residual + share, vector: y, steps: j };
  if (opts.exact) {
    const r = opts.exact(y);
    const rho = dot(y, r);
    for (let i = 0; i < n; i++) r[i] -= rho * y[i];
    out = { ...out, value: rho, bound: Math.sqrt(dot(r, r)) + share };
  }
  if (clock) {
    clock.bound += performance.now() - t;
    clock.steps += j;
  }
  return out;
}

/** One pass of classical Gram–Schmidt of w against the first k rows of Q (n each); returns ‖w‖ after it. */
function reorthogonalize(Q: Float64Array, k: number, n: number, w: Float64Array): number {
  const c = new Float64Array(k);
  const tail = n - (n % 4);
  for (let r = 0; r < k; r++) {
    // Four running sums: one would wait on each addition.
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    const at = r * n;
    for (let i = 0; i < tail; i += 4) {
      s0 += Q[at + i] * w[i];
      s1 += Q[at + i + 1] * w[i + 1];
      s2 += Q[at + i + 2] * w[i + 2];
      s3 += Q[at + i + 3] * w[i + 3];
    }
    for (let i = tail; i < n; i++) s0 += Q[at + i] * w[i];
    c[r] = s0 + s1 + s2 + s3;
  }
  for (let r = 0; r < k; r++) {
    const cr = c[r];
    const at = r * n;
    for (let i = 0; i < n; i++) w[i] -= cr * Q[at + i];
  }
  return Math.sqrt(dot(w, w));
}

function unit(a: Float64Array): Float64Array {
  const s = Math.sqrt(dot(a, a));
  return a.map((x) => x / s);
}
