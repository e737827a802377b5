/**
 * Sweep plot over one key (width m or τ): the converged error of each cell on log–log axes, unsettled cells
 * hollow, and R_lazy at each value dashed for comparison.
 */
import * as d3 from 'd3';

import { frame, line, type Size } from './frame';
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
}

export function drawSweepLine(svg: SVGSVGElement, d: SweepLineData, size: Size): void {
  const xs = d.points.map((p) => p.value).filter((v) => v > 0);
  const xDomain: [number, number] = xs.length ? [Math.min(...xs), Math.max(...xs)] : [1, 10];
  if (xDomain[0] === xDomain[1]) xDomain[1] = xDomain[0] * 2;
  const x = d3.scaleLog().domain(xDomain);
  const done = d.points.filter((p): p is SweepPoint & { converged: number } => p.converged !== null);
  const radii = d.showRadius
    ? d.points.filter((p): p is SweepPoint & { radius: number } => p.radius !== null && p.radius > 0)
    : [];
  const y = d3
    .scaleLog()
    .domain(
      logDomain(
        done.map((p) => p.converged),
        radii.map((p) => p.radius),
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
