// Where the theory went next, in the app: Gaussian input masks from a link (ν = 0 is gradient descent round by round;
// the noise panel and the theory's decomposition at ν > 0; the clean error bold and the masked loss faint), the floor
// against ν swept with its fitted log–log slope, IST on split data compared with full data on one seed, and the two
// lessons taken from first step to last.
import { readdirSync, readFileSync } from 'node:fs';

import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { openRun, seriousViolations, stepAndRead } from './helpers';

test('ν = 0 is gradient descent round by round; at ν > 0 the noise panel, the decomposition and the masked loss appear', async ({
  page,
}, info) => {
  await openRun(page, '?backend=wasm&scheme=gd&m=256&seed=5');
  const gd = await stepAndRead(page, 30);
  await page.evaluate(() => window.subnetLab.setConfig('scheme=gd&m=256&seed=5&inputmask=gauss&nu=0'));
  expect(await stepAndRead(page, 30)).toEqual(gd);
  expect(await page.evaluate(() => window.subnetLab.noise())).toBeNull();

  await page.evaluate(() => window.subnetLab.setConfig('scheme=gd&m=256&seed=5&inputmask=gauss&nu=0.4'));
  const noisy = await stepAndRead(page, 30);
  expect(noisy).not.toEqual(gd);
  await page.evaluate(() => window.subnetLab.step(300));
  // The step descends the masked loss: on average above the clean error it is drawn against.
  const h = await page.evaluate(() => window.subnetLab.metrics());
  const tail = (xs: number[]) => xs.slice(-100).reduce((a, b) => a + b, 0) / 100;
  expect(tail(h.surrErr)).toBeGreaterThan(tail(h.err));
  await expect.poll(() => page.evaluate(() => window.subnetLab.noise()?.round ?? 0)).toBeGreaterThan(0);
  const n = (await page.evaluate(() => window.subnetLab.noise()))!;
  expect(n.nu).toBe(0.4);
  expect(n.s).toBeGreaterThan(0);
  // The smoothed ReLU lies above the ReLU and above the paper's proxy, everywhere it is drawn.
  n.smoothed.forEach((v, i) => {
    expect(v).toBeGreaterThanOrEqual(n.relu[i] - 1e-12);
    expect(v).toBeGreaterThanOrEqual(n.proxy[i] - 1e-12);
  });
  const panel = page.locator('[data-panel="noise"]');
  await panel.scrollIntoViewIfNeeded();
  await expect(panel.locator('[data-chart="smoothed-relu"] .chart-plot svg')).toBeVisible();
  await expect(page.getByTestId('input-noise-theory')).toContainText('ν');
  await expect(page.locator('[data-chart="error"] .chart-legend')).toContainText(/masked|descends/);
  await page.screenshot({ path: info.outputPath('input-noise.png') });
  expect(await seriousViolations(page)).toEqual([]);
});

test('the floor against ν: a sweep fits its log–log slope with an interval and draws the lines of slope 1 and 2', async ({
  page,
}) => {
  await openRun(page, '?backend=wasm&scheme=gd&m=128&n=8&d=4&seed=3&inputmask=gauss&nu=0.2');
  await page.getByText('Sweeps — the paper’s Figure 2, live').click();
  await page.locator('.sweep-form select').first().selectOption('nu');
  await page.getByLabel('values of input noise ν').fill('0.1,0.2,0.4');
  await page.getByLabel('at most rounds per cell').fill('600');
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await expect(page.locator('.sweep-progress output')).toHaveText(/^3 \/ 3 cells · done$/, { timeout: 120_000 });
  const chart = page.locator('[data-chart="sweep"]');
  await expect(chart).toContainText(/fitted slope -?\d+\.\d\d, 95 % interval -?\d+\.\d\d to -?\d+\.\d\d \(3 cells\)/);
  await expect(chart.locator('.guide-line[data-slope="1"]')).toHaveCount(1);
  await expect(chart.locator('.guide-line[data-slope="2"]')).toHaveCount(1);
  await expect(chart.locator('.fit-line')).toHaveCount(1);
});

test('IST on split data beside full data on one seed: two curves, a different run, and the broken assumption named', async ({
  page,
}, info) => {
  await openRun(page, '?backend=wasm&scheme=ist&p=4&m=256&eta=0.08&seed=2&compare=ist:split=1');
  expect(
    await page.evaluate(() => [window.subnetLab.config(), ...window.subnetLab.compare()].map((c) => c.split)),
  ).toEqual([0, 1]);
  await page.evaluate(() => window.subnetLab.step(300));
  const full = await page.evaluate(() => window.subnetLab.metrics());
  const [split] = await page.evaluate(() => window.subnetLab.compareMetrics());
  expect(full.err).toHaveLength(split.err.length);
  expect(full.err[0]).toBe(split.err[0]); // the same start: one seed, one initialization
  expect(full.err.at(-1)).not.toBe(split.err.at(-1));
  await expect(page.getByTestId('split-theory')).toContainText(/own|assum/);
  await page.locator('[data-chart="error"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('split-compare.png') });
});

/**
 * Takes a lesson from its first step to its last: each step's solution where it has one, Play, its goal, Next (a step
 * without a goal — a look, a question — is read and left).
 */
async function takeLesson(page: Page, id: string): Promise<void> {
  const file = readdirSync('src/lessons').find((f) => f.endsWith(`-${id}.json`)) as string;
  const steps: { goal?: unknown }[] = JSON.parse(readFileSync(`src/lessons/${file}`, 'utf8')).steps;
  await openRun(page, `?lesson=${id}&step=1&backend=wasm`);
  const total = (await page.evaluate(() => window.subnetLab.lesson()))?.steps ?? 0;
  expect(total).toBeGreaterThan(1);
  const card = page.getByTestId('lesson');
  for (let step = 1; step <= total; step++) {
    await expect.poll(() => page.evaluate(() => window.subnetLab.lesson()?.step)).toBe(step);
    expect(await page.evaluate(() => window.subnetLab.lesson()?.goalReached)).toBe(false);
    if (steps[step - 1].goal) {
      const showMe = card.getByRole('button', { name: 'Show me' });
      if (await showMe.count()) await showMe.click();
      await page.getByRole('button', { name: 'Play', exact: true }).first().click();
      await expect
        .poll(() => page.evaluate(() => window.subnetLab.lesson()?.goalReached), { timeout: 180_000 })
        .toBe(true);
      await page.getByRole('button', { name: 'Pause', exact: true }).first().click();
    }
    if (step < total) await card.getByRole('button', { name: 'Next' }).click();
  }
}

for (const id of ['input-noise', 'split-data'])
  test(`the lesson "${id}" from first step to last`, async ({ page }) => {
    test.setTimeout(600_000);
    await takeLesson(page, id);
  });
