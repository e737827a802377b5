/** The common frame of every chart: clears the SVG, sizes it, and draws titled axes for given scales. */
import * as d3 from 'd3';

export interface Size {
  width: number;
  height: number;
}

const BASE_MARGIN = { top: 10, right: 14, bottom: 34, left: 56 };

/** The plot margins; larger while chart text is larger (presentation mode), so that tick labels keep their room. */
export const MARGIN = { ...BASE_MARGIN };

/** Sets the margins for chart text `px` pixels high (11 is the normal size). */
export function setChartText(px: number): void {
  const t = Math.max(1, px / 11);
  MARGIN.top = Math.round(BASE_MARGIN.top * t);
  MARGIN.right = Math.round(BASE_MARGIN.right * t);
  MARGIN.bottom = Math.round(BASE_MARGIN.bottom * t);
  MARGIN.left = Math.round(BASE_MARGIN.left * t);
}

export type Scale =
  d3.ScaleLinear<number, number> | d3.ScaleLogarithmic<number, number> | d3.ScaleSymLog<number, number>;

/** Options of the x axis: whole-number ticks only (rounds), or the given tick values. */
export interface XTicks {
  whole?: boolean;
  values?: number[];
}

export function frame(
  svg: SVGSVGElement,
  size: Size,
  x: Scale,
  y: Scale,
  xLabel: string,
  yLabel: string,
  xTicks: XTicks = {},
) {
  const root = d3
    .select(svg)
    .attr('viewBox', `0 0 ${size.width} ${size.height}`)
    .attr('width', size.width)
    .attr('height', size.height);
  root.selectAll('*').remove();
  x.range([MARGIN.left, size.width - MARGIN.right]);
  y.range([size.height - MARGIN.bottom, MARGIN.top]);
  const yTicks =
    'base' in y ? y.ticks(4).filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9) : y.ticks(5);
  root
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${size.height - MARGIN.bottom})`)
    .call(
      d3
        .axisBottom(x as d3.AxisScale<number>)
        .tickValues(xTickValues(x, size.width, xTicks))
        .tickFormat((v) => roundText(Number(v))),
    );
  root
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(${MARGIN.left},0)`)
    .call(
      d3
        .axisLeft(y as d3.AxisScale<number>)
        .tickValues(yTicks)
        .tickFormat((v) => tickText(Number(v))),
    );
  root
    .append('text')
    .attr('class', 'axis-label')
    .attr('x', (MARGIN.left + size.width - MARGIN.right) / 2)
    .attr('y', size.height - 4)
    .attr('text-anchor', 'middle')
    .text(xLabel);
  root
    .append('text')
    .attr('class', 'axis-label')
    .attr('transform', `translate(12,${(MARGIN.top + size.height - MARGIN.bottom) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text(yLabel);
  return root;
}

/** The x ticks: about one per 90 px; whole numbers only when asked (a round axis never shows half rounds). */
function xTickValues(x: Scale, width: number, o: XTicks): number[] {
  if (o.values) return o.values;
  const ticks = (x as d3.ScaleLinear<number, number>).ticks(Math.max(2, Math.floor(width / 90)));
  return o.whole ? ticks.filter((t) => Number.isInteger(t)) : ticks;
}

/** Tick labels: plain numbers in [1e−3, 1e4), short exponents (1e−5) outside, so that decades stay narrow. */
/** An x tick: rounds in thousands as 2k, 10k; anything smaller as written (0.5, not 500m). */
function roundText(v: number): string {
  return Math.abs(v) >= 1e3 ? d3.format('~s')(v) : d3.format('~g')(v);
}

export function tickText(v: number): string {
  return v === 0 || (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4)
    ? d3.format('~g')(v)
    : d3.format('.0e')(v).replace('e+', 'e');
}

/** A polyline for (x, y) pairs, skipping points a scale cannot place. */
export function line(x: Scale, y: Scale) {
  return d3
    .line<[number, number]>()
    .defined(([a, b]) => Number.isFinite(x(a)) && Number.isFinite(y(b)))
    .x(([a]) => x(a))
    .y(([, b]) => y(b));
}

/** A text label on a box of the panel's colour, so that it stays readable over bars, bands and curves. */
export function boxedLabel<E extends d3.BaseType>(
  root: d3.Selection<E, unknown, null, undefined>,
  x: number,
  y: number,
  text: string,
  anchor: 'start' | 'end' = 'start',
) {
  const g = root.append('g').attr('class', 'boxed-label');
  const rect = g.append('rect').attr('class', 'label-box');
  const t = g
    .append('text')
    .attr('class', 'legend-label')
    .attr('x', x)
    .attr('y', y)
    .attr('text-anchor', anchor)
    .text(text);
  const box = (t.node() as SVGTextElement).getBBox();
  rect
    .attr('x', box.x - 3)
    .attr('y', box.y - 1)
    .attr('width', box.width + 6)
    .attr('height', box.height + 2);
  return g;
}
