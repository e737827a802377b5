// Sweeps in the app: a 3 × 3 p × ξ sweep finishes with 9 cells and a 9-row CSV (cells still falling at its cap hatched);
// each cell trains to its own predicted plateau; cancel stops a long one and keeps the finished cells.
import { readFileSync } from 'node:fs';

import type { Page } from '@playwright/test';

import { parseConfig } from '../src/core/masked/config';
import { makeProblem } from '../src/core/masked/problem';
import { radiusLazy } from '../src/core/masked/theory';
import { relErr } from '../src/core/math/testing';
import { expect, test } from './fixtures';
import { openRun } from './helpers';

async function openSweeps(page: Page): Promise<void> {
  await page.getByText('Sweeps — the paper’s Figure 2, live').click();
}

const doneCount = (page: Page) =>
  page.locator('.sweep-progress progress').evaluate((p: HTMLProgressElement) => p.value);

test('a 3 × 3 sweep at τ = 2 finishes in the app; its CSV has 9 rows with the grid values and R_lazy of each cell', async ({
  page,
}) => {
  const link = 'm=64&n=8&d=4&seed=3&kappa=1';
  await openRun(page, `?backend=wasm&${link}`);
  await openSweeps(page);
  await page.getByLabel('values of subnetworks p').fill('1,2,4');
  await page.getByLabel('values of mask probability ξ').fill('0.5,0.8,1');
  await page.getByLabel('τ for every cell').fill('2');
  await page.getByLabel('at most rounds per cell').fill('60');
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await expect(page.locator('.sweep-progress output')).toHaveText(/^9 \/ 9 cells · done$/, { timeout: 120_000 });
  await expect(page.locator('[data-chart="sweep"] rect[data-converged]')).toHaveCount(9);
  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Sweep CSV' }).click();
  const csv = readFileSync(await (await saved).path(), 'utf8')
    .trim()
    .split('\n');
  expect(csv[0]).toBe('p,xi,converged,settled,radius,rounds');
  const rows = csv.slice(1).map((l) => l.split(','));
  expect(rows).toHaveLength(9);
  expect(rows.map((r) => `${r[0]}/${r[1]}`)).toEqual([
    '1/0.5',
    '1/0.8',
    '1/1',
    '2/0.5',
    '2/0.8',
    '2/1',
    '4/0.5',
    '4/0.8',
    '4/1',
  ]);
  for (const [p, xi, converged, , radius, rounds] of rows) {
    expect(Number(converged)).toBeGreaterThan(0);
    expect(rounds).toBe('60');
    const problem = makeProblem(parseConfig(`${link}&scheme=custom&mask=bernoulli&tau=2&p=${p}&xi=${xi}`).config);
    // float64 in both; the browser's and Node's Math.acos may differ in the last bit.
    expect(relErr(Number(radius), radiusLazy(problem.spectrum, problem.scheme))).toBeLessThan(1e-12);
  }
  // ξ = 1 is full GD (two steps a round) whatever p: its converged error is below that of dropout with ξ = 0.5 and one subnetwork.
  expect(Number(rows[2][2])).toBeLessThan(Number(rows[0][2]));
  // A cap of 60 rounds is below every cell's predicted time to its plateau: each is drawn hatched, with the reason.
  await expect(page.locator('[data-chart="sweep"] rect.falling')).toHaveCount(9);
  await expect(page.locator('[data-chart="sweep"] rect.cell title').first()).toHaveText(
    /after 60 rounds, still falling: its prediction reaches its plateau after \d+ rounds, beyond the cap/,
  );
  await expect(page.getByTestId('sweep-settled')).toHaveText(
    /^0 of 9 finished cells reached their plateau\. 9 are still falling at the cap \(hatched\)/,
  );
});

test('each cell trains to its own predicted plateau: rounds differ from cell to cell, and the heatmap says how many got there', async ({
  page,
}) => {
  await openRun(page, '?backend=wasm&m=64&n=8&d=4&seed=3');
  await openSweeps(page);
  await page.getByLabel('values of subnetworks p').fill('1,4');
  await page.getByLabel('values of mask probability ξ').fill('0.5,1');
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await expect(page.locator('.sweep-progress output')).toHaveText(/^4 \/ 4 cells · done$/, { timeout: 120_000 });
  await expect(page.getByTestId('sweep-settled')).toHaveText(/^4 of 4 finished cells reached their plateau/);
  await expect(page.locator('[data-chart="sweep"] rect.falling')).toHaveCount(0);
  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Sweep CSV' }).click();
  const rounds = readFileSync(await (await saved).path(), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => Number(l.split(',')[5]));
  expect(rounds.every((r) => r >= 200 && r <= 3000)).toBe(true);
  expect(new Set(rounds).size).toBeGreaterThan(1);
});

test('cancel stops a long sweep at once; the finished cells stay and the live run goes on', async ({ page }) => {
  await openRun(page, '?backend=wasm&m=512&n=16&d=8');
  await openSweeps(page);
  await page.getByLabel('rounds per cell').fill('400');
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await expect(page.locator('.sweep-progress output')).toHaveText(/^\d+ \/ 100 cells/);
  await expect.poll(() => doneCount(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('.sweep-progress output')).toHaveText(/cancelled$/);
  const done = await doneCount(page);
  expect(done).toBeLessThan(100);
  await page.waitForTimeout(2000);
  expect(await doneCount(page)).toBe(done);
  await expect(page.locator('[data-chart="sweep"] rect[data-converged]')).toHaveCount(done);
  await expect(page.locator('[data-chart="sweep"] rect.pending')).toHaveCount(100 - done);
  await page.evaluate(() => window.subnetLab.step(3));
  expect(await page.evaluate(() => window.subnetLab.metrics().err.length)).toBe(4);
});

test('a sweep with a bad value list is refused in words; values out of range are clamped and named', async ({
  page,
}) => {
  await openRun(page, '?backend=wasm&m=64&n=8&d=4');
  await openSweeps(page);
  await page.getByLabel('values of subnetworks p').fill('1,two');
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await expect(page.getByRole('alert')).toHaveText('"two" in the values of p is not a number.');
  await page.getByLabel('values of subnetworks p').fill('1,40');
  await page.getByLabel('values of mask probability ξ').fill('0.5');
  await page.getByLabel('rounds per cell').fill('20');
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await expect(page.locator('.sweep-progress output')).toHaveText(/^2 \/ 2 cells · done$/, { timeout: 60_000 });
  await expect(page.getByRole('list', { name: "Changed in the sweep's cells" })).toHaveText(
    /p = 40, xi = 0\.5: p = "40" is above the largest subnetworks p, 32; clamped to 32\./,
  );
});
