// The AltMin view in real Chromium: a link opens it and runs both methods (lines drawn, rates shown), a control
// changes the link, a small phase transition runs to the end with its CSV, a large one is cancelled, corrections
// are listed, and axe finds no serious violations.
import { readFileSync } from 'node:fs';

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';

async function openAltMin(page: Page, query: string): Promise<void> {
  await page.goto(`/?view=altmin&${query}`);
  await expect(page.getByTestId('altmin-rates')).toBeVisible({ timeout: 60_000 });
}

const pathLength = (page: Page, chart: string) =>
  page.locator(`[data-chart="${chart}"] path[data-series="dist"]`).evaluate((p: SVGPathElement) => p.getTotalLength());

test('a link opens the AltMin view and runs AltMin and GD from the same start: both lines drawn, rates fitted', async ({
  page,
}) => {
  await openAltMin(page, 'model=skip&d=8&n=400&seed=2&gdIters=300');
  await expect(page.getByRole('button', { name: 'AltMin' })).toHaveAttribute('aria-current', 'page');
  expect(await pathLength(page, 'altmin-altmin')).toBeGreaterThan(50);
  expect(await pathLength(page, 'altmin-gd')).toBeGreaterThan(50);
  const rates = page.getByTestId('altmin-rates');
  await expect(rates).toContainText(/Alternating minimization: ρ = 0\.\d+ per iteration/);
  await expect(rates).toContainText(/Gradient descent: ρ = 0\.9\d+ per iteration/);
  await expect(rates).toContainText('stopped: W* recovered to float64 rounding');
  await expect(page.getByTestId('altmin-numbers')).toContainText('unknowns dk64');
  // A control re-runs both methods and lands in the link.
  await page.getByLabel('seed').fill('5');
  await expect(page).toHaveURL(/[?&]seed=5(&|$)/);
  await expect(page).toHaveURL(/^[^#]*\?view=altmin&model=skip&d=8&k=8&n=400/);
  await expect(page.getByTestId('altmin-status')).toHaveText(/Both runs took/, { timeout: 60_000 });
});

test('a small phase transition runs to the end; its CSV has a row per n, method and start', async ({ page }) => {
  await openAltMin(page, 'model=skip&d=6&gamma=1&n=100&gdIters=200&seed=4');
  await page.getByLabel('values of n').fill('20,300');
  await page.getByLabel('trials per n').fill('2');
  await page.getByRole('button', { name: 'Run phase transition' }).click();
  await expect(page.locator('.sweep-progress output')).toHaveText(/^4 \/ 4 trials · done$/, { timeout: 120_000 });
  await expect(page).toHaveURL(/ns=20,300&trials=2/);
  await expect(page.locator('[data-chart="altmin-phase"] circle[data-n]')).toHaveCount(8);
  await expect(
    page.locator('[data-chart="altmin-phase"] circle[data-series="AltMin, identity start"][data-n="300"]'),
  ).toHaveAttribute('data-fraction', '1');
  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Phase CSV' }).click();
  const csv = readFileSync(await (await saved).path(), 'utf8')
    .trim()
    .split('\n');
  expect(csv[0]).toBe('n,method,start,recovered,trials');
  expect(csv.slice(1).map((l) => l.split(',').slice(0, 3).join(' '))).toEqual([
    '20 altmin identity',
    '20 altmin random',
    '20 gd identity',
    '20 gd random',
    '300 altmin identity',
    '300 altmin random',
    '300 gd identity',
    '300 gd random',
  ]);
  expect(csv.slice(1).every((l) => l.endsWith(',2'))).toBe(true);
  expect(
    await new AxeBuilder({ page })
      .analyze()
      .then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)),
  ).toEqual([]);
});

test('cancel stops the paper-sized phase transition at once; the finished trials stay', async ({ page }) => {
  await openAltMin(page, 'n=700');
  await page.getByRole('button', { name: 'Run phase transition' }).click();
  const done = () => page.locator('.sweep-progress progress').evaluate((p: HTMLProgressElement) => p.value);
  await expect(page.locator('.sweep-progress output')).toHaveText(/^\d+ \/ 40 trials/);
  await expect.poll(done, { timeout: 90_000 }).toBeGreaterThanOrEqual(1);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('.sweep-progress output')).toHaveText(/cancelled$/);
  const kept = await done();
  expect(kept).toBeLessThan(40);
  await page.waitForTimeout(1500);
  expect(await done()).toBe(kept);
});

test('an AltMin link with bad values opens with the corrections listed in words', async ({ page }) => {
  await page.goto('/?view=altmin&model=skip&d=9&k=3&start=<b>x</b>&n=abc');
  const notes = page.getByTestId('link-messages');
  await expect(notes).toContainText('The skip model has k = d = 9 neurons; k = 3 was replaced.');
  await expect(notes).toContainText('start = "<b>x</b>" is not one of identity, near, random');
  await expect(notes).toContainText('n = "abc" is not a whole number');
  await expect(page.locator('b')).toHaveCount(0);
  await expect(page.getByTestId('altmin-rates')).toBeVisible({ timeout: 60_000 });
});
