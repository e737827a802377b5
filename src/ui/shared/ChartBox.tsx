// A chart container: measures itself and redraws its SVG at most once per animation frame when data change; it can
// fill the window's height below it.
import { type ReactNode, useCallback, useEffect, useRef } from 'react';

import { setChartText, type Size } from '../../plots/frame';

interface Props {
  /** Names the chart for exports and tests (data-chart). */
  name: string;
  title: string;
  /** In pixels, or 'fill': down to the bottom of the window (presentation mode). */
  height: number | 'fill';
  /** The panel a lesson step can point at (data-panel), when the chart is one. */
  panel?: string;
  /** Redraws when this changes. */
  version: unknown;
  draw: (svg: SVGSVGElement, size: Size) => void;
  children?: ReactNode;
}

/** The drawing height: as given, or down to the window's bottom edge. */
function pixels(el: SVGSVGElement, h: number | 'fill'): number {
  return h === 'fill' ? Math.max(200, Math.floor(window.innerHeight - el.getBoundingClientRect().top - 24)) : h;
}

export function ChartBox({ name, panel, title, height, version, draw, children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const drawRef = useRef(draw);
  drawRef.current = draw;
  const heightRef = useRef(height);
  heightRef.current = height;
  const frame = useRef(0);
  const schedule = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      if (box.current && svg.current) {
        // Chart text follows the page's: 18 px in presentation mode (the root's type grows there), 11 px otherwise.
        setChartText(document.documentElement.classList.contains('presenting') ? 18 : 11);
        drawRef.current(svg.current, {
          width: Math.max(200, box.current.clientWidth),
          height: pixels(svg.current, heightRef.current),
        });
      }
    });
  }, []);
  useEffect(schedule, [schedule, version, height]);
  useEffect(() => {
    const ro = new ResizeObserver(schedule);
    if (box.current) ro.observe(box.current);
    return () => {
      ro.disconnect();
      cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [schedule]);
  return (
    <figure className="chart" ref={box} data-chart={name} data-panel={panel}>
      <figcaption title={title}>{title}</figcaption>
      <svg ref={svg} role="img" aria-label={title} />
      {children}
    </figure>
  );
}
