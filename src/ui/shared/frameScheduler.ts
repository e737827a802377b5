/**
 * One redraw per animation frame for all the charts: a chart whose data changed asks for a frame, and every chart
 * that asked is drawn in the same frame — none more than once, whatever the number of changes between frames.
 */
const waiting = new Set<() => void>();
let frame = 0;

function flush(): void {
  frame = 0;
  const due = [...waiting];
  waiting.clear();
  for (const draw of due) draw();
}

/** Draws `draw` at the next animation frame (once, however often it is asked for before then). */
export function drawNextFrame(draw: () => void): void {
  waiting.add(draw);
  if (!frame) frame = requestAnimationFrame(flush);
}

/** Forgets a pending draw (its chart is gone). */
export function cancelDraw(draw: () => void): void {
  waiting.delete(draw);
}
