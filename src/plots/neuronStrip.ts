/** Plot 4: which neurons each subnetwork holds in the current round (rows: subnetworks; columns: neurons). */
import * as d3 from 'd3';

import type { Size } from './frame';

export const STRIP_NEURONS = 128;

export function drawNeuronStrip(svg: SVGSVGElement, masks: Float32Array | null, p: number, size: Size): void {
  const root = d3
    .select(svg)
    .attr('viewBox', `0 0 ${size.width} ${size.height}`)
    .attr('width', size.width)
    .attr('height', size.height);
  root.selectAll('*').remove();
  if (!masks || p < 1) return;
  const m = masks.length / p;
  const cols = Math.min(m, STRIP_NEURONS);
  const left = 36;
  const cw = (size.width - left - 4) / cols;
  const rh = Math.min(18, Math.max(12, (size.height - 4) / p));
  for (let l = 0; l < p; l++) {
    // Alternate rows on a faint stripe, so that a sparse row (IST with many subnetworks) is still read as a row.
    if (l % 2 === 0)
      root
        .append('rect')
        .attr('class', 'strip-row')
        .attr('x', left)
        .attr('y', l * rh)
        .attr('width', size.width - left - 4)
        .attr('height', rh);
    root
      .append('text')
      .attr('class', 'axis-label')
      .attr('x', 2)
      .attr('y', l * rh + rh * 0.75)
      .text(`l=${l + 1}`);
    const row = root.append('g');
    for (let r = 0; r < cols; r++)
      if (masks[l * m + r] === 1)
        row
          .append('rect')
          .attr('class', 'held')
          .attr('x', left + r * cw)
          .attr('y', l * rh + 1)
          .attr('width', Math.max(1, cw - 0.5))
          .attr('height', rh - 2);
  }
}
