/**
 * Lazy-training diagnostics (THEORY.md C.5): a histogram of the neurons' moves ‖w_r(k) − w_r(0)‖ on a log axis with the
 * activation-stability radius R_stab marked, and the fraction of flipped activation signs, the NTK's drift
 * ‖H(k) − H(0)‖/‖H(0)‖ and the conjugate kernel's trace tr K_σ(W_k)/tr K_σ(W_0) over rounds. Lazy training keeps the
 * first three small; the trace falls under dropout, which shrinks its own features (H.2).
 */
import * as d3 from 'd3';

import type { LogHistogram } from '../core/math/histogram';
import { boxedLabel, frame, line, MARGIN, type Size, tickText } from './frame';
import { logDomain } from './transforms';

export function drawMoveHistogram(
  svg: SVGSVGElement,
  d: { hist: LogHistogram | null; rStab: number | null },
  size: Size,
): void {
  const h = d.hist;
  const x = d3.scaleLog().domain(h ? [h.lo, h.hi] : [1e-4, 1]);
  const y = d3.scaleLinear().domain([0, h ? Math.max(1, ...h.counts) : 1]);
  const root = frame(svg, size, x, y, 'neuron move ‖w_r(k) − w_r(0)‖ (log)', 'neurons');
  if (!h) return;
  const edge = (b: number) => h.lo * (h.hi / h.lo) ** (b / h.counts.length);
  h.counts.forEach((c, b) => {
    if (!c) return;
    root
      .append('rect')
      .attr('class', 'bar')
      .attr('x', x(edge(b)))
      .attr('width', Math.max(1, x(edge(b + 1)) - x(edge(b)) - 1))
      .attr('y', y(c))
      .attr('height', y(0) - y(c))
      .append('title')
      .text(`${c} neurons moved ${tickText(edge(b))} to ${tickText(edge(b + 1))}`);
  });
  if (d.rStab === null) return;
  const [x0, x1] = x.range();
  const label = `R_stab = ${d3.format('.2~e')(d.rStab)}`;
  if (d.rStab >= h.lo && d.rStab <= h.hi) {
    root
      .append('line')
      .attr('class', 'marker stab')
      .attr('x1', x(d.rStab))
      .attr('x2', x(d.rStab))
      .attr('y1', y(0))
      .attr('y2', MARGIN.top);
    // The label on the side of the line with more room, on a box over the bars.
    const right = x(d.rStab) < (x0 + x1) / 2;
    boxedLabel(
      root,
      x(d.rStab) + (right ? 4 : -4),
      MARGIN.top + 10,
      `R_stab = ${d3.format('.2~e')(d.rStab)}`,
      right ? 'start' : 'end',
    );
  } else {
    const left = d.rStab < h.lo;
    const long = left ? `← ${label}: every neuron moved more` : `${label} → every neuron moved less`;
    const short = left ? `← ${label} (all moved more)` : `${label} → (all moved less)`;
    boxedLabel(
      root,
      left ? x0 + 4 : x1 - 4,
      MARGIN.top + 10,
      x1 - x0 > 6.2 * long.length ? long : short,
      left ? 'start' : 'end',
    )
      .append('title')
      .text(long);
  }
}

export interface LazinessData {
  rounds: ArrayLike<number>;
  flipFrac: ArrayLike<number>;
  ntkShift: ArrayLike<number>;
  /** tr K_σ(W_k)/tr K_σ(W_0): dropout's implicit regularization shrinks it (THEORY.md H.2). */
  kSigmaRatio: ArrayLike<number>;
}

export function drawLazinessChart(svg: SVGSVGElement, d: LazinessData, size: Size): void {
  const pick = (v: ArrayLike<number>) => {
    const out: [number, number][] = [];
    for (let i = 0; i < d.rounds.length; i++) if (Number.isFinite(v[i]) && v[i] > 0) out.push([d.rounds[i], v[i]]);
    return out;
  };
  const flips = pick(d.flipFrac);
  const shift = pick(d.ntkShift);
  const trace = pick(d.kSigmaRatio);
  const last = d.rounds.length ? d.rounds[d.rounds.length - 1] : 1;
  const x = d3.scaleLinear().domain([0, Math.max(1, last)]);
  const y = d3
    .scaleLog()
    .domain(
      logDomain(
        flips.map((p) => p[1]),
        shift.map((p) => p[1]),
        trace.map((p) => p[1]),
      ),
    )
    .clamp(true);
  const root = frame(svg, size, x, y, 'global round k', 'fraction (log)', { whole: true });
  d3.select(svg).classed('compare', true);
  root.append('path').attr('class', 'series run-0').attr('data-series', 'flipFrac').attr('d', line(x, y)(flips));
  root.append('path').attr('class', 'series run-1').attr('data-series', 'ntkShift').attr('d', line(x, y)(shift));
  root.append('path').attr('class', 'series run-2').attr('data-series', 'kSigmaRatio').attr('d', line(x, y)(trace));
}
