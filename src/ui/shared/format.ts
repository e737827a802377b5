/** Numbers as the panels show them: three significant digits, exponents outside [1e−3, 1e5), "…" while unknown. */
export function fmtNum(v: number | null): string {
  if (v === null) return '…';
  if (v === 0) return '0';
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3 ? v.toExponential(2) : v.toPrecision(3);
}
