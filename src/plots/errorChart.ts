/**
 * Plot 1: training error ‖y − u_k‖² on a log axis against round, with the lazy-limit predicted mean curve (dashed),
 * the neighbourhood as a band — R_now, from the current conjugate kernel, where it is measured (it moves: THEORY.md
 * H.2), else R_lazy — with R_lazy, the initialization's value, as a dashed line; the paper's own guarantee (dotted,
 * where it lies inside the plot); the loss the step descends, faint, where it is not the clean error (input masks, split
 * data); and markers where settings changed. Compared runs are overlaid, one colour each.
 * The measured curves and the bands are painted on canvas layers from their column summaries (plots/columns.ts);
 * axes, markers and the guarantee are SVG. The legend is the page's, beside the chart (ui/train/Plots.tsx).
 */
import * as d3 from 'd3';

import { type Layers, type Paint, paintColumns, paintLine, paintRect, paintStepsArea } from './canvas';
import type { Columns } from './columns';
import { frame, type Scale, type Size } from './frame';
import type { Palette } from './palette';
import { honestPrediction, logDomain } from './transforms';

export interface ErrorRun {
  /** The measured error over the shown rounds, summarized. */
  err: Columns;
  /** The loss the round's step descends (masked inputs, a worker's share of the data), summarized: drawn faint. */
  masked?: Columns;
  /** R_now where measured, summarized (absent: the band is R_lazy). */
  radiusNow?: Columns;
  /** Predicted E‖y − u_k‖² at the chart's `predictedRounds`. */
  predicted: ArrayLike<number>;
  /** R_lazy; 0 for IST at leading order. */
  radius: number;
  /** The paper's bound rate^k·e0 + B1 (main run), with its name. */
  guarantee?: { rate: number; B1: number; e0: number; label: string } | null;
  /**
   * Where the prediction has no neighbourhood (GD; IST at leading order) its curve stops at the engine's rounding
   * level, float32's about 1e−13·‖y‖²: below that the measured error is arithmetic, not a neighbourhood.
   */
  floor?: number;
}

export interface ErrorChartData {
  /** The main run first; more than one: a comparison. */
  runs: ErrorRun[];
  /** The shown rounds (predictions may be sampled beyond `last`: only those up to it are drawn). */
  first: number;
  last: number;
  predictedRounds: number[];
  markers: { round: number; label: string }[];
  /** The round axis: linear, or log (symmetric log, so that round 0 has a place). */
  xaxis?: 'linear' | 'log';
}

/** Ticks of a log round axis: 0 and the powers of ten (with 2 and 5 between them over a short range). */
export function logRoundTicks(lo: number, hi: number): number[] {
  const decades = Math.log10(Math.max(1, hi)) - Math.log10(Math.max(1, lo));
  const steps = decades < 2.5 ? [1, 2, 5] : [1];
  const out = lo <= 0 ? [0] : [];
  for (let p = 1; p <= hi; p *= 10) for (const s of steps) if (p * s >= lo && p * s <= hi) out.push(p * s);
  return out;
}

const predictedOf = (r: ErrorRun) => honestPrediction(r.predicted, r.radius, r.floor);

/** The chart's scales (their ranges set for `size` by the frame): rounds, and a log error axis fitting the measured. */
export function errorScales(d: ErrorChartData): { x: Scale; y: d3.ScaleLogarithmic<number, number> } {
  const x = (d.xaxis === 'log' ? d3.scaleSymlog().constant(1) : d3.scaleLinear()).domain([d.first, d.last]);
  const extents = d.runs.flatMap((r) => [
    ...(r.err.extent(d.first, d.last) ?? []),
    ...(r.masked?.extent(d.first, d.last) ?? []),
  ]);
  const positive = extents.filter((v) => v > 0);
  // The axis follows the measured error: the prediction's tail below it may not stretch it.
  const lowest = positive.length ? Math.min(...positive) / 10 : 0;
  const extra = d.runs.flatMap((r) => [
    ...predictedOf(r).filter((v, k) => v >= lowest && d.predictedRounds[k] <= d.last),
    ...(r.radius > 0 ? [r.radius] : []),
  ]);
  return { x, y: d3.scaleLog().domain(logDomain(positive, extra)).clamp(true) };
}

/** The canvas part: bands and predictions under the data, then the measured curves (one colour per run). */
export function paintErrorChart(
  layers: { under: Paint; data: Paint },
  d: ErrorChartData,
  x: Scale,
  y: d3.ScaleLogarithmic<number, number>,
  colours: Palette,
): void {
  const compare = d.runs.length > 1;
  const [x0, x1] = x.range() as [number, number];
  const bottom = y.range()[0];
  d.runs.forEach((r, i) => {
    const colour = compare ? colours.runs[i % colours.runs.length] : colours.accent;
    const band = compare ? colour : colours.band;
    const alpha = compare ? 0.07 : 1;
    if (r.radiusNow && r.radiusNow.extent()) paintStepsArea(layers.under, r.radiusNow, x, y, d.last, band, alpha);
    else if (r.radius > 0) paintRect(layers.under, x0, y(r.radius), x1, bottom, band, alpha);
    if (r.radius > 0)
      paintLine(layers.under, [d.first, d.last], [r.radius, r.radius], x, y, {
        colour: compare ? colour : colours.predicted,
        width: 1,
        dash: [6, 4],
      });
    // Below the axis the prediction stops rather than running along the bottom edge; it may be sampled past the run.
    const low = y.domain()[0];
    paintLine(
      layers.under,
      d.predictedRounds,
      predictedOf(r).map((v, k) => (v >= low && d.predictedRounds[k] <= d.last ? v : NaN)),
      x,
      y,
      { colour: compare ? colour : colours.predicted, dash: [5, 4], alpha: compare ? 0.7 : 1 },
    );
  });
  d.runs.forEach((r, i) => {
    if (r.masked)
      paintColumns(
        layers.under,
        r.masked,
        x,
        y,
        { colour: compare ? colours.runs[i % colours.runs.length] : colours.accent, alpha: 0.3, width: 1 },
        [d.first, d.last],
      );
  });
  d.runs.forEach((r, i) =>
    paintColumns(
      layers.data,
      r.err,
      x,
      y,
      { colour: compare ? colours.runs[i % colours.runs.length] : colours.accent },
      [d.first, d.last],
    ),
  );
}

export function drawErrorChart(layers: Layers, d: ErrorChartData, size: Size, colours: Palette): void {
  const log = d.xaxis === 'log';
  const { x, y } = errorScales(d);
  const root = frame(layers.svg, size, x, y, log ? 'global round k (log)' : 'global round k', '‖y − u_k‖²', {
    whole: true,
    values: log ? logRoundTicks(d.first, d.last) : undefined,
  });
  paintErrorChart(layers, d, x, y, colours);
  // How many runs' predictions are drawn (the canvas holds them; tests and screen readers read this).
  root.attr('data-predicted', d.runs.filter((r) => Array.from(r.predicted).some(Number.isFinite)).length);
  // The error axis, so that what the data layer painted can be read back as values (e2e/charts.spec.ts).
  root.attr('data-y-scale', [...y.domain(), ...y.range()].join(','));
  const guarantee = d.runs[0]?.guarantee;
  if (guarantee) drawGuarantee(root, guarantee, d.predictedRounds, x, y);
  for (const mk of d.markers.filter((m) => m.round >= d.first)) {
    root
      .append('line')
      .attr('class', 'marker')
      .attr('x1', x(mk.round))
      .attr('x2', x(mk.round))
      .attr('y1', y.range()[0])
      .attr('y2', y.range()[1])
      .append('title')
      .text(`round ${mk.round}: ${mk.label}`);
  }
}

/** Whether the guarantee's curve enters the plot anywhere (else the legend says it lies above). */
export function guaranteeInside(g: { rate: number; B1: number; e0: number }, rounds: number[], top: number): boolean {
  return rounds.some((k) => g.e0 * g.rate ** k + g.B1 <= top);
}

/** rate^k·e0 + B1 over the predicted rounds, dotted, where it lies inside the plot. */
function drawGuarantee(
  root: d3.Selection<SVGSVGElement, unknown, null, undefined>,
  g: { rate: number; B1: number; e0: number; label: string },
  rounds: number[],
  x: Scale,
  y: d3.ScaleLogarithmic<number, number>,
): void {
  const top = y.domain()[1];
  const pts = rounds.map((k) => [k, g.e0 * g.rate ** k + g.B1] as [number, number]);
  const group = root
    .append('g')
    .attr('class', 'guarantee')
    .attr('data-guarantee', g.label)
    .attr('data-inside', String(guaranteeInside(g, rounds, top)));
  group
    .append('path')
    .attr('class', 'guarantee-line')
    .attr(
      'd',
      d3
        .line<[number, number]>()
        .defined(([, v]) => v <= top)
        .x(([k]) => x(k))
        .y(([, v]) => y(v))(pts) ?? '',
    )
    .append('title')
    .text(`guarantee: ${g.label}`);
}
