/**
 * Long sessions in bounded memory: a metric history keeps every round of its recent window and, before it, a thinned
 * history — each bucket of older rows keeps the rows with its lowest and highest error, so the plotted curve's
 * extremes stay where they were. Round 0 is always kept. Thinning again halves the older part again, so an hour at
 * full speed stays at about `limit` rows.
 */
import { type History, METRIC_KEYS } from './metrics';

export interface ThinningRule {
  /** Rows held at most before thinning. */
  limit: number;
  /** The latest rows always kept, every one. */
  recent: number;
}

/** The app's rule: 100,000 rows, the latest 25,000 of them every round. */
export const HISTORY_RULE: ThinningRule = { limit: 100_000, recent: 25_000 };

/** Thins `h` in place when it holds more than `rule.limit` rows; returns whether it did. */
export function thinHistory(h: History, rule: ThinningRule = HISTORY_RULE): boolean {
  const n = h.round.length;
  if (n <= rule.limit) return false;
  const cut = n - rule.recent;
  const keep: number[] = [0];
  for (let lo = 1; lo < cut; lo += 4) {
    const hi = Math.min(cut, lo + 4);
    let iMin = lo;
    let iMax = lo;
    for (let i = lo; i < hi; i++) {
      if (!(h.err[i] >= h.err[iMin])) iMin = i;
      if (!(h.err[i] <= h.err[iMax])) iMax = i;
    }
    keep.push(...(iMin === iMax ? [iMin] : [Math.min(iMin, iMax), Math.max(iMin, iMax)]));
  }
  for (let i = cut; i < n; i++) keep.push(i);
  for (const col of ['round', ...METRIC_KEYS] as const) {
    const src = h[col];
    for (let j = 0; j < keep.length; j++) src[j] = src[keep[j]];
    src.length = keep.length;
  }
  return true;
}

/** The rounds a history holds, in words, for an export: every round, or every round from some round on. */
export function heldRounds(h: History): string {
  const n = h.round.length;
  if (!n) return 'no rounds';
  const last = h.round[n - 1];
  if (last - h.round[0] + 1 === n) return `every round from ${h.round[0]} to ${last}`;
  // The recent window starts where consecutive rounds begin at the end.
  let i = n - 1;
  while (i > 0 && h.round[i - 1] === h.round[i] - 1) i--;
  return `every round from ${h.round[i]} to ${last}; before round ${h.round[i]}, ${i} of ${h.round[i]} rounds (thinned, each bucket's lowest and highest error kept)`;
}

/** Thins a list of per-round rows (the modes' measurements) the same way: row 0, every other older row, all recent rows. */
export function thinRows<T>(rows: T[], rule: ThinningRule): boolean {
  if (rows.length <= rule.limit) return false;
  const cut = rows.length - rule.recent;
  let j = 1;
  for (let i = 1; i < cut; i += 2) rows[j++] = rows[i];
  for (let i = cut; i < rows.length; i++) rows[j++] = rows[i];
  rows.length = j;
  return true;
}

/** The modes' rule: their rows hold more numbers each, so fewer of them. */
export const MODE_RULE: ThinningRule = { limit: 40_000, recent: 10_000 };
