/**
 * The measured plateau (THEORY.md H.1): start once the predicted mean curve is within 5 % of R (for IST, whose R is 0
 * at leading order, once its transient has fallen to 1e−3 of its start), take the mean of ‖y − u_k‖² over the rounds
 * since, with a batch-means standard error — batches five times the correlation time of ‖e_k‖², so that their means
 * are nearly independent (on AR(1) series the error is then low by about a tenth, plateau.test.ts) — and say how many
 * rounds and batches it rests on. The correlation time is the linearized model's (C.3): e_i is AR(1) with factor
 * A_i = 1 − θg_i and stationary variance C_i, so ‖e‖² has the integrated time Σ_i C_i²(1 + A_i²)/(1 − A_i²) / Σ_i C_i²
 * — far shorter than the slowest direction's 1/(1 − ρ²), which carries little of the fluctuation (and which it
 * falls back to for IST, whose C_i vanish at leading order).
 *
 * Where the prediction is withheld (Gaussian input masks, split data: THEORY.md J) nothing predicts the plateau: it is
 * then the mean over the latter half of the rounds since the last change, in ten batches, once TRAILING_NEEDS rounds
 * have run and twice the time the same scheme's mean curve on clean, whole data takes to settle (so that the window
 * opens after it) — it reads high while the error is still falling.
 */
import {
  localProgress,
  predictedCurve,
  rate,
  type SchemeParams,
  type Spectrum,
  stationaryTerms,
  theta,
} from './theory';

export interface Plateau {
  mean: number;
  se: number;
  /** First round of the window. */
  from: number;
  rounds: number;
  batches: number;
  batchLength: number;
}

/** Fewest batches a plateau may rest on. */
export const MIN_BATCHES = 5;

/** Rounds after which the predicted mean curve has settled (H.1), counted from the start of the curve. */
export function settleRounds(sp: Spectrum, s: SchemeParams, c0: ArrayLike<number>): number {
  const at = (k: number) => predictedCurve(sp, s, c0, [k, 1e9]);
  const [start, end] = at(0);
  const settled = (k: number) => {
    const [v] = at(k);
    return end > 0 ? Math.abs(v - end) <= 0.05 * end : Math.abs(v - end) <= 1e-3 * Math.abs(start - end);
  };
  let hi = 1;
  while (!settled(hi) && hi < 1e9) hi *= 2;
  let lo = hi >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (settled(mid)) hi = mid;
    else lo = mid + 1;
  }
  return hi;
}

/** The integrated autocorrelation time of ‖e_k‖² in the linearized model (see above). */
export function correlationTime(sp: Spectrum, s: SchemeParams): number {
  const th = theta(s.xi, s.p, s.categorical);
  const C = stationaryTerms(sp, s);
  let num = 0;
  let den = 0;
  sp.lambdas.forEach((lam, i) => {
    const A = 1 - th * localProgress(lam, s);
    num += C[i] * C[i] * ((1 + A * A) / (1 - A * A));
    den += C[i] * C[i];
  });
  const rho = rate(sp, s);
  return den > 0 ? num / den : 1 / (1 - rho * rho);
}

/** Batches of this length hold nearly independent means: five correlation times. */
export function batchLength(sp: Spectrum, s: SchemeParams): number {
  return Math.max(1, Math.ceil(5 * correlationTime(sp, s)));
}

/** The plateau of a series from round `from` on, in batches of `length`; null with fewer than MIN_BATCHES batches. */
export function batchMeans(
  rounds: ArrayLike<number>,
  err: ArrayLike<number>,
  from: number,
  length: number,
): Plateau | null {
  const vals: number[] = [];
  for (let i = 0; i < rounds.length; i++) if (rounds[i] >= from && Number.isFinite(err[i])) vals.push(err[i]);
  const batches = Math.floor(vals.length / length);
  if (batches < MIN_BATCHES) return null;
  const means = Array.from(
    { length: batches },
    (_, b) => vals.slice(b * length, (b + 1) * length).reduce((a, v) => a + v, 0) / length,
  );
  const mean = means.reduce((a, v) => a + v, 0) / batches;
  const variance = means.reduce((a, v) => a + (v - mean) ** 2, 0) / (batches - 1);
  return { mean, se: Math.sqrt(variance / batches), from, rounds: batches * length, batches, batchLength: length };
}

/** The mean of several seeds' plateaus, its standard error from theirs. */
export function pooled(ps: readonly Plateau[]): { mean: number; se: number } {
  const mean = ps.reduce((a, p) => a + p.mean, 0) / ps.length;
  return { mean, se: Math.sqrt(ps.reduce((a, p) => a + p.se * p.se, 0)) / ps.length };
}

export interface RunPlateau {
  plateau: Plateau | null;
  /** Rounds after `since` that the plateau needs: the settle time and five batches. */
  needs: number;
  /** Mean R_now over the plateau's window (NaN where it was not measured). */
  radiusNow: number;
}

/** Rounds a plateau without a prediction needs since the last change, and the batches it is measured in. */
export const TRAILING_NEEDS = 400;
const TRAILING_BATCHES = 10;

/** The plateau without a prediction: the latter half of the rounds since `since`, once 2·`settle` have run (above). */
export function trailingPlateau(
  h: { round: ArrayLike<number>; err: ArrayLike<number> },
  since: number,
  settle: number,
): RunPlateau {
  const last = h.round.length ? h.round[h.round.length - 1] : 0;
  const span = last - since;
  const needs = Math.max(TRAILING_NEEDS, 2 * settle);
  const empty = { plateau: null, needs, radiusNow: NaN };
  if (span < needs) return empty;
  const from = since + Math.ceil(span / 2) + 1;
  const plateau = batchMeans(h.round, h.err, from, Math.max(1, Math.floor((last - from + 1) / TRAILING_BATCHES)));
  return plateau ? { plateau, needs, radiusNow: NaN } : empty;
}

/** A run's H.1 plateau since round `since`, with the mean R_now of the same window. */
/**
 * The settle time and batch length of a spectrum and scheme, computed once: a page asks for a run's plateau with every
 * chunk of rounds, and each is a search over the predicted curve.
 */
const windows = new WeakMap<Spectrum, Map<string, { settle: number; length: number }>>();
function plateauWindow(sp: Spectrum, s: SchemeParams, c0: ArrayLike<number>): { settle: number; length: number } {
  let bySchemes = windows.get(sp);
  if (!bySchemes) windows.set(sp, (bySchemes = new Map()));
  const key = `${s.xi}|${s.p}|${s.tau}|${s.eta}|${s.kappa}|${s.categorical}|${c0.length}:${c0[0]}`;
  let w = bySchemes.get(key);
  if (!w) bySchemes.set(key, (w = { settle: settleRounds(sp, s, c0), length: batchLength(sp, s) }));
  return w;
}

export function runPlateau(
  sp: Spectrum,
  s: SchemeParams,
  c0: ArrayLike<number>,
  h: { round: ArrayLike<number>; err: ArrayLike<number>; radiusNow: ArrayLike<number> },
  since: number,
): RunPlateau {
  const { settle, length } = plateauWindow(sp, s, c0);
  const needs = settle + MIN_BATCHES * length;
  const plateau = batchMeans(h.round, h.err, since + settle, length);
  if (!plateau) return { plateau, needs, radiusNow: NaN };
  let sum = 0;
  let count = 0;
  for (let i = 0; i < h.round.length; i++)
    if (h.round[i] >= plateau.from && Number.isFinite(h.radiusNow[i])) {
      sum += h.radiusNow[i];
      count++;
    }
  return { plateau, needs, radiusNow: count ? sum / count : NaN };
}
