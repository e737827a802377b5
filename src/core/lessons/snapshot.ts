/**
 * The metrics a lesson goal reads, computed from what a view holds: the training runs' histories and the theory
 * basis (the training view), the phase diagram's cells (the regimes view), the AltMin traces and trials (the AltMin
 * view), and the training runs' own noise in them. The page and `cli lesson check` build their snapshots with these
 * same functions.
 */
import type { AltMinTraces } from '../altmin/traces';
import type { TheoryBasis } from '../masked/basis';
import type { Config } from '../masked/config';
import { guarantee } from '../masked/guarantee';
import { type History, latestAfter, spreadAfter } from '../masked/metrics';
import { runPlateau, settleRounds, trailingPlateau } from '../masked/plateau';
import { predictionApplies, schemeOf, stabilityRadius, WIDTH_DEFAULTS } from '../masked/summary';
import { radiusLazy } from '../masked/theory';
import { measuredBoundary, type PhaseCell } from '../regimes/regimes';
import type { GoalMetric, Value } from './goals';

export type Metrics = Partial<Record<GoalMetric, Value>>;

/**
 * When a run's measurements count for a goal: only those made after round `fresh` — the step's run starts at round 0,
 * and a change of a setting the step names moves it to the change's round — so a goal is never reached on numbers
 * measured before the step or before the student's last relevant change. `since` is the round of the run's last change
 * of any setting: the plateau is measured over a stretch of unchanged settings.
 */
export interface Freshness {
  fresh: number;
  since: number;
  status: string;
}

/** How many of a metric's latest measurements its noise is taken over. */
const NOISE_WINDOW = 20;

/** The metrics measured round by round (their noise is their spread over the latest measurements). */
const MEASURED = ['err', 'radiusNow', 'ntkMin', 'subNtkMin', 'maxMove', 'flipFrac', 'ntkShift'] as const;

/** One training run's metrics, counting only measurements after `f.fresh` (null until there is one). */
export function trainMetrics(config: Config, h: History, basis: TheoryBasis | null, f: Freshness): Metrics {
  const last = h.round.length ? h.round[h.round.length - 1] : 0;
  const after = (col: readonly number[]) => latestAfter(col, h.round, f.fresh);
  const out: Metrics = {
    round: last,
    status: f.status,
    err: null,
    radiusNow: null,
    ntkMin: null,
    subNtkMin: null,
    maxMove: null,
    flipFrac: null,
    ntkShift: null,
    plateau: null,
    radiusLazy: null,
    lambda0: null,
    rStab: null,
    guaranteeB1: null,
    guaranteeRatio: null,
  };
  // Nothing counts until the run has trained past the baseline: the numbers a step opens with are not its answer.
  if (last <= f.fresh) return out;
  out.err = after(h.err);
  out.radiusNow = after(h.radiusNow);
  out.ntkMin = after(h.ntkMin);
  const sub = after(h.subNtkMin);
  out.subNtkMin = sub === null ? null : config.xi * sub;
  out.maxMove = after(h.maxMove);
  out.flipFrac = after(h.flipFrac);
  out.ntkShift = after(h.ntkShift);
  if (!basis) return out;
  const sp = basis.spectrum;
  const s = schemeOf(config, sp);
  out.lambda0 = sp.lambda0;
  out.rStab = stabilityRadius(config, sp);
  if (!predictionApplies(config)) {
    out.plateau = trailingPlateau(h, Math.max(f.fresh, f.since), settleRounds(sp, s, basis.c0)).plateau?.mean ?? null;
    return out;
  }
  out.radiusLazy = radiusLazy(sp, s);
  out.plateau = runPlateau(sp, s, basis.c0, h, Math.max(f.fresh, f.since)).plateau?.mean ?? null;
  const g = guarantee(s, { n: sp.n, d: config.d, m: config.m, lambda0: sp.lambda0, ...WIDTH_DEFAULTS });
  out.guaranteeB1 = g.B1;
  out.guaranteeRatio = h.err.length ? g.B1 / h.err[0] : null;
  return out;
}

/**
 * The run's own noise in each metric a goal may read (0 where a metric is computed, not measured): the plateau's
 * batch-means standard error, and for a measured series the spread of its latest measurements.
 */
export function trainNoise(config: Config, h: History, basis: TheoryBasis | null, f: Freshness): Metrics {
  const out: Metrics = {};
  for (const key of MEASURED) out[key] = spreadAfter(h[key], h.round, f.fresh, NOISE_WINDOW);
  const sub = out.subNtkMin;
  if (typeof sub === 'number') out.subNtkMin = sub * config.xi;
  const since = Math.max(f.fresh, f.since);
  if (basis && predictionApplies(config)) {
    const sp = basis.spectrum;
    out.plateau = runPlateau(sp, schemeOf(config, sp), basis.c0, h, since).plateau?.se ?? null;
  } else if (basis) {
    const sp = basis.spectrum;
    out.plateau = trailingPlateau(h, since, settleRounds(sp, schemeOf(config, sp), basis.c0)).plateau?.se ?? null;
  }
  return out;
}

/** The phase diagram's progress and its measured boundary at the largest n that has one. */
export function regimesMetrics(cells: readonly PhaseCell[], rowsDone: number, rowsTotal: number, d: number): Metrics {
  const boundary = measuredBoundary(cells).at(-1);
  return {
    phaseDone: rowsTotal ? rowsDone / rowsTotal : 0,
    boundary: boundary?.m ?? null,
    boundaryParams: boundary ? (boundary.m * d) / boundary.n : null,
  };
}

/** AltMin's and GD's final distances to the teacher, AltMin's iterations, and the phase transition's progress. */
export function altminMetrics(traces: AltMinTraces | null, trialsDone: number, trialsTotal: number): Metrics {
  return {
    altminDist: traces?.altmin.dist.at(-1) ?? null,
    gdDist: traces?.gd.dist.at(-1) ?? null,
    altminIters: traces ? traces.altmin.dist.length - 1 : null,
    recoveryDone: trialsTotal ? trialsDone / trialsTotal : 0,
  };
}

/** A configuration object as the values a goal's `config` conditions compare against. */
export function configValues(...tables: object[]): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const t of tables)
    for (const [k, v] of Object.entries(t)) out[k] = typeof v === 'number' || typeof v === 'string' ? v : null;
  return out;
}
