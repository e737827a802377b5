// A lecture hall without network: a page loaded once (the service worker precaches the whole build) reloads with the
// network gone — the server stopped and the browser offline — and every view works, workers and WebAssembly
// included; a link never opened before opens too. A new build replaces the old cache: the next load is the new one.
// And the one-file build (`npm run build:offline`) opens from file:// with no network and trains on WASM.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import type { Page } from '@playwright/test';

import { OFFLINE_DIR, OFFLINE_FILE } from '../vite.shared';
import { expect, test } from './fixtures';
import { type Served, serveStatic } from './staticServer';

const PORT = 4305;
const SUB = '/hall/';
const APP = `http://localhost:${PORT}${SUB}`;

/** A copy of the build, so that a test can deploy a "new build" over it. */
function copyOfBuild(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'subnet-offline-'));
  cpSync(path.resolve('dist'), dir, { recursive: true });
  return dir;
}

/** Waits until the service worker controls the page: it is active, so the whole build is in its cache. */
async function cached(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 90_000 });
}

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(
    () => typeof window.subnetLab !== 'undefined' && window.subnetLab.status() === 'ready',
    null,
    { timeout: 90_000 },
  );
}

let server: Served | null = null;
test.afterEach(async () => {
  await server?.close();
  server = null;
});

test('loaded once, the app reloads and works in every view with the network gone', async ({ page, context }, info) => {
  server = await serveStatic(PORT, SUB, copyOfBuild());
  await page.goto(`${APP}?backend=wasm&m=256`);
  await ready(page);
  await cached(page);
  // The hall: no server and no network.
  await server.close();
  server = null;
  await context.setOffline(true);
  const failed: string[] = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  await page.reload();
  await ready(page);
  await page.evaluate(() => window.subnetLab.step(20));
  const err = await page.evaluate(() => window.subnetLab.metrics().err);
  expect(err).toHaveLength(21);
  expect(err[20]).toBeLessThan(err[0]);
  // A link never opened before: any query opens the cached page.
  await page.goto(`${APP}?backend=wasm&scheme=ist&p=4&m=128`);
  await ready(page);
  expect(await page.evaluate(() => window.subnetLab.config().scheme)).toBe('ist');
  // Width regimes: its worker and its curves.
  await page.getByRole('button', { name: 'Width regimes' }).click();
  await expect(page.locator('[data-chart="regimes"] path[data-regime]').first()).toHaveAttribute('d', /M/, {
    timeout: 60_000,
  });
  // AltMin: its worker and both methods' traces.
  await page.getByRole('button', { name: 'AltMin' }).click();
  await expect(page.getByTestId('altmin-rates')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('[data-chart="altmin-altmin"] path[data-series="dist"]')).toHaveAttribute('d', /M/);
  expect(failed).toEqual([]);
  await page.screenshot({ path: info.outputPath('offline-altmin.png') });
});

test('a new build replaces the old one in the cache: the next load is the new build, no refresh loop', async ({
  page,
}) => {
  const dir = copyOfBuild();
  server = await serveStatic(PORT, SUB, dir);
  await page.goto(`${APP}?backend=wasm&m=128`);
  await ready(page);
  await cached(page);
  const firstWorker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
  // Deploy a "new build": a changed page, and the service worker that lists it with its new revision.
  const index = path.join(dir, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('<head>', '<head><meta name="build" content="2">'));
  const sw = path.join(dir, 'sw.js');
  writeFileSync(sw, readFileSync(sw, 'utf8').replace(/(url:"index\.html",revision:")[0-9a-f]+/, '$1new-build-2'));
  // The browser looks for a new service worker when the page loads; the new one takes over at once.
  const changed = page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        navigator.serviceWorker.addEventListener('controllerchange', () => resolve(true));
        void navigator.serviceWorker.getRegistration().then((r) => r?.update());
      }),
  );
  expect(await changed).toBe(true);
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(firstWorker);
  // One reload, and it is the new build (from the new cache).
  await page.reload();
  await expect(page.locator('meta[name="build"]')).toHaveAttribute('content', '2');
  await ready(page);
});

test('the one-file build opens from file:// with no network: it trains on WASM, and every view works', async ({
  page,
  context,
}, info) => {
  await context.setOffline(true);
  const errors: string[] = [];
  const failed: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => failed.push(r.url()));
  const file = pathToFileURL(path.resolve(OFFLINE_DIR, OFFLINE_FILE)).href;
  await page.goto(`${file}?scheme=ist&p=4&m=256`);
  await ready(page);
  expect(await page.evaluate(() => window.subnetLab.backend())).toBe('wasm');
  await page.evaluate(() => window.subnetLab.step(20));
  const err = await page.evaluate(() => window.subnetLab.metrics().err);
  expect(err).toHaveLength(21);
  expect(err[20]).toBeLessThan(err[0]);
  await page.getByRole('button', { name: 'Width regimes' }).click();
  await expect(page.locator('[data-chart="regimes"] path[data-regime]').first()).toHaveAttribute('d', /M/, {
    timeout: 60_000,
  });
  await page.getByRole('button', { name: 'AltMin' }).click();
  await expect(page.getByTestId('altmin-rates')).toBeVisible({ timeout: 60_000 });
  expect(failed).toEqual([]);
  expect(errors).toEqual([]);
  await page.screenshot({ path: info.outputPath('file-altmin.png') });
});
