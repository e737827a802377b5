/**
 * Initial weights (THEORY.md A): a_r = ±1 and w_r ~ N(0, κ² I_d) under the NTK initialization, or a_r ~ N(0, ω₂²) and
 * w_r ~ N(0, ω₁² I_d) under LeCun and He (network.ts). Drawn neuron by neuron from the `init` stream, so that neuron
 * r is the same for every width m ≥ r (up to the scale ω₂, which depends on m).
 */
import { type Mat, mat } from '../math/matrix';
import type { Rng } from '../math/rng';
import type { InitScales } from './network';

export interface Weights {
  /** m×d: row r is w_r. */
  W: Mat;
  /** m second-layer weights: ±1 under the NTK initialization, raw v_r under LeCun and He. */
  a: Float64Array;
}

export function initWeights(m: number, d: number, scales: InitScales, rng: Rng): Weights {
  const W = mat(m, d);
  const a = new Float64Array(m);
  for (let r = 0; r < m; r++) {
    a[r] = scales.a === null ? rng.sign() : scales.a * rng.normal();
    for (let j = 0; j < d; j++) W.data[r * d + j] = scales.w * rng.normal();
  }
  return { W, a };
}

export type WeightsResult = { ok: true; weights: Weights } | { ok: false; error: string };

/** Validates `{ "W": [[…m rows of d]], "a": [m numbers] }` given as parsed JSON. */
export function weightsFromJson(obj: unknown, d: number): WeightsResult {
  const o = obj as { W?: unknown; a?: unknown };
  if (!o || !Array.isArray(o.W) || !Array.isArray(o.a))
    return { ok: false, error: 'The init file needs "W" (m rows of d numbers) and "a" (m second-layer weights).' };
  const m = o.W.length;
  if (m < 1) return { ok: false, error: 'The init "W" has no rows.' };
  if (o.a.length !== m) return { ok: false, error: `The init has ${m} rows in "W" but ${o.a.length} entries in "a".` };
  const W = mat(m, d);
  for (let r = 0; r < m; r++) {
    const row = o.W[r] as unknown;
    if (!Array.isArray(row) || row.length !== d || !row.every((v) => typeof v === 'number' && Number.isFinite(v)))
      return { ok: false, error: `Init row ${r + 1} of "W" must hold ${d} finite numbers (the input dimension).` };
    W.data.set(row as number[], r * d);
  }
  const a = Float64Array.from(o.a as unknown[], (v) => (typeof v === 'number' && Number.isFinite(v) ? v : NaN));
  if (a.some((v) => Number.isNaN(v)))
    return { ok: false, error: 'Every entry of the init "a" must be a finite number.' };
  return { ok: true, weights: { W, a } };
}
