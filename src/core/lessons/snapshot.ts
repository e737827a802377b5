/**
 * The metrics a lesson goal reads, computed from what a view holds: the training runs' histories and the theory
 * basis (the training view), the phase diagram's cells (the regimes view), the AltMin traces and trials (the AltMin
 * view). The page and `cli lesson check` build their snapshots with these same functions.
 */
import type { AltMinTraces } from '../altmin/traces';
import type { TheoryBasis } from '../masked/basis';
import type { Config } from '../masked/config';
import { guarantee } from '../masked/guarantee';
import { type History, latestFinite as latest } from '../masked/metrics';
import { lazyTheoryApplies } from '../masked/network';
import { runPlateau } from '../masked/plateau';
import { schemeOf, stabilityRadius, WIDTH_DEFAULTS } from '../masked/summary';
import { radiusLazy } from '../masked/theory';
import { measuredBoundary, type PhaseCell } from '../regimes/regimes';
import type { GoalMetric, Value } from './goals';

export type Metrics = Partial<Record<GoalMetric, Value>>;

/** One training run's metrics; `since` is the round of its last change of settings (the plateau is measured after it). */
export function trainMetrics(
  config: Config,
  h: History,
  basis: TheoryBasis | null,
  since: number,
  status: string,
): Metrics {
  const out: Metrics = {
    round: h.round.length ? h.round[h.round.length - 1] : 0,
    err: latest(h.err),
    radiusNow: latest(h.radiusNow),
    ntkMin: latest(h.ntkMin),
    subNtkMin: latest(h.subNtkMin) === null ? null : config.xi * (latest(h.subNtkMin) as number),
    maxMove: latest(h.maxMove),
    flipFrac: latest(h.flipFrac),
    ntkShift: latest(h.ntkShift),
    status,
    plateau: null,
    radiusLazy: null,
    lambda0: null,
    rStab: null,
    guaranteeB1: null,
    guaranteeRatio: null,
  };
  if (!basis) return out;
  const sp = basis.spectrum;
  const s = schemeOf(config, sp);
  out.lambda0 = sp.lambda0;
  out.rStab = stabilityRadius(config, sp);
  if (!lazyTheoryApplies(config)) return out;
  out.radiusLazy = radiusLazy(sp, s);
  out.plateau = runPlateau(sp, s, basis.c0, h, since).plateau?.mean ?? null;
  const g = guarantee(s, { n: sp.n, d: config.d, m: config.m, lambda0: sp.lambda0, ...WIDTH_DEFAULTS });
  out.guaranteeB1 = g.B1;
  out.guaranteeRatio = h.err.length ? g.B1 / h.err[0] : null;
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
