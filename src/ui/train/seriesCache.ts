/**
 * The training charts' column summaries (plots/columns.ts), one per run, metric and axis, followed as the histories
 * grow: a frame reads only the rows that arrived since the last one. A window that shows a small part of the run is
 * summarized from its own rows (at most the window's length of them).
 */
import type { History } from '../../core/masked/metrics';
import { type AxisKind, Columns, firstAbove, FollowedColumn } from '../../plots/columns';

/** Bins per pixel column of the plot. */
const PER_PIXEL = 2;

export type SeriesKey = 'err' | 'surrErr' | 'radiusNow' | 'ntkMin' | 'ntkMinBound' | 'subNtkMin' | 'subNtkMax';

export class SeriesCache {
  private readonly followed = new Map<string, FollowedColumn>();

  /** Run `run`'s `key` from round `first` to the last, for a plot `width` pixels wide on a `kind` round axis. */
  columns(h: History, key: SeriesKey, run: number, kind: AxisKind, width: number, first = 0): Columns {
    const bins = Math.max(64, Math.round(PER_PIXEL * width));
    const n = h.round.length;
    const whole = n ? h.round[n - 1] - h.round[0] : 0;
    const last = n ? h.round[n - 1] : 0;
    if (first > 0 && 4 * (last - first) < whole)
      return Columns.of(kind, bins, h.round, h[key], firstAbove(h.round, first - 1));
    const id = `${run}|${key}|${kind}|${bins}`;
    let f = this.followed.get(id);
    if (!f) this.followed.set(id, (f = new FollowedColumn(kind, bins)));
    return f.follow(h, h.round, h[key]);
  }
}
