/**
 * Plot 3: the lazy-limit radius R as a function of one setting (p or τ) for each run (the main run and any compared
 * runs, one colour each), its current setting marked, and its measured plateau (THEORY.md H.1) as a square.
 */
import * as d3 from 'd3';

import { frame, line, type Size } from './frame';
import { linearDomain } from './transforms';

export interface RadiusRun {
  label: string;
  radius: number[];
  current: number;
  measured: number | null;
}

export interface RadiusChartData {
  label: string;
  values: number[];
  runs: RadiusRun[];
}

export function drawRadiusChart(svg: SVGSVGElement, d: RadiusChartData, size: Size): void {
  const x = d3.scaleLinear().domain([d.values[0], d.values[d.values.length - 1]]);
  const measured = d.runs.map((r) => r.measured).filter((v): v is number => v !== null && Number.isFinite(v));
  const y = d3.scaleLinear().domain(linearDomain(...d.runs.map((r) => r.radius), measured, [0]));
  const root = frame(svg, size, x, y, d.label, 'R_lazy');
  d3.select(svg).classed('compare', d.runs.length > 1);
  d.runs.forEach((r, i) => {
    const g = root.append('g').attr('class', `run-${i}`);
    g.append('path')
      .attr('class', 'series')
      .attr('d', line(x, y)(d.values.map((v, k) => [v, r.radius[k]])));
    const ci = d.values.indexOf(r.current);
    if (ci >= 0)
      g.append('circle')
        .attr('class', 'current')
        .attr('r', 5)
        .attr('cx', x(r.current))
        .attr('cy', y(r.radius[ci]))
        .append('title')
        .text(`${r.label}: now`);
    if (r.measured !== null && Number.isFinite(r.measured))
      g.append('rect')
        .attr('class', 'measured')
        .attr('width', 8)
        .attr('height', 8)
        .attr('x', x(r.current) - 4)
        .attr('y', y(r.measured) - 4)
        .append('title')
        .text(`${r.label}: measured plateau ${r.measured.toPrecision(3)}`);
  });
}
