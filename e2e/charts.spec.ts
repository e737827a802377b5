// The canvas charts draw what the data hold: the error plot's data layer, read back pixel by pixel, reaches exactly
// the lowest and highest error of the run (within its line's width), long after the decimation has merged rounds.
import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { openRun } from './helpers';

/** The values at the highest and lowest painted pixel of the error plot's data layer. */
async function paintedExtremes(page: Page): Promise<[number, number]> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-chart="error"] canvas.chart-data');
    const svg = document.querySelector('[data-chart="error"] .chart-plot svg');
    if (!canvas || !svg) throw new Error('no error plot');
    const [lo, hi, bottom, top] = (svg.getAttribute('data-y-scale') ?? '').split(',').map(Number);
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const ratio = canvas.width / canvas.clientWidth;
    let first = -1;
    let last = -1;
    for (let row = 0; row < height; row++)
      for (let col = 0; col < width; col++)
        if (data[4 * (row * width + col) + 3] > 60) {
          if (first < 0) first = row;
          last = row;
          break;
        }
    const value = (px: number) =>
      10 ** (Math.log10(lo) + ((bottom - px / ratio) / (bottom - top)) * (Math.log10(hi) - Math.log10(lo)));
    return [value(last), value(first)];
  });
}

test('the error plot paints the run’s lowest and highest error, read back from its data layer', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openRun(page, '?backend=wasm&scheme=dropout&xi=0.5&m=256&n=16&d=8&seed=4');
  // Far more rounds than the plot has pixel columns: bins hold many rounds each.
  await page.evaluate(() => window.subnetLab.step(3000));
  await page.waitForTimeout(500);
  const err = (await page.evaluate(() => window.subnetLab.metrics().err)).filter((v) => v > 0);
  const [min, max] = [Math.min(...err), Math.max(...err)];
  const [low, high] = await paintedExtremes(page);
  // Within about two pixels (the line's width and its antialiasing) on a log axis of a few decades.
  const px = await page.evaluate(() => {
    const [lo, hi, bottom, top] = (
      document.querySelector('[data-chart="error"] .chart-plot svg')?.getAttribute('data-y-scale') ?? ''
    )
      .split(',')
      .map(Number);
    return (Math.log10(hi) - Math.log10(lo)) / (bottom - top);
  });
  expect(Math.abs(Math.log10(low) - Math.log10(min))).toBeLessThan(2.5 * px);
  expect(Math.abs(Math.log10(high) - Math.log10(max))).toBeLessThan(2.5 * px);
});
