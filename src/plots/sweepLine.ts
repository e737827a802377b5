/**
 * Sweep plot over one key (width m, τ or the input noise ν): the converged error of each cell on log–log axes,
 * unsettled cells hollow, and R_lazy at each value dashed for comparison; with a fit, its line and slope with the 95 %
 * interval, and guide lines of given slopes through the same centre (the floor against ν: slopes 1 and 2).
 */
import * as d3 from 'd3';

import type { LineFit } from '../core/math/fit';
import { boxedLabel, frame, line, MARGIN, type Size } from './frame';
import { logDomain } from './transforms';

export interface SweepPoint {
  value: number;
  converged: number | null;
  settled: boolean;
  radius: number | null;
}

export interface SweepLineData {
  label: string;
  points: SweepPoint[];
  showRadius: boolean;
  /** The fitted log–log line (natural logs), and the slopes of the guide lines drawn through its centre. */
  fit?: LineFit | null;
  guides?: number[];
}

export function drawSweepLine(svg: SVGSVGElement, d: SweepLineData, size: Size): void {
  const xs = d.points.map((p) => p.value).filter((v) => v > 0);
  const xDomain: [number, number] = xs.length ? [Math.min(...xs), Math.max(...xs)] : [1, 10];
  if (xDomain[0] === xDomain[1]) xDomain[1] = xDomain[0] * 2;
  const x = d3.scaleLog().domain(xDomain);
  // A log axis has no place for a value of 0 (ν = 0, gradient descent): such a cell is left off the line.
  const done = d.points.filter((p): p is SweepPoint & { converged: number } => p.converged !== null && p.value > 0);
  const radii = d.showRadius
    ? d.points.filter((p): p is SweepPoint & { radius: number } => p.radius !== null && p.radius > 0)
    : [];
  const lines = d.fit ? fitLines(d.fit, d.guides ?? [], xDomain) : [];
  const y = d3
    .scaleLog()
    .domain(
      logDomain(
        done.map((p) => p.converged),
        radii.map((p) => p.radius),
        lines.flatMap((l) => l.points.map((p) => p[1])),
      ),
    )
    .clamp(true);
  const root = frame(svg, size, x, y, d.label, 'converged ‖y − u‖²');
  if (radii.length)
    root
      .append('path')
      .attr('class', 'predicted')
      .attr('d', line(x, y)(radii.map((p) => [p.value, p.radius])));
  root
    .append('path')
    .attr('class', 'series')
    .attr('d', line(x, y)(done.map((p) => [p.value, p.converged])));
  for (const l of lines) {
    const path = root
      .append('path')
      .attr('class', l.slope === null ? 'fit-line' : 'guide-line')
      .attr('d', line(x, y)(l.points));
    if (l.slope !== null) {
      path.attr('data-slope', String(l.slope));
      const [vx, vy] = l.points[1];
      root
        .append('text')
        .attr('class', 'legend-label')
        .attr('x', x(vx) - 4)
        .attr('y', y(vy) - 4)
        .attr('text-anchor', 'end')
        .text(`slope ${l.slope}`);
    }
  }
  if (d.fit)
    boxedLabel(
      root,
      MARGIN.left + 6,
      MARGIN.top + 12,
      `fitted slope ${d.fit.slope.toFixed(2)}, 95 % interval ${d.fit.lo.toFixed(2)} to ${d.fit.hi.toFixed(2)} (${d.fit.points} cells)`,
    )
      .attr('data-testid', 'sweep-slope')
      .attr('data-slope', String(d.fit.slope));
  for (const p of done) {
    root
      .append('circle')
      .attr('class', p.settled ? 'point' : 'point unsettled')
      .attr('r', 4)
      .attr('cx', x(p.value))
      .attr('cy', y(Number.isFinite(p.converged) ? p.converged : y.domain()[1]))
      .attr('data-cell', `${d.label}=${p.value}`)
      .attr('data-converged', String(p.converged))
      .append('title')
      .text(
        `${d.label} = ${p.value}: converged error ${d3.format('.3~g')(p.converged)}${p.settled ? '' : ' (not settled)'}${p.radius !== null ? `; R_lazy ${d3.format('.3~g')(p.radius)}` : ''}`,
      );
  }
}

/**
 * The fitted line over the swept range (slope null), and guides of the given slopes through its centre — the point of
 * the fit at the geometric middle of the range — each as its two end points.
 */
function fitLines(
  fit: LineFit,
  guides: number[],
  [lo, hi]: [number, number],
): { slope: number | null; points: [number, number][] }[] {
  const through = (slope: number, at: number) =>
    [lo, hi].map((v) => [v, Math.exp(at + slope * Math.log(v))] as [number, number]);
  const centre = Math.log(Math.sqrt(lo * hi));
  const mid = fit.intercept + fit.slope * centre;
  return [
    { slope: null, points: through(fit.slope, fit.intercept) },
    ...guides.map((k) => ({ slope: k, points: through(k, mid - k * centre) })),
  ];
}
