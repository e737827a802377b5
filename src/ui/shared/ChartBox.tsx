/**
 * A chart container: a one-line caption with a legend of swatches (the notation is in each swatch's tooltip), and the
 * plot — SVG for axes and marks, and for charts of dense series two canvas layers under it (bands and predictions,
 * then the measured data). It measures itself and redraws at most once per animation frame, all charts in the same
 * frame (frameScheduler.ts), and not at all while it is off screen or folded away: a chart out of sight draws when it
 * comes back. It can fill the window's height below it.
 */
import { type ReactNode, useCallback, useEffect, useRef } from 'react';

import { type Layers, prepareCanvas } from '../../plots/canvas';
import { setChartText, type Size } from '../../plots/frame';
import { cancelDraw, drawNextFrame } from './frameScheduler';

/** One entry of a chart's legend: how its mark looks, what it is, and what it means (the tooltip). */
export interface LegendItem {
  label: string;
  mark: 'line' | 'dashed' | 'dotted' | 'band' | 'point' | 'diamond';
  /** A CSS colour (a custom property such as var(--run1) is fine)… */
  colour?: string;
  /** …or the chart's own classes for the mark (its stroke, colour and dashes). */
  className?: string;
  help?: string;
}

interface Common {
  /** Names the chart for exports and tests (data-chart). */
  name: string;
  /** One short line. */
  title: string;
  /** The notation in words: the caption's tooltip and the plot's description for screen readers. */
  help?: string;
  legend?: LegendItem[];
  /** In pixels, or 'fill': down to the bottom of the window (presentation mode). */
  height: number | 'fill';
  /** The panel a lesson step can point at (data-panel), when the chart is one. */
  panel?: string;
  /** Redraws when this changes… */
  version: unknown;
  /** …at most this often, in ms (a chart whose picture changes slowly need not be redrawn in every frame). */
  every?: number;
  children?: ReactNode;
}

/** An SVG chart (`draw`), or a chart of dense series that paints canvas layers too (`paint`). */
type Props = Common &
  (
    | { draw: (svg: SVGSVGElement, size: Size) => void; paint?: never }
    | { paint: (layers: Layers, size: Size) => void; draw?: never }
  );

/** Text drawn in charts: 18 px in presentation mode (the root's type grows there), 11 px otherwise. */
const chartText = () => (document.documentElement.classList.contains('presenting') ? 18 : 11);

/** The drawing height: as given, or down to the window's bottom edge (above an embed's "Open in Subnet Lab" link). */
function pixels(el: Element, h: number | 'fill'): number {
  if (h !== 'fill') return h;
  const below = document.documentElement.classList.contains('embedded') ? 34 : 12;
  return Math.max(180, Math.floor(window.innerHeight - el.getBoundingClientRect().top - below));
}

function Swatch({ item }: { item: LegendItem }) {
  const { mark, colour, className } = item;
  const fill = colour ? { fill: colour } : undefined;
  return (
    <svg className="swatch" width="22" height="12" viewBox="0 0 22 12" aria-hidden="true">
      {mark === 'band' ? (
        <rect
          x="1"
          y="2"
          width="20"
          height="8"
          className={className}
          style={colour ? { fill: colour, opacity: 0.35 } : undefined}
        />
      ) : mark === 'point' ? (
        <circle cx="11" cy="6" r="4" className={className} style={fill} />
      ) : mark === 'diamond' ? (
        <path d="M11 1 L16 6 L11 11 L6 6 Z" className={className} style={fill} />
      ) : (
        <line
          x1="1"
          x2="21"
          y1="6"
          y2="6"
          className={className}
          style={
            colour
              ? {
                  stroke: colour,
                  strokeWidth: 2,
                  strokeDasharray: mark === 'dashed' ? '5 3' : mark === 'dotted' ? '1 3' : undefined,
                }
              : undefined
          }
        />
      )}
    </svg>
  );
}

export function ChartBox(props: Props) {
  const { name, panel, title, help, legend, height, version, children } = props;
  const box = useRef<HTMLElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const under = useRef<HTMLCanvasElement>(null);
  const data = useRef<HTMLCanvasElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const seen = useRef(true);
  const stale = useRef(false);
  // The size, measured when the box or the window resizes — never while drawing, which would force a layout of the
  // page in every frame for every chart.
  const measured = useRef<Size | null>(null);
  const measure = useCallback(() => {
    const el = box.current;
    const s = svg.current;
    if (el && s) measured.current = { width: Math.max(200, el.clientWidth), height: pixels(s, latest.current.height) };
  }, []);
  const draw = useCallback(() => {
    const s = svg.current;
    if (!s) return;
    if (!seen.current) {
      stale.current = true;
      return;
    }
    stale.current = false;
    lastDrawn.current = performance.now();
    setChartText(chartText());
    if (!measured.current) measure();
    const size = measured.current;
    if (!size) return;
    const p = latest.current;
    if (p.paint) {
      const u = under.current && prepareCanvas(under.current, size);
      const d = data.current && prepareCanvas(data.current, size);
      if (u && d) p.paint({ svg: s, under: u, data: d }, size);
    } else p.draw(s, size);
  }, [measure]);
  const lastDrawn = useRef(-Infinity);
  const waiting = useRef<ReturnType<typeof setTimeout> | null>(null);
  const schedule = useCallback(() => {
    const wait = lastDrawn.current + (latest.current.every ?? 0) - performance.now();
    if (wait <= 0) return drawNextFrame(draw);
    waiting.current ??= setTimeout(() => {
      waiting.current = null;
      drawNextFrame(draw);
    }, wait);
  }, [draw]);
  const resized = useCallback(() => {
    measured.current = null;
    schedule();
  }, [schedule]);
  useEffect(schedule, [schedule, version]);
  useEffect(resized, [resized, height]);
  const fills = height === 'fill';
  useEffect(() => {
    window.addEventListener('resize', resized);
    const ro = new ResizeObserver(resized);
    if (box.current) ro.observe(box.current);
    // A chart that fills the window moves when anything above it grows (a status line that appears): the page's
    // height changes then, and the chart measures again.
    if (fills) ro.observe(document.body);
    // Off screen (or folded away) a chart does not draw; it draws when it comes back if its data changed meanwhile.
    const io = new IntersectionObserver(
      (entries) => {
        seen.current = entries[entries.length - 1].isIntersecting;
        if (seen.current && stale.current) schedule();
      },
      { rootMargin: '200px' },
    );
    if (box.current) io.observe(box.current);
    return () => {
      window.removeEventListener('resize', resized);
      ro.disconnect();
      io.disconnect();
      cancelDraw(draw);
      if (waiting.current) clearTimeout(waiting.current);
    };
  }, [schedule, draw, resized, fills]);
  const layered = Boolean(props.paint);
  return (
    <figure className="chart" ref={box} data-chart={name} data-panel={panel}>
      <figcaption>
        <span className="chart-title" title={help}>
          {title}
        </span>
        {legend && legend.length > 0 && (
          <ul className="chart-legend" aria-label="Legend">
            {legend.map((item) => (
              <li key={item.label} title={item.help}>
                <Swatch item={item} />
                {item.label}
              </li>
            ))}
          </ul>
        )}
      </figcaption>
      <div className={layered ? 'chart-plot layered' : 'chart-plot'}>
        {layered && <canvas ref={under} className="chart-under" aria-hidden="true" />}
        {layered && <canvas ref={data} className="chart-data" aria-hidden="true" data-testid={`${name}-data`} />}
        <svg ref={svg} role="img" aria-label={title} />
      </div>
      {children}
    </figure>
  );
}
