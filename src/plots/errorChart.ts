/**
 * Plot 1: training error ‖y − u_k‖² on a log axis against round, with the lazy-limit predicted mean curve
 * (dashed), the predicted neighbourhood R (shaded band below R), and markers where settings changed. Compared
 * runs are overlaid, one colour each (curve, prediction and band), with a legend.
 */
import * as d3 from 'd3';
import { frame, line, MARGIN, type Size } from './frame';
import { decimate, logDomain } from './transforms';

export interface ErrorRun {
  label: string;
  rounds: ArrayLike<number>;
  err: ArrayLike<number>;
  /** Predicted E‖y − u_k‖² at the chart's `predictedRounds`. */
  predicted: ArrayLike<number>;
  /** R_lazy; 0 for IST at leading order. */
  radius: number;
}

export interface ErrorChartData {
  /** The main run first; more than one: a comparison. */
  runs: ErrorRun[];
  predictedRounds: number[];
  markers: { round: number; label: string }[];
}

const LEGEND_ROW = 15;
/** Width of one character of an 11px legend label, roughly. */
const LEGEND_CHAR = 6.2;

export function drawErrorChart(svg: SVGSVGElement, d: ErrorChartData, size: Size): void {
  const shown = d.runs.map((r) => ({ ...r, s: decimate(r.rounds, r.err, Math.max(100, size.width * 2)) }));
  const lastRound = Math.max(1, ...d.runs.map((r) => (r.rounds.length ? r.rounds[r.rounds.length - 1] : 1)));
  const x = d3.scaleLinear().domain([0, lastRound]);
  const ys = shown.flatMap((r) => Array.from(r.s.y));
  const extra = shown.flatMap((r) => [...Array.from(r.predicted), ...(r.radius > 0 ? [r.radius] : [])]);
  const y = d3.scaleLog().domain(logDomain(ys, extra, [])).clamp(true);
  const root = frame(svg, size, x, y, 'global round k', '‖y − u_k‖²');
  d3.select(svg).classed('compare', d.runs.length > 1);
  const [x0, x1] = x.range();
  const pts = (xs: ArrayLike<number>, vs: ArrayLike<number>) => Array.from(xs, (v, i) => [v, vs[i]] as [number, number]);
  shown.forEach((r, i) => {
    if (r.radius <= 0) return;
    root.append('rect').attr('class', `band run-${i}`).attr('x', x0).attr('width', x1 - x0).attr('y', y(r.radius)).attr('height', Math.max(0, y.range()[0] - y(r.radius)));
    root.append('line').attr('class', `radius run-${i}`).attr('x1', x0).attr('x2', x1).attr('y1', y(r.radius)).attr('y2', y(r.radius));
  });
  for (const mk of d.markers) {
    root.append('line').attr('class', 'marker').attr('x1', x(mk.round)).attr('x2', x(mk.round)).attr('y1', y.range()[0]).attr('y2', y.range()[1])
      .append('title').text(`round ${mk.round}: ${mk.label}`);
  }
  shown.forEach((r, i) => {
    root.append('path').attr('class', `predicted run-${i}`).attr('d', line(x, y)(pts(d.predictedRounds, r.predicted)));
    root.append('path').attr('class', `series run-${i}`).attr('d', line(x, y)(pts(r.s.x, r.s.y)));
  });
  if (d.runs.length > 1) {
    const width = 24 + LEGEND_CHAR * Math.max(...d.runs.map((r) => r.label.length));
    const legend = root.append('g').attr('class', 'legend').attr('transform', `translate(${Math.max(x0 + 4, x1 - width)},${MARGIN.top + 4})`);
    shown.forEach((r, i) => {
      const row = legend.append('g').attr('transform', `translate(0,${i * LEGEND_ROW})`);
      row.append('line').attr('class', `series run-${i}`).attr('x1', 0).attr('x2', 16).attr('y1', 0).attr('y2', 0);
      row.append('text').attr('class', 'legend-label').attr('x', 20).attr('dy', '0.32em').text(r.label);
    });
  }
}
