/**
 * AltMin and gradient descent from a start W⁰ on a teacher's data (THEORY.md F), with ‖W^t − W*‖ and the loss at
 * every iteration, and the fitted linear rate ρ of a trace.
 * AltMin (ISIT (4)): patterns of W^t, then the least-squares weights for them. It stops early at a fixed point —
 * when the new weights have the patterns that made them, every later iterate is the same.
 * GD (ISIT (3)): W^{t+1} = W^t − (η/n)·Bᵗᵀ(f(X) − y), with η = 2/(σ²_min + σ²_max) of B⁰/√n by default.
 * Both stop once ‖W − W*‖ is at the float64 floor.
 */
import { slope } from '../math/fit';
import { lanczosExtremes } from '../math/lanczos';
import { type Mat, mat } from '../math/matrix';
import type { Rng } from '../math/rng';
import { applyB, applyBt, distance, lossOf, patternsOf, shifted } from './model';
import { leastSquares, type SolveKind } from './solve';
import type { Teacher } from './teacher';

export type Method = 'altmin' | 'gd';
export const METHODS: readonly Method[] = ['altmin', 'gd'];

/** Below this distance the iterates are at float64 rounding: a run stops there. */
export const DIST_FLOOR = 1e-12;

export interface Trace {
  method: Method;
  /** ‖W^t − W*‖ relative (model.ts distance), t = 0 … (the start first). */
  dist: number[];
  /** (1/2n)‖f(X) − y‖² at each iterate. */
  loss: number[];
  /** AltMin: how each least-squares step was solved. */
  solves: SolveKind[];
  /** GD: the step size used. */
  eta: number | null;
  /** Why the run ended before its iteration count, in words (null: it ran them all). */
  stopped: string | null;
  W: Mat;
}

function identityVec(k: number, d: number): Float64Array {
  const I = new Float64Array(k * d);
  for (let q = 0; q < Math.min(k, d); q++) I[q * d + q] = 1;
  return I;
}

function samePatterns(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function record(t: Teacher, W: Mat, tr: Pick<Trace, 'dist' | 'loss'>): number {
  const dist = distance(W, t.Wstar, t.skip);
  tr.dist.push(dist);
  tr.loss.push(lossOf(t.X, W, t.v, t.y, t.skip));
  return dist;
}

export function runAltMin(t: Teacher, W0: Mat, iters: number): Trace {
  const { rows: k, cols: d } = W0;
  const tr: Trace = { method: 'altmin', dist: [], loss: [], solves: [], eta: null, stopped: null, W: W0 };
  if (record(t, W0, tr) <= DIST_FLOOR) return { ...tr, stopped: 'the start is W*' };
  const I = t.skip ? identityVec(k, d) : null;
  let P = patternsOf(t.X, W0, t.skip);
  for (let it = 1; it <= iters; it++) {
    // With Z = W + I: B·vec(W) = y − B·vec(I).
    const r = I ? applyB(t.X, P, t.v, I).map((b, i) => t.y[i] - b) : t.y;
    const s = leastSquares(t.X, P, t.v, r);
    tr.solves.push(s.kind);
    tr.W = mat(k, d, s.w);
    const dist = record(t, tr.W, tr);
    const next = patternsOf(t.X, tr.W, t.skip);
    if (dist <= DIST_FLOOR) return { ...tr, stopped: `W* recovered to float64 rounding at iteration ${it}` };
    if (it < iters && samePatterns(next, P))
      return { ...tr, stopped: `fixed point at iteration ${it}: its patterns are the ones that made it` };
    P = next;
  }
  return tr;
}

/** The paper's GD step 2/(σ²_min + σ²_max) of B/√n at W (σ_min = 0 when n < dk), by Lanczos on BᵀB/n. */
export function gdStepAuto(t: Teacher, W: Mat, rng: Rng): number {
  const P = patternsOf(t.X, W, t.skip);
  const n = t.X.rows;
  const D = W.rows * W.cols;
  const e = lanczosExtremes((z) => applyBt(t.X, P, t.v, applyB(t.X, P, t.v, z)).map((g) => g / n), D, {
    rng,
    tol: 1e-3,
  });
  const lo = n < D ? 0 : Math.max(0, e.min);
  return 2 / (lo + e.max);
}

/**
 * GD in one pass per iteration over the data: the pre-activations of Z = W (+ I), the residual and the loss at W^t,
 * then the gradient from the same pre-activations. W − W* = Z − Z*, so the distance needs no shift.
 */
export function runGd(t: Teacher, W0: Mat, iters: number, eta: number): Trace {
  const { rows: k, cols: d } = W0;
  const { v, y } = t;
  const n = t.X.rows;
  const X = t.X.data;
  const tr: Trace = { method: 'gd', dist: [], loss: [], solves: [], eta, stopped: null, W: W0 };
  const Zm = shifted(mat(k, d, W0.data), t.skip);
  const Z = Zm.data;
  const Zs = shifted(t.Wstar, t.skip).data;
  const norm = Math.sqrt(Zs.reduce((s, z) => s + z * z, 0));
  const S = new Float64Array(n * k);
  const e = new Float64Array(n);
  const g = new Float64Array(k * d);
  const finish = (stopped: string | null): Trace => ({
    ...tr,
    stopped,
    W: t.skip
      ? mat(
          k,
          d,
          Z.map((z, q) => z - (q % (d + 1) === 0 && q / (d + 1) < k ? 1 : 0)),
        )
      : Zm,
  });
  for (let it = 0; ; it++) {
    let loss = 0;
    for (let i = 0; i < n; i++) {
      let f = 0;
      const xo = i * d;
      for (let q = 0; q < k; q++) {
        let s = 0;
        const zo = q * d;
        for (let j = 0; j < d; j++) s += Z[zo + j] * X[xo + j];
        S[i * k + q] = s;
        if (s > 0) f += v[q] * s;
      }
      e[i] = f - y[i];
      loss += e[i] * e[i];
    }
    let dd = 0;
    for (let q = 0; q < Zs.length; q++) dd += (Z[q] - Zs[q]) ** 2;
    const dist = Math.sqrt(dd) / norm;
    tr.dist.push(dist);
    tr.loss.push(loss / (2 * n));
    if (!Number.isFinite(dist)) return finish(`diverged at iteration ${it}: lower the step η`);
    if (dist <= DIST_FLOOR)
      return finish(it === 0 ? 'the start is W*' : `W* recovered to float64 rounding at iteration ${it}`);
    if (it === iters) return finish(null);
    g.fill(0);
    for (let i = 0; i < n; i++) {
      const xo = i * d;
      for (let q = 0; q < k; q++) {
        if (!(S[i * k + q] > 0)) continue;
        const c = v[q] * e[i];
        const go = q * d;
        for (let j = 0; j < d; j++) g[go + j] += c * X[xo + j];
      }
    }
    const step = eta / n;
    for (let q = 0; q < g.length; q++) Z[q] -= step * g[q];
  }
}

export interface RateFit {
  /** Per-iteration contraction of ‖W^t − W*‖. */
  rho: number;
  /** The iterations the fit used. */
  from: number;
  to: number;
}

/**
 * ρ from a least-squares line through log dist_t over the iterations t ≥ 1 above 100× the float floor; null with
 * fewer than three such points.
 */
export function fitRate(dist: readonly number[]): RateFit | null {
  const pts: [number, number][] = [];
  for (let t = 1; t < dist.length; t++)
    if (dist[t] > 100 * DIST_FLOOR && Number.isFinite(dist[t])) pts.push([t, Math.log(dist[t])]);
  if (pts.length < 3) return null;
  return { rho: Math.exp(slope(pts)), from: pts[0][0], to: pts[pts.length - 1][0] };
}
