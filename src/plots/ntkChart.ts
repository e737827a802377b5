/**
 * Plot 2: λ_min of the empirical NTK H(W_k) over rounds, each value with its residual bound as a whisker (± the bound:
 * some eigenvalue lies that close, and the value is never below λ_min), λ_0 = λ_min(H^∞) as a line (where H^∞ is the
 * setting's kernel and its spectrum is there), and the subnetworks' normalized λ_min (ξ·λ_min(H^l), comparable with
 * λ_0 since ξ·H^l → H^∞) as a band. The measurements are painted on canvas layers from their column summaries; the axes
 * and λ_0 are SVG.
 */
import * as d3 from 'd3';

import { type Layers, type Paint, paintBand, paintColumns } from './canvas';
import type { Columns } from './columns';
import { frame, type Scale, type Size } from './frame';
import type { Palette } from './palette';
import { linearDomain } from './transforms';

export interface NtkChartData {
  ntkMin: Columns;
  /** ntkMin's residual bound (0 where it is exact), summarized the same way. */
  bound: Columns;
  subMin: Columns;
  subMax: Columns;
  last: number;
  xi: number;
  /** λ_0 = λ_min(H^∞), or null where H^∞ is not the setting's kernel or its spectrum is still being computed. */
  lambda0: number | null;
}

/** Each bin's whisker: its last value ± the largest bound in the bin. */
function whiskers(d: NtkChartData): { x: number; lo: number; hi: number }[] {
  const out: { x: number; lo: number; hi: number }[] = [];
  for (let b = 0; b < d.ntkMin.size; b++) {
    const v = d.ntkMin.yLast[b];
    const e = d.bound.hi[b];
    if (Number.isFinite(v) && e > 0) out.push({ x: d.ntkMin.xLast[b], lo: v - e, hi: v + e });
  }
  return out;
}

export function ntkScales(d: NtkChartData): { x: Scale; y: Scale } {
  const ext = (c: Columns, k = 1) => (c.extent() ?? []).map((v) => k * v);
  const w = whiskers(d).flatMap((q) => [q.lo, q.hi]);
  return {
    x: d3.scaleLinear().domain([0, Math.max(1, d.last)]),
    y: d3
      .scaleLinear()
      .domain(
        linearDomain(
          ext(d.ntkMin),
          w,
          ext(d.subMin, d.xi),
          ext(d.subMax, d.xi),
          d.lambda0 === null ? [0] : [d.lambda0, 0],
        ),
      ),
  };
}

export function paintNtkChart(layers: { under: Paint; data: Paint }, d: NtkChartData, x: Scale, y: Scale, c: Palette) {
  paintBand(layers.under, d.subMin, d.subMax, d.xi, x, y, c.band);
  const w = whiskers(d);
  if (w.length) {
    const p = layers.under;
    p.strokeStyle = c.muted;
    p.lineWidth = 1;
    p.setLineDash([]);
    p.beginPath();
    for (const q of w) {
      p.moveTo(x(q.x), y(q.lo));
      p.lineTo(x(q.x), y(q.hi));
    }
    p.stroke();
  }
  paintColumns(layers.data, d.ntkMin, x, y, { colour: c.accent });
}

export function drawNtkChart(layers: Layers, d: NtkChartData, size: Size, colours: Palette): void {
  const { x, y } = ntkScales(d);
  const root = frame(layers.svg, size, x, y, 'global round k', 'λ_min', { whole: true });
  paintNtkChart(layers, d, x, y, colours);
  const [x0, x1] = x.range();
  if (d.lambda0 !== null)
    root
      .append('line')
      .attr('class', 'radius')
      .attr('x1', x0)
      .attr('x2', x1)
      .attr('y1', y(d.lambda0))
      .attr('y2', y(d.lambda0));
}
