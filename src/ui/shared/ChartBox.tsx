// A chart container: measures itself and redraws its SVG at most once per animation frame when data change.
import { type ReactNode, useCallback, useEffect, useRef } from 'react';

import type { Size } from '../../plots/frame';

interface Props {
  /** Names the chart for exports and tests (data-chart). */
  name: string;
  title: string;
  height: number;
  /** The panel a lesson step can point at (data-panel), when the chart is one. */
  panel?: string;
  /** Redraws when this changes. */
  version: unknown;
  draw: (svg: SVGSVGElement, size: Size) => void;
  children?: ReactNode;
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
      if (box.current && svg.current)
        drawRef.current(svg.current, { width: Math.max(200, box.current.clientWidth), height: heightRef.current });
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
      <figcaption>{title}</figcaption>
      <svg ref={svg} role="img" aria-label={title} />
      {children}
    </figure>
  );
}
