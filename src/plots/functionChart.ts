/**
 * What the network computes (THEORY.md I.1). On the circle: f_k(φ) against the angle, the targets as dots, each
 * subnetwork's surrogate in the latest round faint around it (the masks' noise, seen), the lazy-limit mean f̄_k(φ)
 * dashed, and compared runs' functions in their colours. For any data: each training point's output against its
 * target, the subnetworks' faint, converging to the diagonal.
 */
import * as d3 from 'd3';

import type { FunctionSample, PointsSample } from '../core/masked/functionView';
import { frame, line, type Size } from './frame';
import { linearDomain } from './transforms';

const PI_TICKS = [0, Math.PI / 2, Math.PI, (3 * Math.PI) / 2, 2 * Math.PI];
const PI_TEXT = ['0', 'π/2', 'π', '3π/2', '2π'];

export function drawCircleFunction(svg: SVGSVGElement, runs: FunctionSample[], size: Size): void {
  const main = runs[0];
  const all = runs.flatMap((r) => [...r.network, ...r.target, ...(r.predicted ?? [])]);
  const subs = main.subnetworks.flat();
  // The subnetworks' spread can be wide: it widens the axis by at most half again.
  const [lo, hi] = linearDomain(all, [], []);
  const pad = (hi - lo) * 0.5;
  const y = d3.scaleLinear().domain(
    linearDomain(
      all,
      subs.map((v) => Math.max(lo - pad, Math.min(hi + pad, v))),
      [],
    ),
  );
  const x = d3.scaleLinear().domain([0, 2 * Math.PI]);
  const root = frame(svg, size, x, y, 'angle φ', 'f(φ)', { values: PI_TICKS });
  root
    .selectAll('.axis text')
    .filter((_, i) => i < PI_TICKS.length)
    .text((_, i) => PI_TEXT[i]);
  d3.select(svg).classed('compare', runs.length > 1);
  // Closed at 2π: f(2π) = f(0).
  const angles = [...main.angle, 2 * Math.PI];
  const loop = (ys: readonly number[]) => line(x, y)(angles.map((a, j) => [a, j < ys.length ? ys[j] : ys[0]]));
  for (const sub of main.subnetworks) root.append('path').attr('class', 'series run-0 faint').attr('d', loop(sub));
  if (main.predicted)
    root
      .append('path')
      .attr('class', 'predicted run-0')
      .attr('data-series', 'predicted')
      .attr('d', loop(main.predicted));
  runs.forEach((r, i) => {
    root
      .append('path')
      .attr('class', `series run-${i} bold`)
      .attr('data-series', `network-${i}`)
      .attr('d', loop(r.network));
  });
  root
    .append('g')
    .selectAll('circle')
    .data(main.trainAngle.map((a, j) => [a, main.target[j]] as [number, number]))
    .join('circle')
    .attr('class', 'target')
    .attr('r', 3.5)
    .attr('cx', ([a]) => x(a))
    .attr('cy', ([, t]) => y(t));
}

export function drawPredictions(svg: SVGSVGElement, runs: PointsSample[], size: Size): void {
  const main = runs[0];
  const values = runs.flatMap((r) => [...r.network, ...r.target]);
  const dom = linearDomain(values, main.subnetworks.flat(), []);
  const x = d3.scaleLinear().domain(dom);
  const y = d3.scaleLinear().domain(dom);
  const root = frame(svg, size, x, y, 'target y_i', 'output u_i');
  d3.select(svg).classed('compare', runs.length > 1);
  root
    .append('path')
    .attr('class', 'diagonal')
    .attr(
      'd',
      line(
        x,
        y,
      )([
        [dom[0], dom[0]],
        [dom[1], dom[1]],
      ]),
    );
  for (const sub of main.subnetworks)
    for (const [j, u] of sub.entries())
      root
        .append('circle')
        .attr('class', 'point run-point faint')
        .attr('r', 2)
        .attr('cx', x(main.target[j]))
        .attr('cy', y(u));
  runs.forEach((r, i) => {
    const g = root.append('g').attr('class', `run-${i}`).attr('data-series', `network-${i}`);
    for (const [j, u] of r.network.entries())
      g.append('circle').attr('class', 'point run-point').attr('r', 3.5).attr('cx', x(r.target[j])).attr('cy', y(u));
  });
}
