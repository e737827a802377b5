/**
 * Plot 2: λ_min of the empirical NTK H(W_k) over rounds, each value with its residual bound as a whisker (± the bound:
 * some eigenvalue lies that close, and the value is never below λ_min), λ_0 = λ_min(H^∞) as a line (where H^∞ is the
 * setting's kernel and its spectrum is there), and the subnetworks' normalized λ_min (ξ·λ_min(H^l), comparable with λ_0
 * since ξ·H^l → H^∞) as a band.
 */
import * as d3 from 'd3';

import { frame, line, type Size } from './frame';
import { linearDomain } from './transforms';

export interface NtkChartData {
  rounds: ArrayLike<number>;
  ntkMin: ArrayLike<number>;
  /** ntkMin's residual bound (0 where it is exact). */
  bound: ArrayLike<number>;
  subMin: ArrayLike<number>;
  subMax: ArrayLike<number>;
  xi: number;
  /** λ_0 = λ_min(H^∞), or null where H^∞ is not the setting's kernel or its spectrum is still being computed. */
  lambda0: number | null;
}

export function drawNtkChart(svg: SVGSVGElement, d: NtkChartData, size: Size): void {
  const at: number[] = [];
  for (let i = 0; i < d.rounds.length; i++) if (Number.isFinite(d.ntkMin[i])) at.push(i);
  const band = at.filter((i) => Number.isFinite(d.subMin[i]));
  const lo = band.map((i) => d.xi * d.subMin[i]);
  const hi = band.map((i) => d.xi * d.subMax[i]);
  const whisker = (i: number, sign: number) => d.ntkMin[i] + sign * (Number.isFinite(d.bound[i]) ? d.bound[i] : 0);
  const last = d.rounds.length ? d.rounds[d.rounds.length - 1] : 1;
  const x = d3.scaleLinear().domain([0, Math.max(1, last)]);
  const y = d3
    .scaleLinear()
    .domain(
      linearDomain(
        [...at.map((i) => whisker(i, -1)), ...at.map((i) => whisker(i, 1))],
        lo,
        hi,
        d.lambda0 === null ? [0] : [d.lambda0, 0],
      ),
    );
  const root = frame(svg, size, x, y, 'global round k', 'λ_min', { whole: true });
  root
    .append('path')
    .attr('class', 'band')
    .attr(
      'd',
      d3
        .area<number>()
        .x((i) => x(d.rounds[band[i]]))
        .y0((i) => y(lo[i]))
        .y1((i) => y(hi[i]))(band.map((_, i) => i)) ?? '',
    );
  const [x0, x1] = x.range();
  if (d.lambda0 !== null)
    root
      .append('line')
      .attr('class', 'radius')
      .attr('x1', x0)
      .attr('x2', x1)
      .attr('y1', y(d.lambda0))
      .attr('y2', y(d.lambda0));
  root
    .append('path')
    .attr('class', 'series')
    .attr('d', line(x, y)(at.map((i) => [d.rounds[i], d.ntkMin[i]])));
  root
    .append('path')
    .attr('class', 'bound')
    .attr(
      'd',
      at
        .filter((i) => whisker(i, 1) > whisker(i, -1))
        .map((i) => `M${x(d.rounds[i])},${y(whisker(i, -1))}V${y(whisker(i, 1))}`)
        .join(''),
    );
}
