// Hard limits: a configuration too large for the device is refused before allocation; a diverging run pauses.
import { expect, test } from './fixtures';
import { openRun } from './helpers';

test('a configuration too large for the device is refused with the largest width that fits', async ({ page }) => {
  await openRun(page, '?backend=wasm&scheme=msdropout&p=4&n=2048&d=64&m=131072');
  expect(await page.evaluate(() => window.subnetLab.status())).toBe('refused');
  await expect(page.getByTestId('notice')).toContainText(
    /needs about \d+ MB .* The largest width that fits with n = 2048, d = 64, p = 4 is m = \d+\./,
  );
  await openRun(page, '?backend=wasm&scheme=msdropout&p=32&n=4096&d=1024&m=131072');
  await expect(page.getByTestId('notice')).toContainText('Lower n, d or p.');
});

test('a diverging run pauses and explains the step size', async ({ page }) => {
  await openRun(page, '?backend=wasm&scheme=gd&eta=50&m=256&n=16&d=8');
  await page.evaluate(() => window.subnetLab.play());
  await page.waitForFunction(() => window.subnetLab.status() === 'diverged', null, { timeout: 60_000 });
  await expect(page.getByTestId('notice')).toContainText('above the stability limit 2ξ/λ_max');
});

test('the paper\u2019s guarantee is drawn on the error plot and labelled; at this size it is vacuous and the panel says why', async ({
  page,
}) => {
  await openRun(page, '?backend=wasm&scheme=dropout&xi=0.5&m=256&n=8&d=4');
  await page.evaluate(() => window.subnetLab.step(40));
  await expect(
    page.locator('[data-chart="error"] [data-guarantee="Liao & Kyrillidis, arXiv v1, Theorem 3"]'),
  ).toHaveCount(1);
  await expect(page.locator('[data-chart="error"] .guarantee')).toContainText('guarantee');
  const panel = page.getByTestId('guarantee');
  await expect(panel).toContainText('Corollary 4 (dropout)');
  await expect(page.getByTestId('guarantee-verdict')).toHaveText(
    /^At this size the guarantee is vacuous: B_1 is [\d.e+]+ times the initial error, mostly from .+\. What would bring it below: .+\./,
  );
  // Full GD: B_1 = 0, so the guarantee is the rate alone and lies inside the plot.
  await openRun(page, '?backend=wasm&scheme=gd&m=256&n=8&d=4');
  await page.evaluate(() => window.subnetLab.step(40));
  await expect(page.locator('[data-chart="error"] .guarantee-line')).toHaveCount(1);
  await expect(page.getByTestId('guarantee-verdict')).toHaveText(/^B_1 is below the initial error/);
});
