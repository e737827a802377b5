// Without --enable-unsafe-webgpu there is no WebGPU adapter: the app falls back and says so.
import { expect, test } from './fixtures';
import { expectTrains, openRun } from './helpers';

test('a WebGPU link without WebGPU falls back, says so, and trains', async ({ page }) => {
  await openRun(page, '?backend=webgpu&m=128&n=16&d=8');
  const backend = await page.evaluate(() => window.subnetLab.backend());
  expect(backend).not.toBe('webgpu');
  // The status chip says which backend runs; a tap says why.
  await page.getByTestId('backend').click();
  await expect(page.getByTestId('backend-note')).toContainText('webgpu was requested but failed');
  await expect(page.getByTestId('backend-note')).toContainText('no WebGPU adapter');
  await expectTrains(page, 10);
});

test('automatic choice without WebGPU says why', async ({ page }) => {
  await openRun(page, '?m=128&n=16&d=8');
  await page.getByTestId('backend').click();
  await expect(page.getByTestId('backend-note')).toContainText('no WebGPU adapter');
});

test('on a machine whose only GPU is software, the automatic choice is measured and is not that GPU', async ({
  browser,
}) => {
  // This project runs Chromium without WebGPU; WebGL here is SwiftShader, a CPU rasterizer.
  const page = await browser.newPage();
  await openRun(page, '?m=256&n=16&d=8');
  expect(['wasm', 'cpu']).toContain(await page.evaluate(() => window.subnetLab.backend()));
  const note = await page.getByTestId('backend').getAttribute('title');
  expect(note).toMatch(
    /^Measured on this configuration \(n = 16, d = 8, m = 256, p = 1, τ = 1\), rounds\/s: (wasm|cpu) [\d.]+, (wasm|cpu) [\d.]+; chose the fastest\./,
  );
  expect(note).toMatch(/WebGL: software renderer \(.*SwiftShader.*\), not a GPU/);
  await expectTrains(page, 5);
});
