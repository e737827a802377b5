/** A histogram on log-spaced bins (neuron moves spread over decades): `bins` bins from hi·10^−decades to hi. */

export interface LogHistogram {
  /** Lower edge of the first bin; smaller values (zero included) are counted in it. */
  lo: number;
  /** Upper edge of the last bin: the largest value. */
  hi: number;
  counts: number[];
}

/** Null when no value is positive and finite. */
export function logHistogram(values: ArrayLike<number>, bins = 40, decades = 4): LogHistogram | null {
  let hi = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]) && values[i] > hi) hi = values[i];
  if (!(hi > 0)) return null;
  const lo = hi * 10 ** -decades;
  const counts = new Array<number>(bins).fill(0);
  const per = bins / Math.log(hi / lo);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    const b = v <= lo ? 0 : Math.min(bins - 1, Math.floor(Math.log(v / lo) * per));
    counts[b]++;
  }
  return { lo, hi, counts };
}
