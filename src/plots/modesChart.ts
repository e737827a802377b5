/**
 * The error direction by direction (THEORY.md I.3). Over rounds: the measured (v_i·e_k)² of each followed direction
 * (solid, painted on canvas from its column summary) against its prediction (dashed), coloured by λ_i (dark: slow). At the current round: one bar per direction
 * — the prediction's mean part and floor part stacked, the measurement as a tick — with each direction's milestone,
 * and on circle data each eigenvector drawn as a small curve above its bar (slow directions are high frequencies).
 */
import * as d3 from 'd3';

import type { ModeTheory } from '../core/masked/modes';
import { milestone, predictedMode } from '../core/masked/modes';
import { type Layers, type Paint, paintColumns, paintLine } from './canvas';
import type { Columns } from './columns';
import { frame, MARGIN, type Scale, type Size } from './frame';
import { logDomain } from './transforms';

/** Dark for the slowest direction, light for the fastest. */
export const shade = (j: number, count: number) => d3.interpolateViridis(count > 1 ? (0.85 * j) / (count - 1) : 0);

export interface ModeCurvesData {
  theory: ModeTheory;
  /** Each followed direction's measured (v_i·e_k)², summarized. */
  measured: Columns[];
  last: number;
  predictedRounds: number[];
}

/** The predicted mean plus floor of each direction at the predicted rounds. */
function predictions(d: ModeCurvesData): number[][] {
  return d.measured.map((_, j) =>
    d.predictedRounds.map((k) => {
      const q = predictedMode(d.theory, j, k);
      return q.mean + q.floor;
    }),
  );
}

export function modeScales(
  d: ModeCurvesData,
  predicted: number[][],
): { x: Scale; y: d3.ScaleLogarithmic<number, number> } {
  const ys = d.measured.flatMap((c) => c.extent() ?? []).filter((v) => v > 0);
  return {
    x: d3.scaleLinear().domain([0, Math.max(1, d.last)]),
    y: d3
      .scaleLog()
      .domain(logDomain(ys, ys.length ? predicted.flat() : []))
      .clamp(true),
  };
}

/** Slow directions last, so that the rate-setting one lies on top. */
export function paintModeCurves(
  layers: { under: Paint; data: Paint },
  d: ModeCurvesData,
  predicted: number[][],
  x: Scale,
  y: Scale,
): void {
  const K = d.measured.length;
  for (let j = K - 1; j >= 0; j--) {
    const colour = shade(j, K);
    paintLine(layers.under, d.predictedRounds, predicted[j], x, y, { colour, width: 1, dash: [4, 3] });
    paintColumns(layers.data, d.measured[j], x, y, { colour });
  }
}

export function drawModeCurves(layers: Layers, d: ModeCurvesData, size: Size): void {
  const predicted = predictions(d);
  const { x, y } = modeScales(d, predicted);
  frame(layers.svg, size, x, y, 'global round k', '(v_i·e_k)²', { whole: true });
  paintModeCurves(layers, d, predicted, x, y);
}

export function drawModeBars(
  svg: SVGSVGElement,
  d: {
    theory: ModeTheory;
    round: number;
    measured: ArrayLike<number> | null;
    vectors: Float64Array[] | null;
    angles: number[] | null;
  },
  size: Size,
): void {
  const K = d.theory.lambda.length;
  const parts = Array.from({ length: K }, (_, j) => predictedMode(d.theory, j, d.round));
  const spark = Boolean(d.vectors && d.angles);
  const values = [...parts.flatMap((q) => [q.mean + q.floor, q.floor]), ...Array.from(d.measured ?? [])].filter(
    (v) => v > 0,
  );
  const x = d3.scaleBand<number>().domain(d3.range(K)).padding(0.15);
  const [lo, hi] = logDomain(values, [], []);
  // Room above the bars for each direction's eigenvector (two decades on the log axis).
  const y = d3
    .scaleLog()
    .domain([lo, spark ? hi * 100 : hi])
    .clamp(true);
  const root = frame(
    svg,
    { width: size.width, height: size.height },
    d3.scaleLinear().domain([0, 1]),
    y,
    'direction i (λ_i ascending: slow → fast)',
    '(v_i·e_k)²',
    {
      values: [],
    },
  );
  x.range([MARGIN.left, size.width - MARGIN.right]);
  const [y0] = y.range();
  const sparkTop = MARGIN.top + 2;
  const sparkBottom = y(hi) - 6;
  const bottomOf = (v: number) => (v > 0 ? y(v) : y0);
  for (let j = 0; j < K; j++) {
    const bx = x(j) ?? 0;
    const bw = x.bandwidth();
    const { mean, floor } = parts[j];
    const g = root.append('g').attr('class', 'mode-bar').attr('data-mode', j);
    // Floor part at the bottom, the mean part stacked on it.
    g.append('rect')
      .attr('class', 'mode-floor')
      .attr('x', bx)
      .attr('width', bw)
      .attr('y', bottomOf(floor))
      .attr('height', y0 - bottomOf(floor));
    g.append('rect')
      .attr('class', 'mode-mean')
      .attr('x', bx)
      .attr('width', bw)
      .attr('y', bottomOf(mean + floor))
      .attr('height', Math.max(0, bottomOf(floor) - bottomOf(mean + floor)));
    const meas = d.measured?.[j];
    if (meas !== undefined && meas > 0)
      g.append('line')
        .attr('class', 'mode-tick')
        .attr('x1', bx - 2)
        .attr('x2', bx + bw + 2)
        .attr('y1', y(meas))
        .attr('y2', y(meas));
    const k = milestone(d.theory, j);
    g.append('title').text(
      `direction ${j + 1}: λ = ${d3.format('.3~g')(d.theory.lambda[j])}; predicted ${d3.format('.3~g')(mean + floor)} (floor ${d3.format('.3~g')(d.theory.floor[j])})` +
        (meas !== undefined ? `; measured ${d3.format('.3~g')(meas)}` : '') +
        (k !== null ? `; milestone at round ${k}` : ''),
    );
    if (k !== null && bw >= 14)
      g.append('text')
        .attr('class', 'legend-label milestone')
        .attr('x', bx + bw / 2)
        .attr('y', y0 - 3)
        .attr('text-anchor', 'middle')
        .text(k >= 1000 ? d3.format('.2s')(k) : String(k));
    if (d.vectors && d.angles) {
      const v = d.vectors[j];
      const order = d3.range(v.length).sort((a, b) => (d.angles as number[])[a] - (d.angles as number[])[b]);
      const sx = d3
        .scaleLinear()
        .domain([0, 2 * Math.PI])
        .range([bx, bx + bw]);
      const peak = Math.max(...Array.from(v, Math.abs), 1e-12);
      const sy = d3.scaleLinear().domain([-peak, peak]).range([sparkBottom, sparkTop]);
      g.append('path')
        .attr('class', 'mode-vector')
        .attr(
          'd',
          d3
            .line<number>()
            .x((i) => sx((d.angles as number[])[i]))
            .y((i) => sy(v[i]))(order) ?? '',
        );
    }
  }
}
