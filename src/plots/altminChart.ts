/**
 * One method's run on the planted teacher: ‖W^t − W*‖ (relative) and the loss on a log axis against the
 * iteration, with the fitted linear rate as a dotted line over the iterations it used. A straight line is linear
 * convergence. Charts drawn side by side share their y-domain (given), so AltMin and GD compare at a glance. The
 * legend is the page's (ui/altmin/AltMinPlots.tsx).
 */
import * as d3 from 'd3';

import { frame, line, type Size } from './frame';

export interface AltMinChartData {
  dist: readonly number[];
  loss: readonly number[];
  rate: { rho: number; from: number; to: number } | null;
  yDomain: [number, number];
}

const pts = (ys: readonly number[]) => ys.map((v, t) => [t, v] as [number, number]);

export function drawAltMinChart(svg: SVGSVGElement, d: AltMinChartData, size: Size): void {
  const x = d3.scaleLinear().domain([0, Math.max(1, d.dist.length - 1)]);
  const y = d3.scaleLog().domain(d.yDomain).clamp(true);
  const root = frame(svg, size, x, y, 'iteration t', '‖W − W*‖ (relative) and loss', { whole: true });
  d3.select(svg).classed('compare', true);
  root
    .append('path')
    .attr('class', 'series run-1 loss')
    .attr('d', line(x, y)(pts(d.loss)));
  root
    .append('path')
    .attr('class', 'series run-0')
    .attr('data-series', 'dist')
    .attr('d', line(x, y)(pts(d.dist)));
  if (d.rate) {
    const { rho, from, to } = d.rate;
    const at = (t: number) => d.dist[from] * rho ** (t - from);
    root
      .append('path')
      .attr('class', 'fit')
      .attr(
        'd',
        line(
          x,
          y,
        )([
          [from, at(from)],
          [to, at(to)],
        ]),
      );
  }
}
