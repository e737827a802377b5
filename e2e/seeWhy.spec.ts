// See why: the function the network computes (on circle data, and outputs against targets for any d) and the error
// direction by direction, drawn live, with a comparison; the automation API has them; λ_0 = 0 said in words; axe.
import { expect, test } from './fixtures';
import { openRun, seriousViolations } from './helpers';

test('circle data: the function around the circle and the modes, live, with a compared run, and the API has both', async ({
  page,
}, info) => {
  await openRun(page, '?backend=wasm&data=circle&n=16&m=512&xi=0.5&compare=ist:p=2');
  await page.evaluate(() => window.subnetLab.step(300));
  const fn = page.locator('[data-chart="function"]');
  await fn.scrollIntoViewIfNeeded();
  await expect(fn.locator('[data-series="network-0"]')).toHaveCount(1);
  await expect(fn.locator('[data-series="network-1"]')).toHaveCount(1);
  await expect(fn.locator('[data-series="predicted"]')).toHaveCount(1);
  await expect(fn.locator('.faint')).toHaveCount(1);
  await expect(fn.locator('circle.target')).toHaveCount(16);
  const f = await page.evaluate(() => window.subnetLab.function());
  expect(f?.angle).toHaveLength(200);
  expect(f?.subnetworks).toHaveLength(1);
  expect(f?.predicted).toHaveLength(200);
  const m = await page.evaluate(() => window.subnetLab.modes());
  expect(m?.lambda).toHaveLength(16);
  expect(m?.measured).toHaveLength(16);
  expect(m?.round).toBe(300);
  expect(m?.floor.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  // A chart off screen draws when it comes into view.
  await page.locator('[data-chart="mode-bars"]').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-chart="mode-bars"] .mode-bar')).toHaveCount(16);
  await expect(page.locator('[data-chart="mode-bars"] .mode-vector')).toHaveCount(16);
  await expect(page.locator('[data-panel="modes"]')).toContainText('is the slowest: it sets the rate');
  // Live: more rounds move both views.
  await fn.scrollIntoViewIfNeeded();
  const before = await fn.locator('[data-series="network-0"]').getAttribute('d');
  await page.evaluate(() => window.subnetLab.step(200));
  await expect.poll(() => fn.locator('[data-series="network-0"]').getAttribute('d')).not.toBe(before);
  expect((await page.evaluate(() => window.subnetLab.modes()))?.round).toBe(500);
  await page.locator('[data-panel="function"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('function-dropout.png') });
  await page.locator('[data-panel="modes"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('modes.png') });
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page)).toEqual([]);
});

test('any d: outputs against targets; the function is null off the circle', async ({ page }) => {
  await openRun(page, '?backend=wasm&n=16&d=8&m=256');
  await page.evaluate(() => window.subnetLab.step(50));
  await page.locator('[data-chart="predictions"]').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-chart="predictions"] [data-series="network-0"] circle')).toHaveCount(16);
  expect(await page.evaluate(() => window.subnetLab.function())).toBeNull();
  expect((await page.evaluate(() => window.subnetLab.modes()))?.measured).toHaveLength(16);
});

test('equally spaced angles with even n: λ_0 = 0, said in words; d is held at 2 with its reason', async ({ page }) => {
  await openRun(page, '?backend=wasm&data=circle&spacing=even&n=16&m=256&d=8');
  expect((await page.evaluate(() => window.subnetLab.messages())).join(' ')).toMatch(
    /Circle data live on the unit circle, in d = 2; d = 8 was replaced/,
  );
  await expect(page.locator('[data-panel="modes"]')).toContainText('λ_0 = 0: direction 1 does not contract at all');
  await expect(page.getByText('Circle data live on the unit circle: d = 2.')).toBeVisible();
});
