/**
 * The per-round metrics every trainer reports, their history as column arrays, and CSV / JSON text of it.
 * Round 0 is the initialization. NaN marks "not measured this round" (written as an empty CSV cell, JSON null).
 * ntkShift is ‖H(k) − H(0)‖_F/‖H(0)‖_F, measured with the NTK.
 */

export const METRIC_KEYS = ['err', 'surrErr', 'maxMove', 'flipFrac', 'ntkMin', 'subNtkMin', 'subNtkMax', 'ntkShift'] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export type MetricRow = { round: number } & Record<MetricKey, number>;
export type History = { round: number[] } & Record<MetricKey, number[]>;

export function emptyHistory(): History {
  const h = { round: [] as number[] } as History;
  for (const k of METRIC_KEYS) h[k] = [];
  return h;
}

export function pushRow(h: History, row: MetricRow): void {
  h.round.push(row.round);
  for (const k of METRIC_KEYS) h[k].push(row[k]);
}

const cell = (v: number) => (Number.isFinite(v) ? String(v) : '');

export function historyToCsv(h: History): string {
  const lines = [['round', ...METRIC_KEYS].join(',')];
  for (let i = 0; i < h.round.length; i++) lines.push([String(h.round[i]), ...METRIC_KEYS.map((k) => cell(h[k][i]))].join(','));
  return lines.join('\n') + '\n';
}

/** Several runs' metrics in one CSV (a comparison): a `run` number (1 = the main run) and `label` per row. */
export function comparisonToCsv(labels: string[], histories: History[]): string {
  const lines = [['run', 'label', 'round', ...METRIC_KEYS].join(',')];
  histories.forEach((h, r) => {
    const label = `"${labels[r].replace(/"/g, '""')}"`;
    for (let i = 0; i < h.round.length; i++) lines.push([String(r + 1), label, String(h.round[i]), ...METRIC_KEYS.map((k) => cell(h[k][i]))].join(','));
  });
  return lines.join('\n') + '\n';
}

export function historyToJson(h: History): string {
  return JSON.stringify(h, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v));
}

/**
 * The measured plateau: mean of err over the last third of the rounds since round `since`, once at least
 * `minRounds` have passed (else null).
 */
export function plateauSince(h: History, since: number, minRounds = 300): number | null {
  const idx = h.round.findIndex((r) => r >= since);
  if (idx < 0 || h.round.length - idx < minRounds) return null;
  const tail = h.err.slice(h.round.length - Math.floor((h.round.length - idx) / 3));
  return tail.reduce((a, b) => a + b, 0) / tail.length;
}
