/**
 * Plot 1: training error ‖y − u_k‖² on a log axis against round, with the lazy-limit predicted mean curve
 * (dashed), the predicted neighbourhood R (shaded band below R), and markers where settings changed.
 */
import * as d3 from 'd3';
import { frame, line, type Size } from './frame';
import { decimate, logDomain } from './transforms';

export interface ErrorChartData {
  rounds: ArrayLike<number>;
  err: ArrayLike<number>;
  /** Predicted E‖y − u_k‖² at `predictedRounds`. */
  predictedRounds: number[];
  predicted: ArrayLike<number>;
  /** R_lazy; 0 for IST at leading order. */
  radius: number;
  markers: { round: number; label: string }[];
}

export function drawErrorChart(svg: SVGSVGElement, d: ErrorChartData, size: Size): void {
  const s = decimate(d.rounds, d.err, Math.max(100, size.width * 2));
  const lastRound = d.rounds.length ? d.rounds[d.rounds.length - 1] : 1;
  const x = d3.scaleLinear().domain([0, Math.max(1, lastRound)]);
  const y = d3.scaleLog().domain(logDomain(s.y, d.predicted, d.radius > 0 ? [d.radius] : [])).clamp(true);
  const root = frame(svg, size, x, y, 'global round k', '‖y − u_k‖²');
  if (d.radius > 0) {
    const [x0, x1] = x.range();
    root.append('rect').attr('class', 'band').attr('x', x0).attr('width', x1 - x0).attr('y', y(d.radius)).attr('height', Math.max(0, y.range()[0] - y(d.radius)));
    root.append('line').attr('class', 'radius').attr('x1', x0).attr('x2', x1).attr('y1', y(d.radius)).attr('y2', y(d.radius));
  }
  for (const mk of d.markers) {
    root.append('line').attr('class', 'marker').attr('x1', x(mk.round)).attr('x2', x(mk.round)).attr('y1', y.range()[0]).attr('y2', y.range()[1])
      .append('title').text(`round ${mk.round}: ${mk.label}`);
  }
  const pts = (xs: ArrayLike<number>, ys: ArrayLike<number>) => Array.from(xs, (v, i) => [v, ys[i]] as [number, number]);
  root.append('path').attr('class', 'predicted').attr('d', line(x, y)(pts(d.predictedRounds, d.predicted)));
  root.append('path').attr('class', 'series').attr('d', line(x, y)(pts(s.x, s.y)));
}
