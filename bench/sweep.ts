/**
 * What the app's default sweep costs (`npm run bench:sweep`): the built app on wasm, the sweep panel's default
 * p × ξ grid (10 × 10 cells, 300 rounds each) run to the end with one sweep worker and with one per core, and the
 * count of cells that settled. Prints one table row per pool size.
 * Usage: npm run bench:sweep [-- --link "backend=wasm" --rounds 300 --pools 1,2]
 */
import { execSync } from 'node:child_process';
import { cpus } from 'node:os';

import { chromium, type Page } from '@playwright/test';

import { CHROMIUM, serve, waitFor } from './serve';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const LINK = arg('link', 'backend=wasm');
const ROUNDS = arg('rounds', '300');
const POOLS = arg('pools', `1,${Math.min(4, cpus().length)}`)
  .split(',')
  .map(Number);
const PORT = 4183;

async function sweep(page: Page, cores: number): Promise<{ seconds: number; cells: number; settled: number }> {
  // The page sizes its pool from the cores it sees. A script as text: a function from this file would be serialized
  // as tsx compiled it, with a helper the page does not have.
  await page.addInitScript(`Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => ${cores} })`);
  await page.goto(`http://localhost:${PORT}/?${LINK}`);
  await page.waitForFunction(() => window.subnetLab?.status() === 'ready', null, { timeout: 120_000 });
  await page.getByText('Sweeps — the paper’s Figure 2, live').click();
  await page.getByLabel('rounds per cell').fill(ROUNDS);
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await page
    .locator('.sweep-progress output')
    .filter({ hasText: /· done$/ })
    .waitFor({ timeout: 3_600_000 });
  const seconds = (Date.now() - t0) / 1000;
  const cells = await page.locator('[data-chart="sweep"] rect[data-converged]').count();
  const settled = await page.locator('[data-chart="sweep"] rect[data-converged][data-settled="true"]').count();
  return { seconds, cells, settled };
}

execSync('npx vite build', { stdio: 'ignore' });
const server = serve([], PORT);
try {
  await waitFor(`http://localhost:${PORT}/`);
  const browser = await chromium.launch(CHROMIUM);
  console.log('| link | sweep workers | cells | rounds per cell | seconds | settled cells |');
  console.log('|---|---|---|---|---|---|');
  for (const pool of POOLS) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(() => localStorage.setItem('subnet-lab-welcomed', '1'));
    let workers = 0;
    page.on('worker', (w) => void w.evaluate(() => self.name).then((role) => role === 'sweep' && workers++));
    const r = await sweep(page, pool);
    if (workers !== pool) throw new Error(`${workers} sweep workers ran, not ${pool}`);
    console.log(`| \`${LINK}\` | ${pool} | ${r.cells} | ${ROUNDS} | ${r.seconds.toFixed(1)} | ${r.settled} |`);
    await page.close();
  }
  console.log(`\nChromium ${browser.version()}; ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}).`);
  await browser.close();
} finally {
  server.kill();
}
