/**
 * Plot 3: the lazy-limit radius R as a function of one setting (p or τ), the current setting marked, and the
 * measured plateau of the current run as a point when there is one.
 */
import * as d3 from 'd3';
import { frame, line, type Size } from './frame';
import { linearDomain } from './transforms';

export interface RadiusChartData {
  label: string;
  values: number[];
  radius: number[];
  current: number;
  measured: number | null;
}

export function drawRadiusChart(svg: SVGSVGElement, d: RadiusChartData, size: Size): void {
  const x = d3.scaleLinear().domain([d.values[0], d.values[d.values.length - 1]]);
  const y = d3.scaleLinear().domain(linearDomain(d.radius, d.measured !== null ? [d.measured] : [], [0]));
  const root = frame(svg, size, x, y, d.label, 'R_lazy');
  root.append('path').attr('class', 'series').attr('d', line(x, y)(d.values.map((v, i) => [v, d.radius[i]])));
  const ci = d.values.indexOf(d.current);
  if (ci >= 0) root.append('circle').attr('class', 'current').attr('r', 5).attr('cx', x(d.current)).attr('cy', y(d.radius[ci]));
  if (d.measured !== null && Number.isFinite(d.measured))
    root.append('rect').attr('class', 'measured').attr('width', 8).attr('height', 8).attr('x', x(d.current) - 4).attr('y', y(d.measured) - 4)
      .append('title').text(`measured plateau ${d.measured.toPrecision(3)}`);
}
