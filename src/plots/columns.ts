/**
 * A dense series kept small for drawing, incrementally: rows (x increasing) fall into bins of equal width on the
 * axis's own scale (rounds, or log(1 + round) for a log round axis), and each bin keeps its first and last point and
 * its lowest and highest value — all a line drawn at one pixel per bin can show, spikes and plateaus included. When
 * the bins outnumber `maxBins` (about two per pixel column) neighbours merge pairwise and the width doubles, so a
 * row costs O(1) amortized and drawing reads at most `maxBins` bins, however long the run. NaN values are skipped;
 * ±Infinity are values like any other (a diverging run's last rows).
 */

export type AxisKind = 'linear' | 'log';

const toAxis = (kind: AxisKind) => (kind === 'log' ? (x: number) => Math.log1p(Math.max(0, x)) : (x: number) => x);

/** The first width tried: one round (linear), or a thousandth of a decade-ish (log); it doubles as the run grows. */
const FIRST_WIDTH: Record<AxisKind, number> = { linear: 1, log: 1e-3 };

export class Columns {
  /** Per bin: first and last x with their y, lowest and highest y; NaN where a bin is empty. */
  xFirst: Float64Array;
  yFirst: Float64Array;
  xLast: Float64Array;
  yLast: Float64Array;
  lo: Float64Array;
  hi: Float64Array;
  /** Bins in use (from bin 0, on the axis's scale from 0). */
  size = 0;
  width: number;
  private readonly t: (x: number) => number;
  private readonly t0: number;

  /** Bins start at `origin` (a window's first round; 0 for a whole run). */
  constructor(
    readonly kind: AxisKind,
    readonly maxBins: number,
    origin = 0,
  ) {
    this.t = toAxis(kind);
    this.t0 = this.t(origin);
    this.width = FIRST_WIDTH[kind];
    const n = maxBins + 1;
    this.xFirst = new Float64Array(n).fill(NaN);
    this.yFirst = new Float64Array(n).fill(NaN);
    this.xLast = new Float64Array(n).fill(NaN);
    this.yLast = new Float64Array(n).fill(NaN);
    this.lo = new Float64Array(n).fill(NaN);
    this.hi = new Float64Array(n).fill(NaN);
  }

  /** A summary of rows `from` to `to` (exclusive) of two columns, in one pass over them, its bins from x[from]. */
  static of(kind: AxisKind, maxBins: number, x: ArrayLike<number>, y: ArrayLike<number>, from = 0, to = x.length) {
    const c = new Columns(kind, maxBins, from > 0 && from < x.length ? x[from] : 0);
    for (let i = from; i < to; i++) c.push(x[i], y[i]);
    return c;
  }

  /** Adds one row; x must not be below the last row's. */
  push(x: number, y: number): void {
    if (Number.isNaN(y)) return;
    let b = Math.floor((this.t(x) - this.t0) / this.width);
    while (b >= this.maxBins) {
      this.merge();
      b = Math.floor((this.t(x) - this.t0) / this.width);
    }
    if (Number.isNaN(this.lo[b])) {
      this.xFirst[b] = x;
      this.yFirst[b] = y;
      this.lo[b] = y;
      this.hi[b] = y;
    } else {
      if (y < this.lo[b]) this.lo[b] = y;
      if (y > this.hi[b]) this.hi[b] = y;
    }
    this.xLast[b] = x;
    this.yLast[b] = y;
    if (b + 1 > this.size) this.size = b + 1;
  }

  /** Halves the bins: each pair of neighbours becomes one, twice as wide. */
  private merge(): void {
    const half = Math.ceil(this.size / 2);
    for (let j = 0; j < half; j++) {
      const a = 2 * j;
      const b = 2 * j + 1;
      const hasA = !Number.isNaN(this.lo[a]);
      const hasB = b < this.size && !Number.isNaN(this.lo[b]);
      const lo = hasA && hasB ? Math.min(this.lo[a], this.lo[b]) : hasA ? this.lo[a] : this.lo[b];
      const hi = hasA && hasB ? Math.max(this.hi[a], this.hi[b]) : hasA ? this.hi[a] : this.hi[b];
      const first = hasA ? a : b;
      const last = hasB ? b : a;
      this.xFirst[j] = this.xFirst[first];
      this.yFirst[j] = this.yFirst[first];
      this.xLast[j] = this.xLast[last];
      this.yLast[j] = this.yLast[last];
      this.lo[j] = hasA || hasB ? lo : NaN;
      this.hi[j] = hasA || hasB ? hi : NaN;
    }
    for (const col of [this.xFirst, this.yFirst, this.xLast, this.yLast, this.lo, this.hi])
      col.fill(NaN, half, this.size);
    this.size = half;
    this.width *= 2;
  }

  /** The lowest and highest value in bins whose rows lie in [x0, x1] (whole bins at the edges), or null if none. */
  extent(x0 = -Infinity, x1 = Infinity): [number, number] | null {
    let lo = Infinity;
    let hi = -Infinity;
    for (let b = 0; b < this.size; b++) {
      if (Number.isNaN(this.lo[b]) || this.xLast[b] < x0 || this.xFirst[b] > x1) continue;
      if (this.lo[b] < lo) lo = this.lo[b];
      if (this.hi[b] > hi) hi = this.hi[b];
    }
    return lo <= hi ? [lo, hi] : null;
  }
}

/**
 * Follows one column of a run's history as it grows, feeding its new rows into a Columns summary by round (so that
 * thinning, which rewrites older rows in place, costs nothing); starts over when the history is a new one (a restart)
 * or was cut back (a resumed run).
 */
export class FollowedColumn {
  summary: Columns;
  private source: object | null = null;
  private fedTo = -Infinity;

  constructor(
    private readonly kind: AxisKind,
    private readonly maxBins: number,
  ) {
    this.summary = new Columns(kind, maxBins);
  }

  /** Brings the summary up to the history's last row; `owner` is the history the columns belong to. */
  follow(owner: object, x: ArrayLike<number>, y: ArrayLike<number>): Columns {
    return this.followRows(
      owner,
      x.length,
      (i) => x[i],
      (i) => y[i],
    );
  }

  /** The same for rows read by index (a list of row objects): `n` rows, round and value of row i. */
  followRows(owner: object, n: number, x: (i: number) => number, y: (i: number) => number): Columns {
    if (owner !== this.source || !n || x(n - 1) < this.fedTo) {
      this.summary = new Columns(this.kind, this.maxBins);
      this.source = owner;
      this.fedTo = -Infinity;
    }
    for (let i = firstAboveBy(n, x, this.fedTo); i < n; i++) this.summary.push(x(i), y(i));
    if (n) this.fedTo = x(n - 1);
    return this.summary;
  }
}

/** Index of the first of `n` increasing values x(i) above `v`. */
function firstAboveBy(n: number, x: (i: number) => number, v: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x(mid) <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first entry of an increasing column above `v`. */
export function firstAbove(xs: ArrayLike<number>, v: number): number {
  return firstAboveBy(xs.length, (i) => xs[i], v);
}
