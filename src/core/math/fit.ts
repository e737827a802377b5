/** Least-squares slopes, as the fitted rates use them. */

/** The slope of the least-squares line through (x, y) points; NaN with fewer than two distinct x. */
export function slope(points: readonly (readonly [number, number])[]): number {
  const n = points.length;
  if (n < 2) return NaN;
  const mx = points.reduce((a, p) => a + p[0], 0) / n;
  const my = points.reduce((a, p) => a + p[1], 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  return sxx > 0 ? sxy / sxx : NaN;
}

/** Student's t 97.5 % quantiles for 1…30 degrees of freedom (beyond, the normal's 1.96 is within 2 %). */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** A fitted line y = slope·x + intercept with the slope's standard error and 95 % confidence interval. */
export interface LineFit {
  slope: number;
  intercept: number;
  se: number;
  lo: number;
  hi: number;
  points: number;
}

/**
 * The least-squares line through (x, y) points with the usual interval for its slope (residual variance over n − 2
 * degrees of freedom, Student's t); null with fewer than three points or fewer than two distinct x.
 */
export function fitLine(points: readonly (readonly [number, number])[]): LineFit | null {
  const n = points.length;
  if (n < 3) return null;
  const mx = points.reduce((a, p) => a + p[0], 0) / n;
  const my = points.reduce((a, p) => a + p[1], 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const [x, y] of points) {
    sxx += (x - mx) ** 2;
    sxy += (x - mx) * (y - my);
  }
  if (!(sxx > 0)) return null;
  const b = sxy / sxx;
  const a = my - b * mx;
  const rss = points.reduce((s, [x, y]) => s + (y - a - b * x) ** 2, 0);
  const se = Math.sqrt(rss / (n - 2) / sxx);
  const t = T975[n - 3] ?? 1.96;
  return { slope: b, intercept: a, se, lo: b - t * se, hi: b + t * se, points: n };
}
