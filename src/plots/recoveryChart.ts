/**
 * The recovery phase transition (Jagatap & Hegde, ISIT 2019 Fig. 1a): the fraction of trials recovered against the
 * number of samples n, one line per method and start, with reference lines (n = dk unknowns, n = dk² the theorem's
 * order with C = 1); a reference beyond the axis is named at the right edge with its value.
 */
import * as d3 from 'd3';

import { boxedLabel, frame, line, type Size } from './frame';

export interface RecoverySeries {
  label: string;
  /** Colour slot (0–3) and dashed stroke. */
  slot: number;
  dashed: boolean;
  points: { n: number; fraction: number; trials: number }[];
}

export interface RecoveryData {
  series: RecoverySeries[];
  references: { n: number; label: string }[];
  nMax: number;
}

export function drawRecoveryChart(svg: SVGSVGElement, d: RecoveryData, size: Size): void {
  const x = d3.scaleLinear().domain([0, d.nMax * 1.05]);
  const y = d3.scaleLinear().domain([0, 1]);
  const root = frame(svg, size, x, y, 'samples n', 'fraction recovered');
  d3.select(svg).classed('compare', true);
  const x1 = x.range()[1];
  d.references.forEach((r, i) => {
    if (r.n <= x.domain()[1]) {
      root
        .append('line')
        .attr('class', 'marker')
        .attr('x1', x(r.n))
        .attr('x2', x(r.n))
        .attr('y1', y(0))
        .attr('y2', y(1));
      // Halfway up, left of its line: the curves are still near 0 there.
      boxedLabel(root, x(r.n) - 4, y(0.6 - 0.09 * i), r.label, 'end');
    } else {
      root
        .append('text')
        .attr('class', 'legend-label')
        .attr('x', x1)
        .attr('y', y(0.04 + 0.08 * i))
        .attr('text-anchor', 'end')
        .text(`${r.label} →`);
    }
  });
  for (const s of d.series) {
    const g = root.append('g').attr('class', `run-${s.slot}`);
    g.append('path')
      .attr('class', s.dashed ? 'series dashed' : 'series')
      .attr('d', line(x, y)(s.points.map((p) => [p.n, p.fraction])));
    for (const p of s.points)
      // The dashed series' points are rings drawn larger, so that a series lying on another stays visible.
      g.append('circle')
        .attr('class', s.dashed ? 'point run-point ring' : 'point run-point')
        .attr('r', s.dashed ? 5.5 : 3.5)
        .attr('cx', x(p.n))
        .attr('cy', y(p.fraction))
        .attr('data-series', s.label)
        .attr('data-n', p.n)
        .attr('data-fraction', p.fraction)
        .append('title')
        .text(`${s.label}, n = ${p.n}: ${Math.round(p.fraction * p.trials)} of ${p.trials} recovered`);
  }
}
