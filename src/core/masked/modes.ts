/**
 * The error direction by direction (THEORY.md I.3): along each eigenvector v_i of H^∞ the predicted second moment is
 * E[(v_i·e_k)²] = A_i^{2k}(v_i·e_0)² + (1 − A_i^{2k})·C_i with A_i = 1 − θg_i — its own rate toward its own floor
 * C_i (C.3), Σ_i C_i = R_lazy — and a direction's milestone is the round its mean part falls below its floor. Which
 * directions a view follows: every one up to n = 64, else the slowest and the fastest few.
 */
import { localProgress, type SchemeParams, type Spectrum, stationaryTerms, theta } from './theory';

/** One round's (v_i·e_k)² in the followed directions, as measured. */
export interface ModeRow {
  round: number;
  values: Float32Array;
}

/** Every direction is followed up to this n; above, the MODE_EDGE slowest and fastest. */
export const ALL_MODES_MAX_N = 64;
export const MODE_EDGE = 8;

export interface ModeTheory {
  /** λ_i of the followed directions (ascending). */
  lambda: Float64Array;
  /** A_i = 1 − θg_i: the per-round factor of the mean error along v_i. */
  contraction: Float64Array;
  /** C_i: the direction's floor (0 for GD and, at leading order, IST). */
  floor: Float64Array;
  /** (v_i·e_0)². */
  c0: Float64Array;
}

/** The indices (into the ascending spectrum) of the directions a view follows. */
export function followedModes(n: number): number[] {
  if (n <= ALL_MODES_MAX_N) return Array.from({ length: n }, (_, i) => i);
  return [
    ...Array.from({ length: MODE_EDGE }, (_, i) => i),
    ...Array.from({ length: MODE_EDGE }, (_, i) => n - MODE_EDGE + i),
  ];
}

export function modeTheory(sp: Spectrum, s: SchemeParams, c0: ArrayLike<number>, index: readonly number[]): ModeTheory {
  const th = theta(s.xi, s.p, s.categorical);
  const C = stationaryTerms(sp, s);
  return {
    lambda: Float64Array.from(index, (i) => sp.lambdas[i]),
    contraction: Float64Array.from(index, (i) => 1 - th * localProgress(sp.lambdas[i], s)),
    floor: Float64Array.from(index, (i) => C[i]),
    c0: Float64Array.from(index, (i) => c0[i]),
  };
}

/** The predicted mean part A^{2k}c0 and floor part (1 − A^{2k})C of direction j at round k. */
export function predictedMode(t: ModeTheory, j: number, k: number): { mean: number; floor: number } {
  const a2k = Math.pow(t.contraction[j], 2 * k);
  return { mean: a2k * t.c0[j], floor: (1 - a2k) * t.floor[j] };
}

/**
 * The first round at which direction j's mean part falls below its floor, k = ln(C/c0)/(2 ln A); null where it never
 * does (no floor, a start already below it, or a direction that does not contract).
 */
export function milestone(t: ModeTheory, j: number): number | null {
  const A = t.contraction[j];
  const C = t.floor[j];
  const c0 = t.c0[j];
  if (!(C > 0) || !(c0 > C) || !(A > 0 && A < 1)) return null;
  return Math.ceil(Math.log(C / c0) / (2 * Math.log(A)));
}

export interface ModesNow {
  lambda: number[];
  /** (v_i·e_k)² measured at round k (null where the run measures none). */
  measured: number[] | null;
  /** E[(v_i·e_k)²] predicted at round k: mean part plus floor part. */
  predicted: number[];
  floor: number[];
  round: number;
}

/** The followed directions at round k: measured against predicted, with their floors. */
export function modesAt(t: ModeTheory, k: number, measured: ArrayLike<number> | null): ModesNow {
  return {
    lambda: Array.from(t.lambda),
    measured: measured ? Array.from(measured) : null,
    predicted: Array.from(t.lambda, (_, j) => {
      const q = predictedMode(t, j, k);
      return q.mean + q.floor;
    }),
    floor: Array.from(t.floor),
    round: k,
  };
}
