/**
 * Sweep plot over two keys (the paper's Figure 2): one cell per (row, column) value pair, coloured by the
 * log of its converged error; a cell still falling at the round cap hatched (its error is not a plateau yet),
 * unsettled cells marked in a corner, cells still to run left empty; optionally each cell's R_lazy written under its
 * value. A colour bar on the right.
 */
import * as d3 from 'd3';

import { MARGIN, type Size } from './frame';
import { logDomain } from './transforms';

export interface HeatCell {
  row: string;
  col: string;
  converged: number | null;
  settled: boolean;
  radius: number | null;
  /** Why the cell failed (its worker stopped twice), if it did. */
  failed?: string;
  /** Still falling at the cap: the rounds its prediction needs to reach its plateau, and the rounds it had. */
  falling?: { needs: number; rounds: number };
}

export interface HeatmapData {
  rowLabel: string;
  colLabel: string;
  rows: string[];
  cols: string[];
  cells: HeatCell[];
  showRadius: boolean;
}

const BAR = { width: 10, gap: 14, axis: 44 };
/** Side of the corner triangle that marks an unsettled cell. */
const CORNER = 7;
const STOPS = 10;

const short = d3.format('.2~g');

export function drawHeatmap(svg: SVGSVGElement, d: HeatmapData, size: Size): void {
  const root = d3
    .select(svg)
    .attr('viewBox', `0 0 ${size.width} ${size.height}`)
    .attr('width', size.width)
    .attr('height', size.height);
  root.selectAll('*').remove();
  const right = size.width - MARGIN.right - BAR.width - BAR.gap - BAR.axis;
  const x = d3.scaleBand<string>().domain(d.cols).range([MARGIN.left, right]).padding(0.04);
  const y = d3
    .scaleBand<string>()
    .domain([...d.rows].reverse())
    .range([MARGIN.top, size.height - MARGIN.bottom])
    .padding(0.04);
  const values = d.cells.map((c) => c.converged).filter((v): v is number => v !== null && v > 0 && Number.isFinite(v));
  const [lo, hi] = colourDomain(values);
  const colour = d3.scaleSequentialLog(d3.interpolateViridis).domain([lo, hi]);
  root
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${size.height - MARGIN.bottom})`)
    .call(d3.axisBottom(x).tickSizeOuter(0));
  root
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(${MARGIN.left},0)`)
    .call(d3.axisLeft(y).tickSizeOuter(0));
  root
    .append('text')
    .attr('class', 'axis-label')
    .attr('x', (MARGIN.left + right) / 2)
    .attr('y', size.height - 4)
    .attr('text-anchor', 'middle')
    .text(d.colLabel);
  root
    .append('text')
    .attr('class', 'axis-label')
    .attr('transform', `translate(12,${(MARGIN.top + size.height - MARGIN.bottom) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text(d.rowLabel);
  const bw = x.bandwidth();
  const bh = y.bandwidth();
  const hatch = `sweep-hatch-${Math.random().toString(36).slice(2, 8)}`;
  root
    .append('defs')
    .append('pattern')
    .attr('id', hatch)
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
  for (const c of d.cells) {
    const g = root.append('g').attr('transform', `translate(${x(c.col) ?? 0},${y(c.row) ?? 0})`);
    const ok = c.converged !== null && Number.isFinite(c.converged) && c.converged > 0;
    const rect = g
      .append('rect')
      .attr('width', bw)
      .attr('height', bh)
      .attr('class', c.failed ? 'cell failed' : c.converged === null ? 'cell pending' : 'cell')
      .attr('data-cell', `${d.rowLabel}=${c.row} ${d.colLabel}=${c.col}`)
      .attr('fill', ok ? colour(c.converged as number) : 'none');
    if (c.converged !== null) rect.attr('data-converged', String(c.converged)).attr('data-settled', String(c.settled));
    const what = c.failed
      ? `failed: ${c.failed}`
      : c.converged === null
        ? 'not run yet'
        : c.falling
          ? `error ${short(c.converged)} after ${c.falling.rounds} rounds, still falling: its prediction reaches its plateau after ${c.falling.needs} rounds, beyond the cap`
          : `converged error ${short(c.converged)}${c.settled ? '' : ' (not settled)'}`;
    rect
      .append('title')
      .text(
        `${d.rowLabel} = ${c.row}, ${d.colLabel} = ${c.col}: ${what}${c.radius !== null ? `; R_lazy ${short(c.radius)}` : ''}`,
      );
    if (c.falling)
      g.append('rect')
        .attr('class', 'falling')
        .attr('width', bw)
        .attr('height', bh)
        .attr('fill', `url(#${hatch})`)
        .attr('data-falling', `${d.rowLabel}=${c.row} ${d.colLabel}=${c.col}`);
    else if (c.converged !== null && !c.settled)
      g.append('path')
        .attr('class', 'unsettled-mark')
        .attr('d', `M${bw - CORNER},0H${bw}V${CORNER}Z`);
    if (c.failed && bw >= 30 && bh >= 14)
      g.append('text')
        .attr('class', 'cell-text')
        .attr('x', bw / 2)
        .attr('y', bh / 2 + 4)
        .attr('text-anchor', 'middle')
        .text('failed');
    if (c.converged === null || bw < 30 || bh < 14) continue;
    const dark = ok && luminance(colour(c.converged as number)) < 0.3;
    const text = g
      .append('text')
      .attr('class', dark ? 'cell-text light' : 'cell-text')
      .attr('x', bw / 2)
      .attr('text-anchor', 'middle');
    const two = d.showRadius && c.radius !== null && bh >= 26;
    text
      .append('tspan')
      .attr('x', bw / 2)
      .attr('y', two ? bh / 2 - 2 : bh / 2 + 4)
      .text(Number.isFinite(c.converged) ? short(c.converged) : 'diverged');
    if (two)
      text
        .append('tspan')
        .attr('x', bw / 2)
        .attr('y', bh / 2 + 10)
        .attr('class', 'cell-radius')
        .text(`R ${short(c.radius as number)}`);
  }
  colourBar(root, colour, right + BAR.gap, size);
}

/** The colour scale's domain: the values' range (one value: a decade around it; none: [1e-3, 1]). */
function colourDomain(values: number[]): [number, number] {
  if (!values.length) return logDomain([]);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? [lo / Math.SQRT2 / 2, lo * Math.SQRT2 * 2] : [lo, hi];
}

function colourBar(
  root: d3.Selection<SVGSVGElement, unknown, null, undefined>,
  colour: d3.ScaleSequential<string>,
  left: number,
  size: Size,
): void {
  const [lo, hi] = colour.domain();
  const id = 'sweep-colour-bar';
  const grad = root
    .append('defs')
    .append('linearGradient')
    .attr('id', id)
    .attr('x1', 0)
    .attr('x2', 0)
    .attr('y1', 1)
    .attr('y2', 0);
  for (let i = 0; i <= STOPS; i++)
    grad
      .append('stop')
      .attr('offset', i / STOPS)
      .attr('stop-color', colour(lo * (hi / lo) ** (i / STOPS)));
  const scale = d3
    .scaleLog()
    .domain([lo, hi])
    .range([size.height - MARGIN.bottom, MARGIN.top]);
  root
    .append('rect')
    .attr('x', left)
    .attr('y', MARGIN.top)
    .attr('width', BAR.width)
    .attr('height', size.height - MARGIN.bottom - MARGIN.top)
    .attr('fill', `url(#${id})`);
  root
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(${left + BAR.width},0)`)
    .call(d3.axisRight(scale).ticks(3, '~g'));
}

/** Relative luminance (WCAG) of a colour: white text reads on a fill below about 0.3, dark text above. */
export function luminance(colour: string): number {
  const { r, g, b } = d3.rgb(colour);
  const lin = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
