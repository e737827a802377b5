// Compare: a comparison link reproduces all its runs, which share data and initialization; the preset opens one.
import { readFileSync } from 'node:fs';

import { expect, test } from './fixtures';
import { openRun } from './helpers';

const LINK = '?backend=wasm&scheme=gd&m=256&n=16&d=8&seed=11&compare=dropout:xi=0.5,msdropout:xi=0.5:p=4,ist:p=4';

async function stepAll(page: import('@playwright/test').Page, k: number): Promise<number[][]> {
  await page.evaluate((n) => window.subnetLab.step(n), k);
  return page.evaluate(() => [window.subnetLab.metrics().err, ...window.subnetLab.compareMetrics().map((h) => h.err)]);
}

test('a comparison link reproduces its four runs, which start from the same data and initialization', async ({
  page,
  context,
}) => {
  await openRun(page, LINK);
  expect(await page.evaluate(() => window.subnetLab.messages())).toEqual([]);
  expect(await page.evaluate(() => window.subnetLab.compare().map((c) => `${c.scheme} ${c.p} ${c.xi}`))).toEqual([
    'dropout 1 0.5',
    'msdropout 4 0.5',
    'ist 4 0.25',
  ]);
  const first = await stepAll(page, 12);
  expect(first).toHaveLength(4);
  for (const err of first) {
    expect(err).toHaveLength(13);
    expect(err[0]).toBe(first[0][0]);
    expect(err[12]).toBeLessThan(err[0]);
  }
  expect(new Set(first.map((e) => e[12])).size).toBe(4);
  await expect(page.locator('[data-chart="error"] .chart-legend li').first()).toHaveText('Full GD');
  expect((await page.locator('[data-chart="error"] .chart-legend li').allTextContents()).slice(0, 4)).toEqual([
    'Full GD',
    'Dropout ξ=0.5',
    'Multi-sample dropout ξ=0.5 p=4',
    'IST p=4 τ=1',
  ]);
  // The theory panel sets the runs side by side: full GD predicts no neighbourhood, dropout one above zero.
  const radii = page.locator('[data-testid="compare-numbers"] tbody tr td:nth-of-type(3)');
  await expect(radii).toHaveCount(4);
  expect(await radii.nth(0).textContent()).toBe('0');
  expect(Number(await radii.nth(1).textContent())).toBeGreaterThan(0);
  const saved = page.waitForEvent('download');
  await page.getByText('Export and import').click();
  await page.getByRole('button', { name: 'Comparison CSV' }).click();
  const csv = readFileSync(await (await saved).path(), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
  expect(csv).toHaveLength(4 * 13);
  expect(csv.map((r) => Number(r[3]))).toEqual(first.flat());
  const url = page.url();
  expect(url).toContain('compare=dropout:xi=0.5,msdropout:xi=0.5:p=4,ist:p=4');
  const other = await context.newPage();
  await openRun(other, url.slice(url.indexOf('?')));
  expect(await stepAll(other, 12)).toEqual(first);
});

test('the "Dropout vs IST" preset opens a comparison in one click; a compared run can be changed (all restart) and removed', async ({
  page,
}) => {
  await openRun(page, '?backend=wasm&m=128&n=12&d=6');
  await page.getByRole('button', { name: 'Dropout vs IST' }).click();
  await expect(page).toHaveURL(/scheme=dropout.*xi=0\.5.*compare=ist:p=2(&|$)/);
  await page.waitForFunction(() => window.subnetLab.status() === 'ready' && window.subnetLab.compare().length === 1);
  const err = await stepAll(page, 5);
  expect(err[1][0]).toBe(err[0][0]);
  await page.getByLabel('run 2 p', { exact: true }).selectOption('3');
  await expect(page).toHaveURL(/compare=ist:p=3(&|$)/);
  await page.waitForFunction(
    () => window.subnetLab.status() === 'ready' && window.subnetLab.compare()[0]?.xi === 1 / 3,
  );
  expect(await page.evaluate(() => window.subnetLab.metrics().round.length)).toBe(1);
  await page.getByRole('button', { name: /Remove run 2/ }).click();
  await expect(page).not.toHaveURL(/compare=/);
  await page.waitForFunction(() => window.subnetLab.status() === 'ready' && window.subnetLab.compare().length === 0);
});

test('a bad comparison link says what it changed, in words', async ({ page }) => {
  await openRun(page, '?backend=wasm&m=64&n=8&d=4&compare=ist:p=2:m=9,<img src=x>,gd,gd');
  const messages = await page.evaluate(() => window.subnetLab.messages());
  expect(messages.some((m) => /at most 4 runs/.test(m))).toBe(true);
  expect(messages.some((m) => m.startsWith('compared run 2: "m=9"'))).toBe(true);
  expect(messages.some((m) => m.startsWith('compared run 3: scheme = "<img src=x>"'))).toBe(true);
  await expect(page.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => window.subnetLab.compare().length)).toBe(3);
});
