/**
 * The canvas layers of a chart: dense series are painted on a canvas (D3 keeps the scales and the shapes — d3-shape
 * draws to a canvas context), the axes, labels and the few marks that need the DOM stay SVG. `Paint` is the part of
 * a 2D context the charts use, so that a test can record the calls (plots/recorder.ts).
 */
import type { Columns } from './columns';
import type { Scale, Size } from './frame';

export interface Paint {
  strokeStyle: string | CanvasGradient | CanvasPattern;
  fillStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  globalAlpha: number;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  rect(x: number, y: number, w: number, h: number): void;
  stroke(): void;
  fill(): void;
  setLineDash(segments: number[]): void;
  save(): void;
  restore(): void;
  clearRect(x: number, y: number, w: number, h: number): void;
}

/** A chart's painting surfaces: the layer under the data (bands, predictions) and the data layer (measured series). */
export interface Layers {
  svg: SVGSVGElement;
  under: Paint;
  data: Paint;
}

export interface Stroke {
  colour: string;
  width?: number;
  dash?: number[];
  alpha?: number;
}

/** Sizes a canvas for its CSS size at the device's pixel ratio, clears it, and returns its context in CSS pixels. */
export function prepareCanvas(canvas: HTMLCanvasElement, size: Size): CanvasRenderingContext2D | null {
  const ratio = globalThis.devicePixelRatio || 1;
  const w = Math.round(size.width * ratio);
  const h = Math.round(size.height * ratio);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  canvas.style.width = `${size.width}px`;
  canvas.style.height = `${size.height}px`;
  const ctx = canvas.getContext('2d', { desynchronized: true });
  if (!ctx) return null;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, size.width, size.height);
  return ctx;
}

function begin(p: Paint, s: Stroke): void {
  p.strokeStyle = s.colour;
  p.lineWidth = s.width ?? 1.5;
  p.globalAlpha = s.alpha ?? 1;
  p.setLineDash(s.dash ?? []);
  p.beginPath();
}

/** Where a value lands on a scale, or NaN where the scale cannot place it. */
const at = (scale: Scale, v: number) => {
  const p = scale(v);
  return Number.isFinite(p) ? p : NaN;
};

/**
 * A summarized series as one line: through each bin's first point, down and up its range (a vertical stroke where the
 * bin holds several rows), to its last point; bins outside [x0, x1] and values a scale cannot place break the line.
 */
export function paintColumns(
  p: Paint,
  c: Columns,
  x: Scale,
  y: Scale,
  s: Stroke,
  [x0, x1]: [number, number] = [-Infinity, Infinity],
): void {
  begin(p, s);
  // A lone point (one measurement, or one between gaps) is drawn as a short dash, so that it shows.
  let points = 0;
  let last: [number, number] = [0, 0];
  const close = () => {
    if (points === 1) p.lineTo(last[0] + 2, last[1]);
    points = 0;
  };
  const to = (px: number, py: number) => {
    if (!Number.isFinite(px) || !Number.isFinite(py)) {
      close();
      return;
    }
    if (points) p.lineTo(px, py);
    else p.moveTo(px, py);
    points++;
    last = [px, py];
  };
  for (let b = 0; b < c.size; b++) {
    if (Number.isNaN(c.lo[b]) || c.xLast[b] < x0 || c.xFirst[b] > x1) continue;
    const xa = at(x, c.xFirst[b]);
    const xb = at(x, c.xLast[b]);
    to(xa, at(y, c.yFirst[b]));
    if (c.xFirst[b] !== c.xLast[b]) {
      const mid = (xa + xb) / 2;
      to(mid, at(y, c.hi[b]));
      to(mid, at(y, c.lo[b]));
      to(xb, at(y, c.yLast[b]));
    }
  }
  close();
  p.stroke();
}

/** A polyline through (x, y) pairs; points a scale cannot place (or NaN values) break it. */
export function paintLine(p: Paint, xs: ArrayLike<number>, ys: ArrayLike<number>, x: Scale, y: Scale, s: Stroke) {
  begin(p, s);
  let open = false;
  for (let i = 0; i < xs.length; i++) {
    const px = at(x, xs[i]);
    const py = Number.isNaN(ys[i]) ? NaN : at(y, ys[i]);
    if (!Number.isFinite(px) || !Number.isFinite(py)) {
      open = false;
      continue;
    }
    if (open) p.lineTo(px, py);
    else p.moveTo(px, py);
    open = true;
  }
  p.stroke();
}

/**
 * The area under a step function down to the axis's bottom: each value held from its x to the next one's (the last
 * held to `end`). Steps come from a summary's bins, their highest value each (the band's top never hides a peak).
 */
export function paintStepsArea(p: Paint, c: Columns, x: Scale, y: Scale, end: number, fill: string, alpha = 1): void {
  const bottom = Math.max(...(y.range() as number[]));
  p.fillStyle = fill;
  p.globalAlpha = alpha;
  p.beginPath();
  let started = false;
  let lastY = bottom;
  const step = (kx: number, v: number) => {
    const px = at(x, kx);
    const py = Math.min(bottom, at(y, v));
    if (!Number.isFinite(px) || !Number.isFinite(py)) return;
    if (!started) {
      p.moveTo(px, bottom);
      started = true;
    }
    p.lineTo(px, lastY);
    p.lineTo(px, py);
    lastY = py;
  };
  for (let b = 0; b < c.size; b++) if (!Number.isNaN(c.hi[b]) && c.hi[b] > 0) step(c.xFirst[b], c.hi[b]);
  if (started) {
    const pe = at(x, end);
    p.lineTo(pe, lastY);
    p.lineTo(pe, bottom);
    p.closePath();
    p.fill();
  }
  p.globalAlpha = 1;
}

/** A filled rectangle between two pixel corners. */
export function paintRect(p: Paint, x0: number, y0: number, x1: number, y1: number, fill: string, alpha = 1): void {
  p.fillStyle = fill;
  p.globalAlpha = alpha;
  p.beginPath();
  p.rect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
  p.fill();
  p.globalAlpha = 1;
}

/**
 * A band between two summaries of series measured at the same rows (the subnetworks' lowest and highest λ_min): along
 * the upper one's highest values and back along the lower one's lowest, each scaled by `k`.
 */
export function paintBand(p: Paint, lower: Columns, upper: Columns, k: number, x: Scale, y: Scale, fill: string) {
  const top: [number, number][] = [];
  const bottom: [number, number][] = [];
  for (let b = 0; b < Math.min(lower.size, upper.size); b++) {
    if (Number.isNaN(lower.lo[b]) || Number.isNaN(upper.hi[b])) continue;
    top.push([at(x, (upper.xFirst[b] + upper.xLast[b]) / 2), at(y, k * upper.hi[b])]);
    bottom.push([at(x, (lower.xFirst[b] + lower.xLast[b]) / 2), at(y, k * lower.lo[b])]);
  }
  const ring = [...top, ...bottom.reverse()].filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b));
  if (ring.length < 2) return;
  p.fillStyle = fill;
  p.globalAlpha = 1;
  p.beginPath();
  ring.forEach(([a, b], i) => (i ? p.lineTo(a, b) : p.moveTo(a, b)));
  p.closePath();
  p.fill();
}
