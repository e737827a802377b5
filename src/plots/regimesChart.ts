/**
 * How wide is wide enough (THEORY.md E), in two plots on log–log axes of n and m:
 * - widths: each regime's required width over its whole range (they span tens of decades), the measured boundary
 *   (the smallest width of the grid where at least half the seeds succeed) and the current (n, m);
 * - phase: the measured phase diagram's cells (coloured by the chosen measure; m·d < n hatched: fewer parameters than
 *   samples) with the curves that pass through the grid on top.
 * The widths axis fits the curves that matter at teaching sizes (the counting bound, Song et al., Oymak–Soltanolkotabi,
 * the grid, the current m); a width far above them (Du et al.'s reaches 1e28) is clipped at the top edge, where a
 * marker names its range. The legend is the page's (ui/regimes/RegimesPanel.tsx).
 */
import * as d3 from 'd3';

import { MARGIN, type Size, tickText } from './frame';

export interface RegimeCurve {
  key: string;
  label: string;
  points: { n: number; m: number }[];
  /** Drawn in full however wide (the widths axis fits it): the curves that matter at teaching sizes. */
  fits?: boolean;
}

/** The widths axis: up to ten times the widest curve that fits, the grid's widths and the current m. */
export function widthsTop(curves: RegimeCurve[], extra: number[]): number {
  const inView = curves.filter((c) => c.fits).flatMap((c) => c.points.map((p) => p.m));
  const all = [...inView, ...extra].filter((m) => Number.isFinite(m) && m > 0);
  return 10 ** Math.ceil(Math.log10(Math.max(10, ...all)) + 1e-9) * 10;
}

/** A curve's range of widths over the plot's n, for the marker of a clipped curve ("1e13–1e28"). */
export function curveRange(c: RegimeCurve): [number, number] | null {
  const ms = c.points.map((p) => p.m).filter((m) => Number.isFinite(m) && m > 0);
  return ms.length ? [Math.min(...ms), Math.max(...ms)] : null;
}

export interface RegimeCell {
  n: number;
  m: number;
  /** The measure shown, or null while the cell has not run. */
  value: number | null;
  fewerParams: boolean;
  title: string;
}

export interface RegimesChartData {
  mode: 'widths' | 'phase';
  curves: RegimeCurve[];
  /** The measured boundary: per n, the smallest width with at least half the seeds succeeding. */
  boundary: { n: number; m: number }[];
  cells: RegimeCell[];
  /** Colour scale: a fraction in [0, 1] (success) or a positive measure on a log scale. */
  fraction: boolean;
  current: { n: number; m: number } | null;
  ns: number[];
  ms: number[];
}

const BAR = { width: 10, gap: 14, axis: 40 };

/** Geometric midpoints between sorted values, padded at the ends by the same ratio: the edges of log-spaced cells. */
function edges(values: number[]): number[] {
  const v = [...values].sort((a, b) => a - b);
  if (v.length === 1) return [v[0] / Math.SQRT2, v[0] * Math.SQRT2];
  const mid = v.slice(1).map((x, i) => Math.sqrt(x * v[i]));
  return [v[0] ** 2 / mid[0], ...mid, v[v.length - 1] ** 2 / mid[mid.length - 1]];
}

export function drawRegimesChart(svg: SVGSVGElement, d: RegimesChartData, size: Size): void {
  const root = d3
    .select(svg)
    .attr('viewBox', `0 0 ${size.width} ${size.height}`)
    .attr('width', size.width)
    .attr('height', size.height);
  root.selectAll('*').remove();
  const right = size.width - MARGIN.right - (d.mode === 'phase' ? BAR.width + BAR.gap + BAR.axis : 0);
  const bottom = size.height - MARGIN.bottom;
  const nEdges = d.ns.length ? edges(d.ns) : [];
  const mEdges = d.ms.length ? edges(d.ms) : [];
  const phase = d.mode === 'phase';
  const finiteM = d.curves.flatMap((c) => c.points.map((p) => p.m)).filter((m) => Number.isFinite(m) && m > 0);
  const allN = phase
    ? nEdges
    : [...d.curves.flatMap((c) => c.points.map((p) => p.n)), ...nEdges, ...(d.current ? [d.current.n] : [])];
  const x = d3
    .scaleLog()
    .domain([Math.min(...allN), Math.max(...allN)])
    .range([MARGIN.left, right]);
  const yDomain: [number, number] = phase
    ? [mEdges[0], mEdges[mEdges.length - 1]]
    : [
        Math.min(0.5, ...finiteM),
        widthsTop(d.curves, [...d.boundary.map((p) => p.m), ...(d.current ? [d.current.m] : [])]),
      ];
  const y = d3.scaleLog().domain(yDomain).range([bottom, MARGIN.top]);
  const mTop = yDomain[1];
  const id = `regimes-${Math.random().toString(36).slice(2, 8)}`;
  const defs = root.append('defs');
  defs
    .append('clipPath')
    .attr('id', `${id}-clip`)
    .append('rect')
    .attr('x', MARGIN.left)
    .attr('y', MARGIN.top)
    .attr('width', right - MARGIN.left)
    .attr('height', bottom - MARGIN.top);
  defs
    .append('pattern')
    .attr('id', `${id}-hatch`)
    .attr('width', 6)
    .attr('height', 6)
    .attr('patternUnits', 'userSpaceOnUse')
    .attr('patternTransform', 'rotate(45)')
    .append('line')
    .attr('class', 'hatch')
    .attr('x1', 0)
    .attr('x2', 0)
    .attr('y1', 0)
    .attr('y2', 6);
  root
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${bottom})`)
    // The phase diagram's axes name its own n and m; the widths plot takes round ticks over its decades.
    .call(
      phase
        ? d3
            .axisBottom(x)
            .tickValues(d.ns)
            .tickFormat((v) => String(v))
        : d3.axisBottom(x).ticks(6, '~s'),
    );
  root
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(${MARGIN.left},0)`)
    .call(
      d3
        .axisLeft(y)
        .tickValues(phase ? d.ms : decadeTicks(yDomain, 8))
        .tickFormat((v) => tickText(Number(v))),
    );
  root
    .append('text')
    .attr('class', 'axis-label')
    .attr('x', (MARGIN.left + right) / 2)
    .attr('y', bottom + MARGIN.bottom - 6)
    .attr('text-anchor', 'middle')
    .text('samples n (log)');
  root
    .append('text')
    .attr('class', 'axis-label')
    .attr('transform', `translate(12,${(MARGIN.top + bottom) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text('width m (log)');

  const values = d.cells
    .map((c) => c.value)
    .filter((v): v is number => v !== null && Number.isFinite(v) && (d.fraction || v > 0));
  // Two palettes, so that dark never means good in one measure and bad in another: greens for the fraction that
  // succeeds (darker: more seeds reach ε), oranges for how far training is from lazy (darker: larger moves, more flips,
  // more drift).
  const colour = d.fraction
    ? d3.scaleSequential(d3.interpolateGreens).domain([0, 1])
    : d3
        .scaleSequentialLog(d3.interpolateOranges)
        .domain(values.length ? [Math.min(...values), Math.max(...values, Math.min(...values) * 10)] : [1e-3, 1]);
  const plot = root.append('g').attr('clip-path', `url(#${id}-clip)`);
  const sortedN = [...d.ns].sort((a, b) => a - b);
  const sortedM = [...d.ms].sort((a, b) => a - b);
  for (const c of d.cells) {
    const i = sortedN.indexOf(c.n);
    const j = sortedM.indexOf(c.m);
    if (i < 0 || j < 0) continue;
    const [x0, x1, y0, y1] = [x(nEdges[i]), x(nEdges[i + 1]), y(mEdges[j + 1]), y(mEdges[j])];
    const ok = c.value !== null && Number.isFinite(c.value) && (d.fraction || c.value > 0);
    const rect = plot
      .append('rect')
      .attr('class', c.value === null ? 'cell pending' : 'cell')
      .attr('x', x0)
      .attr('y', y0)
      .attr('width', x1 - x0)
      .attr('height', y1 - y0)
      .attr('fill', ok ? colour(c.value as number) : 'none')
      .attr('data-cell', `n=${c.n} m=${c.m}`);
    if (c.value !== null) rect.attr('data-value', String(c.value));
    rect.append('title').text(c.title);
    if (c.fewerParams)
      plot
        .append('rect')
        .attr('class', 'fewer')
        .attr('x', x0)
        .attr('y', y0)
        .attr('width', x1 - x0)
        .attr('height', y1 - y0)
        .attr('fill', `url(#${id}-hatch)`)
        .attr('data-fewer', `n=${c.n} m=${c.m}`)
        .append('title')
        .text(`${c.title} — fewer parameters than samples (m·d < n)`);
  }
  d.curves.forEach((c, k) => {
    const pts = c.points.filter((p) => Number.isFinite(p.m) && p.m > 0);
    plot
      .append('path')
      .attr('class', `regime regime-${k}`)
      .attr('data-regime', c.key)
      .attr(
        'd',
        d3
          .line<{ n: number; m: number }>()
          .x((p) => x(p.n))
          .y((p) => y(Math.min(Math.max(p.m, yDomain[0] / 10), mTop * 10)))(pts) ?? '',
      );
  });
  if (d.boundary.length) {
    plot
      .append('path')
      .attr('class', 'boundary')
      .attr('data-regime', 'measured')
      .attr(
        'd',
        d3
          .line<{ n: number; m: number }>()
          .x((p) => x(p.n))
          .y((p) => y(p.m))(d.boundary) ?? '',
      );
    for (const p of d.boundary)
      plot
        .append('circle')
        .attr('class', 'boundary-point')
        .attr('r', 3.5)
        .attr('cx', x(p.n))
        .attr('cy', y(p.m))
        .append('title')
        .text(
          `measured: at n = ${p.n}, m = ${p.m} is the smallest width of the grid where at least half the seeds reach ε`,
        );
  }
  if (d.current && !phase) {
    root
      .append('path')
      .attr('class', 'current-point')
      .attr('d', d3.symbol(d3.symbolDiamond, 80)())
      .attr('transform', `translate(${x(d.current.n)},${y(d.current.m)})`)
      .append('title')
      .text(`the training view's run: n = ${d.current.n}, m = ${d.current.m}`);
  }
  // A curve above the axis: a marker at the top edge where it leaves the plot, naming its range of widths.
  // Curves that leave at the same place get their markers side by side.
  let clipped = 0;
  if (!phase)
    d.curves.forEach((c, k) => {
      const range = curveRange(c);
      if (!range || range[1] <= mTop) return;
      const exit = c.points.find((p) => p.m > mTop) ?? c.points[0];
      const px = Math.max(MARGIN.left + 8, Math.min(right - 8, x(exit.n))) + 16 * clipped++;
      const g = root.append('g').attr('class', 'clipped').attr('data-regime', c.key);
      g.append('path')
        .attr('class', `regime regime-${k} clipped-mark`)
        .attr('d', d3.symbol(d3.symbolTriangle, 60)())
        .attr('transform', `translate(${px},${MARGIN.top + 5})`);
      g.append('title').text(`${c.label}: ${tickText(range[0])} to ${tickText(range[1])}, above this plot`);
    });
  if (phase && d.cells.length) {
    const left = right + BAR.gap;
    const grad = defs
      .append('linearGradient')
      .attr('id', `${id}-bar`)
      .attr('x1', 0)
      .attr('x2', 0)
      .attr('y1', 1)
      .attr('y2', 0);
    const [lo, hi] = colour.domain();
    for (let s = 0; s <= 10; s++)
      grad
        .append('stop')
        .attr('offset', s / 10)
        .attr('stop-color', colour(d.fraction ? lo + (hi - lo) * (s / 10) : lo * (hi / lo) ** (s / 10)));
    root
      .append('rect')
      .attr('x', left)
      .attr('y', MARGIN.top)
      .attr('width', BAR.width)
      .attr('height', bottom - MARGIN.top)
      .attr('fill', `url(#${id}-bar)`);
    const scale = (d.fraction ? d3.scaleLinear() : d3.scaleLog()).domain([lo, hi]).range([bottom, MARGIN.top]);
    root
      .append('g')
      .attr('class', 'axis')
      .attr('transform', `translate(${left + BAR.width},0)`)
      .call(d3.axisRight(scale as d3.ScaleLinear<number, number>).ticks(4, d.fraction ? '.1f' : '~g'));
  }
}

/** At most `most` ticks at whole decades (every k-th decade) of a log domain. */
function decadeTicks([lo, hi]: [number, number], most: number): number[] {
  const a = Math.ceil(Math.log10(lo));
  const b = Math.floor(Math.log10(hi));
  const step = Math.max(1, Math.ceil((b - a + 1) / most));
  const out: number[] = [];
  for (let e = a; e <= b; e += step) out.push(10 ** e);
  return out;
}
