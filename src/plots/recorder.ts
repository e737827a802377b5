/**
 * A stand-in 2D context for the charts' snapshot tests: it records every call and every style set, numbers rounded
 * to a tenth of a pixel, so that a change of a chart's drawing shows as a readable diff (Observable Plot tests its
 * charts the same way, from fixed inputs).
 */
import type { Paint } from './canvas';

const round = (v: number) => (Number.isFinite(v) ? String(Math.round(v * 10) / 10) : String(v));

export class PaintRecorder implements Paint {
  readonly calls: string[] = [];
  private styles: Record<string, unknown> = {};

  private set(name: string, v: unknown) {
    this.styles[name] = v;
    this.calls.push(`${name} = ${typeof v === 'number' ? round(v) : String(v)}`);
  }
  private call(name: string, ...args: number[]) {
    this.calls.push(`${name}(${args.map(round).join(', ')})`);
  }

  get strokeStyle() {
    return this.styles.strokeStyle as string;
  }
  set strokeStyle(v) {
    this.set('strokeStyle', v);
  }
  get fillStyle() {
    return this.styles.fillStyle as string;
  }
  set fillStyle(v) {
    this.set('fillStyle', v);
  }
  get lineWidth() {
    return this.styles.lineWidth as number;
  }
  set lineWidth(v) {
    this.set('lineWidth', v);
  }
  get globalAlpha() {
    return this.styles.globalAlpha as number;
  }
  set globalAlpha(v) {
    this.set('globalAlpha', v);
  }
  beginPath() {
    this.call('beginPath');
  }
  moveTo(x: number, y: number) {
    this.call('moveTo', x, y);
  }
  lineTo(x: number, y: number) {
    this.call('lineTo', x, y);
  }
  closePath() {
    this.call('closePath');
  }
  rect(x: number, y: number, w: number, h: number) {
    this.call('rect', x, y, w, h);
  }
  stroke() {
    this.call('stroke');
  }
  fill() {
    this.call('fill');
  }
  setLineDash(segments: number[]) {
    this.calls.push(`setLineDash([${segments.join(', ')}])`);
  }
  save() {
    this.call('save');
  }
  restore() {
    this.call('restore');
  }
  clearRect(x: number, y: number, w: number, h: number) {
    this.call('clearRect', x, y, w, h);
  }
}
