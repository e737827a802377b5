// The regimes view in real Chromium: a link opens it and draws every regime curve, a small phase diagram runs to the
// end with its CSV (hatched cells where m·d < n), a large one is cancelled or refused; the ω₂/ω₁ factor moves the
// lazy-training diagnostics in Song et al.'s setting; axe finds no serious violations.
import { readFileSync } from 'node:fs';

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { openRun } from './helpers';

const REGIMES = ['du', 'paper', 'mReq', 'oymak', 'song', 'counting'];

async function openRegimes(page: Page, query: string): Promise<void> {
  await page.goto(`/?view=regimes&backend=wasm&${query}`);
  await expect(page.getByTestId('curves-status')).toHaveText(/^Curves from λ_0\(n\)/, { timeout: 60_000 });
}

test('a regimes link draws every regime\u2019s curve and the widths at the current n', async ({ page }) => {
  await openRegimes(page, 'n=16&d=6&m=512');
  await expect(page.getByRole('button', { name: 'Width regimes' })).toHaveAttribute('aria-current', 'page');
  for (const key of REGIMES) {
    const length = await page
      .locator(`[data-chart="regimes"] path[data-regime="${key}"]`)
      .evaluate((p: SVGPathElement) => p.getTotalLength());
    expect(length, key).toBeGreaterThan(50);
  }
  const table = page.getByTestId('widths-now');
  await expect(table).toContainText('n = 16');
  await expect(table).toContainText('counting bound: n/d2.67m is above');
});

test('a small phase diagram runs to the end; its CSV has a row per cell; cells with m·d < n are hatched', async ({
  page,
}) => {
  await openRegimes(page, 'n=16&d=6&ns=8,16&ms=1,16,128&seeds=2&rounds=300&setting=lazy');
  await page.getByRole('button', { name: 'Run phase diagram' }).click();
  await expect(page.locator('.sweep-progress output')).toHaveText(/^2 \/ 2 rows of n · done$/, { timeout: 120_000 });
  await expect(page.locator('[data-chart="phase"] rect[data-value]')).toHaveCount(6);
  await expect(page.locator('[data-chart="phase"] rect[data-fewer]')).toHaveCount(2);
  await expect(page.locator('[data-chart="phase"] rect[data-cell="n=8 m=128"]')).toHaveAttribute('data-value', '1');
  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Phase CSV' }).click();
  const csv = readFileSync(await (await saved).path(), 'utf8')
    .trim()
    .split('\n');
  expect(csv[0]).toBe('n,m,seeds,success,medianRatio,maxMove,flipFrac,ntkShift,rounds');
  expect(csv.slice(1).map((l) => l.split(',').slice(0, 2).join('/'))).toEqual([
    '8/1',
    '8/16',
    '8/128',
    '16/1',
    '16/16',
    '16/128',
  ]);
  await page.getByLabel('heatmap shows').selectOption('ntk');
  await expect(page).toHaveURL(/show=ntk/);
  expect(
    await new AxeBuilder({ page })
      .analyze()
      .then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)),
  ).toEqual([]);
});

test('a long phase diagram is cancelled at once; one too slow to be useful is refused with its estimate', async ({
  page,
}) => {
  await openRegimes(page, 'n=16&d=8&ns=8,16,32,64&ms=1,4,16,64,256,1024&seeds=3&rounds=5000');
  await page.getByRole('button', { name: 'Run phase diagram' }).click();
  await expect(page.locator('.sweep-progress output')).toHaveText(/^0 \/ 4 rows of n/);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('.sweep-progress output')).toHaveText(/cancelled$/);
  await page.getByLabel('widths m').fill('64,1024,16384');
  await page.getByLabel('samples n').fill('1024,2048');
  await page.getByRole('button', { name: 'Run phase diagram' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    /^This grid needs about [\d.]+·10¹² operations .*(largest grid that fits|No width fits)/,
  );
});

test('in Song et al.\u2019s setting, a larger ω₂/ω₁ factor moves the neurons further, flips more signs and moves the NTK more', async ({
  page,
}) => {
  const shifts: number[] = [];
  for (const ratio of [0.1, 10]) {
    await openRun(page, `?backend=wasm&scheme=gd&act=gelu&layers=both&init=lecun&ratio=${ratio}&m=256&n=16&d=8&seed=2`);
    await expect(page.getByTestId('not-lazy')).toContainText(
      'GELU activation, both layers trained, LeCun initialization',
    );
    await page.evaluate(() => window.subnetLab.step(200));
    const m = await page.evaluate(() => window.subnetLab.metrics());
    const last = (v: number[]) => v.filter(Number.isFinite).at(-1) as number;
    shifts.push(last(m.ntkShift));
    await page.locator('[data-chart="laziness"]').scrollIntoViewIfNeeded();
    await expect(page.locator('[data-chart="moves"] rect.bar').first()).toBeVisible();
    expect(
      await page
        .locator('[data-chart="laziness"] path[data-series="ntkShift"]')
        .evaluate((p: SVGPathElement) => p.getTotalLength()),
    ).toBeGreaterThan(20);
  }
  expect(shifts[1]).toBeGreaterThan(20 * shifts[0]);
  await expect(page.locator('[data-chart="error"] .chart-plot svg')).toHaveAttribute('data-predicted', '0');
});
