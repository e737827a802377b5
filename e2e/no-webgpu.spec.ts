// Without --enable-unsafe-webgpu there is no WebGPU adapter: the app falls back and says so.
import { expect, test } from '@playwright/test';
import { expectTrains, openRun } from './helpers';

test('a WebGPU link without WebGPU falls back, says so, and trains', async ({ page }) => {
  await openRun(page, '?backend=webgpu&m=128&n=16&d=8');
  const backend = await page.evaluate(() => window.subnetLab.backend());
  expect(backend).not.toBe('webgpu');
  await expect(page.getByTestId('fallback')).toContainText('webgpu was requested but failed');
  await expect(page.getByTestId('fallback')).toContainText('no WebGPU adapter');
  await expectTrains(page, 10);
});

test('automatic choice without WebGPU says why', async ({ page }) => {
  await openRun(page, '?m=128&n=16&d=8');
  await expect(page.getByTestId('fallback')).toContainText('no WebGPU adapter');
});
