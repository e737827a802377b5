/**
 * How good each prediction is (THEORY.md H): one row per setting from its seeds' histories — the measured plateau
 * (H.1, pooled over seeds) against R_lazy and against R_now averaged over the same window (its last value beside),
 * and the measured contraction of the mean error (seeds averaged) against the prediction's on the same rounds, ρ²
 * and the paper's rate (C.2).
 */
import { slope } from '../math/fit';
import { guarantee } from './guarantee';
import { type Plateau, pooled, type RunPlateau, runPlateau } from './plateau';
import { type Eigenbasis, predictedCurve, radiusLazy, rate, type SchemeParams } from './theory';

export interface SeedRun {
  spectrum: Eigenbasis;
  scheme: SchemeParams;
  c0: Float64Array;
  err: number[];
  radiusNow: number[];
  n: number;
  d: number;
  m: number;
}

export interface ValidationRow {
  plateau: number;
  se: number;
  seeds: number;
  radiusLazy: number;
  /** R_now at the last measurement, and averaged over the plateau's window (what the plateau is compared with). */
  radiusNow: number;
  radiusNowWindow: number;
  ratioLazy: number;
  ratioNow: number;
  measuredRate: number;
  predictedRate: number;
  rho2: number;
  paperRate: number;
  rounds: number;
}

export const VALIDATION_KEYS: (keyof ValidationRow)[] = [
  'plateau',
  'se',
  'seeds',
  'radiusLazy',
  'radiusNow',
  'radiusNowWindow',
  'ratioLazy',
  'ratioNow',
  'measuredRate',
  'predictedRate',
  'rho2',
  'paperRate',
  'rounds',
];

/** Per-round factor of a curve's decay toward R over rounds [0, end): the slope of log(v_k − R), exponentiated. */
function fittedRate(v: ArrayLike<number>, R: number, end: number): number {
  const pts: [number, number][] = [];
  for (let k = 0; k < end && k < v.length; k++) if (v[k] - R > 0) pts.push([k, Math.log(v[k] - R)]);
  return pts.length < 3 ? NaN : Math.exp(slope(pts));
}

export function validationRow(runs: readonly SeedRun[]): ValidationRow {
  const r0 = runs[0];
  const R = radiusLazy(r0.spectrum, r0.scheme);
  const K = r0.err.length;
  const measured = runs
    .map((r) =>
      runPlateau(
        r.spectrum,
        r.scheme,
        r.c0,
        { round: Array.from(r.err, (_, k) => k), err: r.err, radiusNow: r.radiusNow },
        0,
      ),
    )
    .filter((p): p is RunPlateau & { plateau: Plateau } => p.plateau !== null);
  const { mean, se } = measured.length ? pooled(measured.map((p) => p.plateau)) : { mean: NaN, se: NaN };
  const average = (v: number[]) => v.reduce((a, x) => a + x, 0) / v.length;
  const rNow = average(runs.map((r) => r.radiusNow.filter(Number.isFinite).at(-1) ?? NaN));
  const rWindow = average(measured.map((p) => p.radiusNow));
  // The transient of the seeds' mean error, while it is still above 1.5 R (or 1e-3 of its start where R = 0).
  const meanErr = Array.from({ length: K }, (_, k) => runs.reduce((a, r) => a + r.err[k], 0) / runs.length);
  const predicted = predictedCurve(
    r0.spectrum,
    r0.scheme,
    r0.c0,
    Array.from({ length: K }, (_, k) => k),
  );
  const floor = R > 0 ? 1.5 * R : 1e-3 * meanErr[0];
  let end = meanErr.findIndex((v) => v < floor);
  if (end < 0) end = K;
  const rho = rate(r0.spectrum, r0.scheme);
  return {
    plateau: mean,
    se,
    seeds: measured.length,
    radiusLazy: R,
    radiusNow: rNow,
    radiusNowWindow: rWindow,
    ratioLazy: R > 0 ? mean / R : NaN,
    ratioNow: rWindow > 0 ? mean / rWindow : NaN,
    measuredRate: fittedRate(meanErr, R, end),
    predictedRate: fittedRate(predicted, R, end),
    rho2: rho * rho,
    paperRate: guarantee(r0.scheme, { n: r0.n, d: r0.d, m: r0.m, lambda0: r0.spectrum.lambda0, rounds: K, delta: 0.1 })
      .rate,
    rounds: K - 1,
  };
}

export function validationCsv(
  keys: readonly string[],
  rows: { at: Record<string, string>; row: ValidationRow }[],
): string {
  const lines = [[...keys, ...VALIDATION_KEYS].join(',')];
  for (const { at, row } of rows)
    lines.push([...keys.map((k) => at[k]), ...VALIDATION_KEYS.map((k) => String(row[k]))].join(','));
  return lines.join('\n') + '\n';
}
