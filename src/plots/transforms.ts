/** Pure data transforms for the plots: decimation that keeps extremes, and log-axis domains. */

export interface Series {
  x: number[];
  y: number[];
}

/**
 * At most about `max` points: the series is cut into max/2 buckets and each keeps its smallest and largest y
 * (in x order), so spikes and plateaus survive. Non-finite y values are dropped.
 */
export function decimate(x: ArrayLike<number>, y: ArrayLike<number>, max: number): Series {
  const out: Series = { x: [], y: [] };
  const n = Math.min(x.length, y.length);
  const buckets = Math.max(1, Math.floor(max / 2));
  if (n <= max) {
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(y[i])) continue;
      out.x.push(x[i]);
      out.y.push(y[i]);
    }
    return out;
  }
  const size = n / buckets;
  for (let b = 0; b < buckets; b++) {
    const lo = Math.floor(b * size);
    const hi = Math.min(n, Math.floor((b + 1) * size));
    let iMin = -1;
    let iMax = -1;
    for (let i = lo; i < hi; i++) {
      if (!Number.isFinite(y[i])) continue;
      if (iMin < 0 || y[i] < y[iMin]) iMin = i;
      if (iMax < 0 || y[i] > y[iMax]) iMax = i;
    }
    if (iMin < 0) continue;
    for (const i of iMin === iMax ? [iMin] : [Math.min(iMin, iMax), Math.max(iMin, iMax)]) {
      out.x.push(x[i]);
      out.y.push(y[i]);
    }
  }
  return out;
}

/** A log-axis domain covering the positive finite values, padded to whole decades; [1e-3, 1] if there are none. */
export function logDomain(...lists: ArrayLike<number>[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const list of lists)
    for (let i = 0; i < list.length; i++) {
      const v = list[i];
      if (v > 0 && Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  if (!Number.isFinite(lo)) return [1e-3, 1];
  return [10 ** Math.floor(Math.log10(lo)), 10 ** Math.ceil(Math.log10(hi) + 1e-12)];
}

/** A linear domain over finite values, padded by 5%; [0, 1] if there are none. */
export function linearDomain(...lists: ArrayLike<number>[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const list of lists)
    for (let i = 0; i < list.length; i++)
      if (Number.isFinite(list[i])) {
        lo = Math.min(lo, list[i]);
        hi = Math.max(hi, list[i]);
      }
  if (!Number.isFinite(lo)) return [0, 1];
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.05;
  return [lo - pad, hi + pad];
}

/**
 * About `points` + 1 whole rounds from `first` to `last` at which to draw a predicted curve: evenly spaced, or for a
 * log round axis evenly spaced in log(1 + k) (so that the early rounds keep their share of points).
 */
export function sampleRounds(first: number, last: number, points: number, log: boolean): number[] {
  const hi = Math.max(first + 1, last);
  const at = (t: number) =>
    log
      ? Math.round(Math.expm1(Math.log1p(first) + t * (Math.log1p(hi) - Math.log1p(first))))
      : Math.round(first + t * (hi - first));
  return [...new Set(Array.from({ length: points + 1 }, (_, i) => at(i / points)))];
}

/**
 * A prediction as it is drawn: where it has no neighbourhood (R = 0) it stops at the engine's rounding level `floor`
 * (NaN below), since the measured error cannot go further than arithmetic lets it.
 */
export function honestPrediction(values: ArrayLike<number>, radius: number, floor: number | undefined): number[] {
  return Array.from(values, (v) => (radius === 0 && floor !== undefined && v < floor ? NaN : v));
}
