/**
 * λ_min of a symmetric positive semi-definite operator known only through its products A·v, started from a guess of its
 * eigenvector: Lanczos with full reorthogonalization from that guess (plus a little noise, so that the Krylov space
 * also reaches the directions the guess misses). It stops once the residual bound is within the tolerance or the
 * Ritz value stands still (it converges far faster than the residual, whose bound stays wide where λ_min sits in a
 * cluster); when A has barely moved since the guess was made — a network's NTK between two measurements in the lazy
 * regime — that takes a few products. Returns the smallest Ritz value θ,
 * its residual bound ‖Ay − θy‖ (some eigenvalue of A lies within it of θ, and θ ≥ λ_min; plus what inexact products
 * can move it), and the Ritz vector y to
 * start the next measurement from. The products may run on a device (hence async).
 */
import { tridiagonalEigen } from './lanczos';
import { dot } from './matrix';
import type { Rng } from './rng';

export interface WarmMin {
  value: number;
  /** ‖Ay − θy‖: some eigenvalue of A lies within this of `value`. */
  bound: number;
  /** The Ritz vector (unit norm): the guess for the next measurement. */
  vector: Float64Array;
  /** Products with A taken. */
  steps: number;
}

export interface WarmOptions {
  /** The guess (any norm), or null: a random start. */
  start: Float64Array | null;
  rng: Rng;
  /** Stop once the bound is below tol·θ, or θ moves by less than a twentieth of that twice running (default 1e-3). */
  tol?: number;
  /** Most products (default 40). */
  maxSteps?: number;
  /**
   * Relative error of one product (float32 on a device: about 1e-7), added to the bound as that share of the largest
   * Ritz value: products that are off by δ‖A‖ move λ_min by up to that much (default 0).
   */
  productError?: number;
}

/** θ is still when a product moves it by less than this share of the tolerance, three times running. */
const STILL = 0.05;
const CALM = 3;

/** Share of noise mixed into the guess. */
const NOISE = 1e-2;

export async function warmLanczosMin(
  apply: (v: Float64Array) => Promise<Float64Array>,
  n: number,
  opts: WarmOptions,
): Promise<WarmMin> {
  const maxSteps = Math.min(n, opts.maxSteps ?? 40);
  const tol = opts.tol ?? 1e-3;
  const noise = Float64Array.from({ length: n }, () => opts.rng.normal());
  let q = opts.start ? unit(opts.start) : unit(noise);
  if (opts.start) {
    const nn = unit(noise);
    for (let i = 0; i < n; i++) q[i] += NOISE * nn[i];
    q = unit(q);
  }
  const Q: Float64Array[] = [];
  const alpha: number[] = [];
  const beta: number[] = [];
  let best: WarmMin = { value: Infinity, bound: Infinity, vector: q, steps: 0 };
  let calm = 0;
  for (let j = 0; j < maxSteps; j++) {
    Q.push(q);
    const w = await apply(q);
    alpha.push(dot(q, w));
    // Full reorthogonalization, twice, against every Lanczos vector so far.
    for (let pass = 0; pass < 2; pass++)
      for (const u of Q) {
        const c = dot(u, w);
        for (let i = 0; i < n; i++) w[i] -= c * u[i];
      }
    const b = Math.sqrt(dot(w, w));
    const exhausted = b <= 1e-14 * Math.max(...alpha.map(Math.abs), 1e-300);
    const { value, bound: residual, top, coefficients } = smallestRitz(alpha, beta, b);
    const bound = residual + (opts.productError ?? 0) * Math.abs(top);
    // θ only falls toward λ_min, and (like any Ritz value) far faster than the residual: stop once it is still.
    const still = best.value - value <= STILL * tol * Math.abs(value);
    calm = still ? calm + 1 : 0;
    best = { value, bound, vector: combine(Q, coefficients), steps: j + 1 };
    if (exhausted || residual <= tol * Math.abs(value) || calm >= CALM) return best;
    beta.push(b);
    q = w.map((x) => x / b);
  }
  return best;
}

/** The smallest eigenvalue of the tridiagonal matrix, its residual bound |β_last·s_last| and its eigenvector s. */
function smallestRitz(
  alpha: number[],
  beta: number[],
  last: number,
): { value: number; bound: number; top: number; coefficients: number[] } {
  const j = alpha.length;
  const e = tridiagonalEigen(alpha, beta);
  const values = e.realEigenvalues;
  let lo = 0;
  values.forEach((v, i) => {
    if (v < values[lo]) lo = i;
  });
  const coefficients = e.eigenvectorMatrix.getColumn(lo);
  return { value: values[lo], bound: Math.abs(last * coefficients[j - 1]), top: Math.max(...values), coefficients };
}

function combine(Q: readonly Float64Array[], s: readonly number[]): Float64Array {
  const y = new Float64Array(Q[0].length);
  Q.forEach((q, k) => {
    for (let i = 0; i < y.length; i++) y[i] += s[k] * q[i];
  });
  return unit(y);
}

function unit(a: Float64Array): Float64Array {
  const s = Math.sqrt(dot(a, a));
  return a.map((x) => x / s);
}
