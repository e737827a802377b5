/**
 * Plot 1: training error ‖y − u_k‖² on a log axis against round, with the lazy-limit predicted mean curve
 * (dashed), the neighbourhood as a band — R_now, from the current conjugate kernel, where it is measured (it moves:
 * THEORY.md H.2), else R_lazy — with R_lazy, the initialization's value, as a dashed line; the paper's own guarantee
 * (dotted, labelled; named at the bottom when it lies above the plot); and markers where settings changed. Compared
 * runs are overlaid, one colour each (curve, prediction and band), with a legend.
 */
import * as d3 from 'd3';

import { boxedLabel, frame, line, MARGIN, type Size } from './frame';
import { decimate, honestPrediction, logDomain } from './transforms';

export interface ErrorRun {
  label: string;
  rounds: ArrayLike<number>;
  err: ArrayLike<number>;
  /** Predicted E‖y − u_k‖² at the chart's `predictedRounds`. */
  predicted: ArrayLike<number>;
  /** R_lazy; 0 for IST at leading order. */
  radius: number;
  /** R_now where measured (NaN elsewhere), per round of `rounds`. */
  radiusNow?: ArrayLike<number>;
  /** The paper's bound rate^k·e0 + B1 (main run), with its name. */
  guarantee?: { rate: number; B1: number; e0: number; label: string } | null;
  /**
   * Where the prediction has no neighbourhood (GD; IST at leading order) its curve stops at the engine's rounding
   * level, float32's about 1e−13·‖y‖²: below that the measured error is arithmetic, not a neighbourhood.
   */
  floor?: number;
  /** IST: the plot says that its neighbourhood is 0 only at leading order. */
  ist?: boolean;
}

export interface ErrorChartData {
  /** The main run first; more than one: a comparison. */
  runs: ErrorRun[];
  predictedRounds: number[];
  markers: { round: number; label: string }[];
  /** The round axis: linear, or log (symmetric log, so that round 0 has a place). */
  xaxis?: 'linear' | 'log';
  /** Show only the latest rounds (null: the whole run). */
  window?: number | null;
}

/** Index of the first entry of a sorted column that is at least `v`. */
function firstAtLeast(xs: ArrayLike<number>, v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const from = (xs: ArrayLike<number>, i: number) => Array.prototype.slice.call(xs, i) as number[];

/** Ticks of a log round axis: 0 and the powers of ten (with 2 and 5 between them over a short range). */
export function logRoundTicks(lo: number, hi: number): number[] {
  const decades = Math.log10(Math.max(1, hi)) - Math.log10(Math.max(1, lo));
  const steps = decades < 2.5 ? [1, 2, 5] : [1];
  const out = lo <= 0 ? [0] : [];
  for (let p = 1; p <= hi; p *= 10) for (const s of steps) if (p * s >= lo && p * s <= hi) out.push(p * s);
  return out;
}

const LEGEND_ROW = 15;
/** Width of one character of an 11px legend label, roughly. */
const LEGEND_CHAR = 6.2;

export function drawErrorChart(svg: SVGSVGElement, d: ErrorChartData, size: Size): void {
  const lastRound = Math.max(1, ...d.runs.map((r) => (r.rounds.length ? r.rounds[r.rounds.length - 1] : 1)));
  const firstRound = d.window ? Math.max(0, lastRound - d.window) : 0;
  const shown = d.runs.map((r) => {
    const i = firstAtLeast(r.rounds, firstRound);
    const rounds = from(r.rounds, i);
    return {
      ...r,
      rounds,
      radiusNow: r.radiusNow ? from(r.radiusNow, i) : undefined,
      s: decimate(rounds, from(r.err, i), Math.max(100, size.width * 2)),
    };
  });
  const log = d.xaxis === 'log';
  const x = (log ? d3.scaleSymlog().constant(1) : d3.scaleLinear()).domain([firstRound, lastRound]);
  const pi = firstAtLeast(d.predictedRounds, firstRound);
  const predictedRounds = d.predictedRounds.slice(pi);
  const ys = shown.flatMap((r) => Array.from(r.s.y));
  // The axis follows the measured error: the prediction's tail below it may not stretch it.
  const lowest = ys.length ? Math.min(...ys.filter((v) => v > 0)) / 10 : 0;
  const predictedOf = (r: ErrorRun) => honestPrediction(from(r.predicted, pi), r.radius, r.floor);
  const extra = shown.flatMap((r) => [
    ...predictedOf(r).filter((v) => v >= lowest),
    ...(r.radius > 0 ? [r.radius] : []),
  ]);
  const y = d3
    .scaleLog()
    .domain(logDomain(ys, extra, []))
    .clamp(true);
  const root = frame(svg, size, x, y, log ? 'global round k (log)' : 'global round k', '‖y − u_k‖²', {
    whole: true,
    values: log ? logRoundTicks(firstRound, lastRound) : undefined,
  });
  d3.select(svg).classed('compare', d.runs.length > 1);
  const [x0, x1] = x.range();
  const pts = (xs: ArrayLike<number>, vs: ArrayLike<number>) =>
    Array.from(xs, (v, i) => [v, vs[i]] as [number, number]);
  shown.forEach((r, i) => {
    const now: [number, number][] = [];
    if (r.radiusNow)
      for (let k = 0; k < r.rounds.length; k++)
        if (Number.isFinite(r.radiusNow[k]) && r.radiusNow[k] > 0) now.push([r.rounds[k], r.radiusNow[k]]);
    if (now.length) {
      // The moving band: R_now held from one measurement to the next, to the last round.
      const steps = now.flatMap(
        ([k, v], j) =>
          [
            [k, v],
            [j + 1 < now.length ? now[j + 1][0] : lastRound, v],
          ] as [number, number][],
      );
      root
        .append('path')
        .attr('class', `band now run-${i}`)
        .attr('data-band', 'radiusNow')
        .attr(
          'd',
          d3
            .area<[number, number]>()
            .x(([k]) => x(k))
            .y0(y.range()[0])
            .y1(([, v]) => y(v))(steps) ?? '',
        );
    } else if (r.radius > 0) {
      root
        .append('rect')
        .attr('class', `band run-${i}`)
        .attr('x', x0)
        .attr('width', x1 - x0)
        .attr('y', y(r.radius))
        .attr('height', Math.max(0, y.range()[0] - y(r.radius)));
    }
    if (r.radius > 0)
      root
        .append('line')
        .attr('class', `radius lazy run-${i}`)
        .attr('x1', x0)
        .attr('x2', x1)
        .attr('y1', y(r.radius))
        .attr('y2', y(r.radius))
        .append('title')
        .text(`R_lazy = ${d3.format('.3~g')(r.radius)} (the initialization's conjugate kernel)`);
    if (r.guarantee) drawGuarantee(root, r.guarantee, predictedRounds, x, y);
  });
  for (const mk of d.markers.filter((m) => m.round >= firstRound)) {
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
  shown.forEach((r, i) => {
    root
      .append('path')
      .attr('class', `predicted run-${i}`)
      // Below the axis the prediction stops rather than running along the bottom edge.
      .attr(
        'd',
        line(
          x,
          y,
        )(
          pts(
            predictedRounds,
            predictedOf(r).map((v) => (v >= y.domain()[0] ? v : NaN)),
          ),
        ),
      );
    root
      .append('path')
      .attr('class', `series run-${i}`)
      .attr('d', line(x, y)(pts(r.s.x, r.s.y)));
  });
  const ist = shown.find((r) => r.ist && r.s.y.length);
  if (ist) {
    const k = ist.s.y.length - 1;
    boxedLabel(
      root,
      x1 - 4,
      Math.max(MARGIN.top + 12, y(ist.s.y[k]) - 10),
      'IST: R = 0 at leading order; ~c/m at finite width',
      'end',
    );
  }
  if (d.runs.length > 1) {
    const width = 24 + LEGEND_CHAR * Math.max(...d.runs.map((r) => r.label.length));
    const legend = root
      .append('g')
      .attr('class', 'legend')
      .attr('transform', `translate(${Math.max(x0 + 4, x1 - width)},${MARGIN.top + 4})`);
    shown.forEach((r, i) => {
      const row = legend.append('g').attr('transform', `translate(0,${i * LEGEND_ROW})`);
      row.append('line').attr('class', `series run-${i}`).attr('x1', 0).attr('x2', 16).attr('y1', 0).attr('y2', 0);
      row.append('text').attr('class', 'legend-label').attr('x', 20).attr('dy', '0.32em').text(r.label);
    });
  }
}

/** rate^k·e0 + B1 over the predicted rounds, drawn where it lies inside the plot; named at the bottom where it does not. */
function drawGuarantee(
  root: d3.Selection<SVGSVGElement, unknown, null, undefined>,
  g: { rate: number; B1: number; e0: number; label: string },
  rounds: number[],
  x: d3.ScaleLinear<number, number> | d3.ScaleSymLog<number, number>,
  y: d3.ScaleLogarithmic<number, number>,
): void {
  const top = y.domain()[1];
  const pts = rounds.map((k) => [k, g.e0 * g.rate ** k + g.B1] as [number, number]);
  const inside = pts.filter(([, v]) => v <= top);
  const group = root.append('g').attr('class', 'guarantee').attr('data-guarantee', g.label);
  if (inside.length) {
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
      );
    group
      .append('text')
      .attr('class', 'legend-label')
      .attr('x', x(inside[0][0]) + 4)
      .attr('y', y(inside[0][1]) - 4)
      .text(`guarantee: ${g.label}`);
  } else {
    // Bottom left, on a box over the band: the compared runs' legend holds the top right, and the curves start at the
    // top left. A narrow plot gets the short form; the whole name is in the tooltip.
    const [x0, x1] = x.range();
    const b1 = d3.format('.2~e')(g.B1);
    const long = `guarantee (${g.label}) lies above the plot: B₁ = ${b1}`;
    const label = boxedLabel(
      group,
      x0 + 4,
      y.range()[0] - 6,
      (x1 - x0) / long.length > 6.5 ? long : `guarantee above the plot: B₁ = ${b1}`,
    );
    label.select('text').classed('guarantee-above', true);
    label.append('title').text(long);
  }
}
