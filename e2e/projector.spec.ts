// A projector at the back of a room (1280×720, presentation mode), in every view, with and without a lesson: the
// view's main plot and its controls on the first screen with no scrolling, every text on screen at least 18 px (the
// charts' too), legends beside the data rather than on it, the lesson one line that opens on request; and an embed
// made for slides (embed=1&present=1) that fits a 960×600 frame the same way. Axe-clean.
import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { boxOf, openRun, seriousViolations, smallText } from './helpers';

const VIEWS = {
  train: {
    query: '',
    main: '[data-chart="error"] .chart-plot svg',
    controls: '[data-testid="control-bar"]',
    lesson: 'schemes&step=3',
  },
  regimes: {
    query: '&view=regimes',
    main: '[data-chart="regimes"] .chart-plot svg',
    controls: 'aside.controls',
    lesson: 'regimes&step=2',
  },
  altmin: {
    query: '&view=altmin',
    main: '[data-chart="altmin-gd"] .chart-plot svg',
    controls: 'aside.controls',
    lesson: 'altmin&step=1',
  },
} as const;

/** The main plot and the controls lie wholly inside the window as the page opens, and no text is under 18 px. */
async function fitsTheScreen(page: Page, main: string, controls: string, height: number): Promise<void> {
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  for (const sel of [main, controls]) {
    const b = await boxOf(page, sel);
    expect(b.top, `${sel} top`).toBeGreaterThanOrEqual(0);
    expect(b.bottom, `${sel} bottom`).toBeLessThanOrEqual(height);
  }
  expect(await smallText(page)).toEqual([]);
  // Every legend sits above its chart's plot, never on the data.
  const overlaps = await page.evaluate(() =>
    [...document.querySelectorAll('.chart')].flatMap((c) => {
      const legend = c.querySelector('.chart-legend')?.getBoundingClientRect();
      const plot = c.querySelector('.chart-plot')?.getBoundingClientRect();
      return legend && plot && legend.bottom > plot.top + 1 ? [c.getAttribute('data-chart')] : [];
    }),
  );
  expect(overlaps).toEqual([]);
}

for (const [view, v] of Object.entries(VIEWS))
  for (const withLesson of [false, true])
    test(`1280×720, presentation, ${view} view${withLesson ? ' with a lesson open' : ''}: plot and controls on the first screen, no text under 18 px`, async ({
      page,
    }, info) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await openRun(page, `?backend=wasm&present=1${v.query}${withLesson ? `&lesson=${v.lesson}` : ''}`);
      if (view === 'train') await page.evaluate(() => window.subnetLab.step(200));
      if (view === 'altmin') await expect(page.getByTestId('altmin-rates')).toBeVisible({ timeout: 60_000 });
      if (view === 'regimes')
        await expect(page.getByTestId('curves-status')).toHaveText(/^Curves/, { timeout: 60_000 });
      await page.waitForTimeout(500);
      if (withLesson) {
        // One line; its step opens over the view on request, and folds again.
        const bar = await boxOf(page, '.lesson-bar');
        expect(bar.bottom - bar.top).toBeLessThan(60);
        await expect(page.locator('.lesson-body')).toHaveCount(0);
      }
      await fitsTheScreen(page, v.main, v.controls, 720);
      await page.screenshot({ path: info.outputPath(`present-${view}${withLesson ? '-lesson' : ''}.png`) });
      if (withLesson) {
        await page.getByRole('button', { name: 'Show step' }).click();
        await expect(page.locator('.lesson-body')).toBeVisible();
        expect(await smallText(page)).toEqual([]);
        await page.getByRole('button', { name: 'Hide' }).click();
        await expect(page.locator('.lesson-body')).toHaveCount(0);
      }
      // Further down the page (the theory) the type stays as large.
      await page.evaluate(() => window.scrollBy(0, innerHeight));
      await page.waitForTimeout(300);
      expect(await smallText(page)).toEqual([]);
      await page.evaluate(() => window.scrollTo(0, 0));
      expect(await seriousViolations(page)).toEqual([]);
    });

test('the Width regimes plot fits the curves that matter; the astronomical widths are clipped with their range named', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openRun(page, '?backend=wasm&present=1&view=regimes');
  await expect(page.getByTestId('curves-status')).toHaveText(/^Curves/, { timeout: 60_000 });
  const ticks = await page.locator('[data-chart="regimes"] .axis').nth(1).locator('text').allTextContents();
  expect(Number(ticks.at(-1))).toBeLessThanOrEqual(1e8);
  await expect(page.locator('[data-chart="regimes"] .clipped[data-regime="du"] title')).toHaveText(/above this plot$/);
  await expect(page.locator('[data-chart="regimes"] .chart-legend')).toContainText(/Du et al\. 2019: \de\d+–\de\d+ ↑/);
});

test('an embed for slides (embed=1&present=1) fits a 960×600 frame: no scroll, no text under 18 px', async ({
  page,
}, info) => {
  await page.setViewportSize({ width: 960, height: 600 });
  await openRun(page, '?backend=wasm&m=256&scheme=ist&p=4&embed=1&present=1&panels=error&controls=play,p,tau');
  await page.evaluate(() => window.subnetLab.step(100));
  await page.waitForTimeout(500);
  const [sh, ih, sw, iw] = await page.evaluate(() => [
    document.documentElement.scrollHeight,
    innerHeight,
    document.documentElement.scrollWidth,
    innerWidth,
  ]);
  expect(sh).toBeLessThanOrEqual(ih);
  expect(sw).toBeLessThanOrEqual(iw);
  await fitsTheScreen(page, '[data-chart="error"] .chart-plot svg', '[data-testid="control-bar"]', 600);
  await page.screenshot({ path: info.outputPath('embed-present-960x600.png') });
  expect(await seriousViolations(page)).toEqual([]);
});
