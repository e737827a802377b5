// Hard limits: a configuration too large for the device is refused before allocation; a diverging run pauses.
import { expect, test } from '@playwright/test';
import { openRun } from './helpers';

test('a configuration too large for the device is refused with the largest width that fits', async ({ page }) => {
  await openRun(page, '?backend=wasm&scheme=msdropout&p=4&n=2048&d=64&m=131072');
  expect(await page.evaluate(() => window.subnetLab.status())).toBe('refused');
  await expect(page.getByTestId('notice')).toContainText(/needs about \d+ MB .* The largest width that fits with n = 2048, d = 64, p = 4 is m = \d+\./);
  await openRun(page, '?backend=wasm&scheme=msdropout&p=32&n=4096&d=1024&m=131072');
  await expect(page.getByTestId('notice')).toContainText('Lower n, d or p.');
});

test('a diverging run pauses and explains the step size', async ({ page }) => {
  await openRun(page, '?backend=wasm&scheme=gd&eta=50&m=256&n=16&d=8');
  await page.evaluate(() => window.subnetLab.play());
  await page.waitForFunction(() => window.subnetLab.status() === 'diverged', null, { timeout: 60_000 });
  await expect(page.getByTestId('notice')).toContainText('above the stability limit 2ξ/λ_max');
});
