/**
 * The per-round metrics every trainer reports, their history as column arrays, and CSV / JSON text of it.
 * Round 0 is the initialization. NaN marks "not measured this round" (written as an empty CSV cell, JSON null).
 * Measured with the NTK: ntkMinBound is ntkMin's residual bound (some eigenvalue lies within it, and ntkMin ≥ λ_min; 0
 * where λ_min comes from the full decomposition, up to n = 64; above, from Lanczos), subNtkBound the widest of the
 * subnetworks' (of subNtkMin and subNtkMax); ntkShift = ‖H(k) − H(0)‖_F/‖H(0)‖_F; radiusNow = R_now (THEORY.md H.2, the R_lazy formula on the
 * current conjugate kernel K_σ(W_k)) and kSigmaRatio = tr K_σ(W_k)/tr K_σ(W_0), in the lazy setting.
 */

export const METRIC_KEYS = [
  'err',
  'surrErr',
  'maxMove',
  'flipFrac',
  'ntkMin',
  'ntkMinBound',
  'subNtkMin',
  'subNtkMax',
  'subNtkBound',
  'ntkShift',
  'radiusNow',
  'kSigmaRatio',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export type MetricRow = { round: number } & Record<MetricKey, number>;
export type History = { round: number[] } & Record<MetricKey, number[]>;

/** A row with nothing measured yet (every metric NaN). */
export function blankRow(round: number): MetricRow {
  const row = { round } as MetricRow;
  for (const k of METRIC_KEYS) row[k] = NaN;
  return row;
}

export function emptyHistory(): History {
  const h = { round: [] as number[] } as History;
  for (const k of METRIC_KEYS) h[k] = [];
  return h;
}

export function pushRow(h: History, row: MetricRow): void {
  h.round.push(row.round);
  for (const k of METRIC_KEYS) h[k].push(row[k]);
}

/** Drops every row after round `last` (a resumed run computes them again). */
export function keepUpTo(h: History, last: number): void {
  let n = h.round.length;
  while (n > 0 && h.round[n - 1] > last) n--;
  for (const col of ['round', ...METRIC_KEYS] as const) h[col].length = n;
}

const cell = (v: number) => (Number.isFinite(v) ? String(v) : '');

/** More columns beside the metrics (the modes' (v_i·e_k)²), one value per round of the history. */
export interface ExtraColumn {
  name: string;
  values: ArrayLike<number>;
}

export function historyToCsv(h: History, extra: readonly ExtraColumn[] = []): string {
  const lines = [['round', ...METRIC_KEYS, ...extra.map((c) => c.name)].join(',')];
  for (let i = 0; i < h.round.length; i++)
    lines.push(
      [String(h.round[i]), ...METRIC_KEYS.map((k) => cell(h[k][i])), ...extra.map((c) => cell(c.values[i]))].join(','),
    );
  return lines.join('\n') + '\n';
}

/** Several runs' metrics in one CSV (a comparison): a `run` number (1 = the main run) and `label` per row. */
export function comparisonToCsv(labels: string[], histories: History[]): string {
  const lines = [['run', 'label', 'round', ...METRIC_KEYS].join(',')];
  histories.forEach((h, r) => {
    const label = `"${labels[r].replace(/"/g, '""')}"`;
    for (let i = 0; i < h.round.length; i++)
      lines.push([String(r + 1), label, String(h.round[i]), ...METRIC_KEYS.map((k) => cell(h[k][i]))].join(','));
  });
  return lines.join('\n') + '\n';
}

/** The history as JSON; `held`, when given, says which rounds it holds (a long session's is thinned). */
export function historyToJson(h: History, extra: readonly ExtraColumn[] = [], held?: string): string {
  const out: Record<string, ArrayLike<number> | string> = held ? { held, ...h } : { ...h };
  for (const c of extra) out[c.name] = Array.from(c.values);
  return JSON.stringify(out, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v));
}

/** A run is diverging when its error is not finite or has grown this many times over its start. */
export const DIVERGENCE_FACTOR = 100;

/** The first row of a diverging run, or undefined. */
export function divergingRow(rows: readonly MetricRow[], err0: number): MetricRow | undefined {
  return rows.find((r) => !Number.isFinite(r.err) || r.err > DIVERGENCE_FACTOR * err0);
}

/** The latest finite value of a metric column (the latest round that measured it), or null. */
export function latestFinite(column: readonly number[]): number | null {
  for (let i = column.length - 1; i >= 0; i--) if (Number.isFinite(column[i])) return column[i];
  return null;
}

/** The latest finite value of a column measured at a round after `after` (rounds in `rounds`), or null. */
export function latestAfter(column: readonly number[], rounds: readonly number[], after: number): number | null {
  for (let i = column.length - 1; i >= 0 && rounds[i] > after; i--) if (Number.isFinite(column[i])) return column[i];
  return null;
}

/** The standard deviation of the last `count` finite values measured after round `after` (0 with fewer than two). */
export function spreadAfter(
  column: readonly number[],
  rounds: readonly number[],
  after: number,
  count: number,
): number {
  const v: number[] = [];
  for (let i = column.length - 1; i >= 0 && rounds[i] > after && v.length < count; i--)
    if (Number.isFinite(column[i])) v.push(column[i]);
  if (v.length < 2) return 0;
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  return Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1));
}
