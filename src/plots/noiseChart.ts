/**
 * Gaussian input masks, seen (THEORY.md J.1). The smoothed ReLU at the run's spread s: σ(z) thin, the exact σ̃(z, s)
 * bold, the paper's proxy zΦ(z/s) dashed, and a Monte Carlo of real masks as points with ±2 standard-error whiskers. On
 * circle data: the network's clean function f(φ) against its smoothed one E_c f(φ), the targets as dots.
 */
import * as d3 from 'd3';

import type { NoiseSample } from '../core/masked/noiseView';
import { frame, line, type Size } from './frame';
import { linearDomain } from './transforms';

export function drawSmoothedRelu(svg: SVGSVGElement, s: NoiseSample, size: Size): void {
  const x = d3.scaleLinear().domain([s.z[0], s.z[s.z.length - 1]]);
  const y = d3.scaleLinear().domain(linearDomain(s.relu, s.smoothed, s.mc));
  const root = frame(svg, size, x, y, 'pre-activation z = ⟨w, x⟩', 'E_c σ');
  const curve = (ys: number[]) => line(x, y)(s.z.map((z, j) => [z, ys[j]]));
  root.append('path').attr('class', 'relu-curve').attr('data-series', 'relu').attr('d', curve(s.relu));
  root.append('path').attr('class', 'predicted').attr('data-series', 'proxy').attr('d', curve(s.proxy));
  root.append('path').attr('class', 'series bold').attr('data-series', 'smoothed').attr('d', curve(s.smoothed));
  const g = root.append('g').attr('data-series', 'monte-carlo');
  s.mcZ.forEach((z, j) => {
    const [cx, lo, hi] = [x(z), y(s.mc[j] - 2 * s.mcSe[j]), y(s.mc[j] + 2 * s.mcSe[j])];
    g.append('line').attr('class', 'whisker').attr('x1', cx).attr('x2', cx).attr('y1', lo).attr('y2', hi);
    g.append('circle')
      .attr('class', 'target')
      .attr('r', 3)
      .attr('cx', cx)
      .attr('cy', y(s.mc[j]))
      .append('title')
      .text(`z = ${d3.format('.3~g')(z)}: Monte Carlo ${d3.format('.4~g')(s.mc[j])} ± ${d3.format('.2~g')(s.mcSe[j])}`);
  });
}

const PI_TICKS = [0, Math.PI / 2, Math.PI, (3 * Math.PI) / 2, 2 * Math.PI];
const PI_TEXT = ['0', 'π/2', 'π', '3π/2', '2π'];

export function drawSmoothedCircle(
  svg: SVGSVGElement,
  circle: NonNullable<NoiseSample['circle']>,
  targets: { angle: number[]; y: number[] },
  size: Size,
): void {
  const x = d3.scaleLinear().domain([0, 2 * Math.PI]);
  const y = d3.scaleLinear().domain(linearDomain(circle.clean, circle.smoothed, targets.y));
  const root = frame(svg, size, x, y, 'angle φ', 'f(φ)', { values: PI_TICKS });
  root
    .selectAll('.axis text')
    .filter((_, i) => i < PI_TICKS.length)
    .text((_, i) => PI_TEXT[i]);
  const angles = [...circle.angle, 2 * Math.PI];
  const loop = (ys: readonly number[]) => line(x, y)(angles.map((a, j) => [a, j < ys.length ? ys[j] : ys[0]]));
  root.append('path').attr('class', 'predicted').attr('data-series', 'smoothed').attr('d', loop(circle.smoothed));
  root.append('path').attr('class', 'series bold').attr('data-series', 'clean').attr('d', loop(circle.clean));
  root
    .append('g')
    .selectAll('circle')
    .data(targets.angle.map((a, j) => [a, targets.y[j]] as [number, number]))
    .join('circle')
    .attr('class', 'target')
    .attr('r', 3.5)
    .attr('cx', ([a]) => x(a))
    .attr('cy', ([, v]) => y(v));
}
