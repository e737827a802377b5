/**
 * What the app's default sweep costs (`npm run bench:sweep`): the built app on wasm, the sweep panel's default
 * p × ξ grid (10 × 10 cells, each trained to its predicted plateau under a cap of 3,000 rounds) run to the end with
 * one sweep worker and with one per core, the count of cells that reached their plateau (the others still falling at
 * the cap) and of those that settled. Prints one table row per pool size.
 * Usage: npm run bench:sweep [-- --link "backend=wasm" --cap 3000 --pools 1,2]
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
const CAP = arg('cap', '3000');
const POOLS = arg('pools', `1,${Math.min(4, cpus().length)}`)
  .split(',')
  .map(Number);
const PORT = 4183;

async function sweep(
  page: Page,
  cores: number,
): Promise<{ seconds: number; cells: number; reached: number; settled: number }> {
  // The page sizes its pool from the cores it sees. A script as text: a function from this file would be serialized
  // as tsx compiled it, with a helper the page does not have.
  await page.addInitScript(`Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => ${cores} })`);
  await page.goto(`http://localhost:${PORT}/?${LINK}`);
  await page.waitForFunction(() => window.subnetLab?.status() === 'ready', null, { timeout: 120_000 });
  await page.getByText('Sweeps — the paper’s Figure 2, live').click();
  await page.getByLabel('at most rounds per cell').fill(CAP);
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await page
    .locator('.sweep-progress output')
    .filter({ hasText: /· done$/ })
    .waitFor({ timeout: 3_600_000 });
  const seconds = (Date.now() - t0) / 1000;
  const cells = await page.locator('[data-chart="sweep"] rect[data-converged]').count();
  const reached = cells - (await page.locator('[data-chart="sweep"] rect.falling').count());
  const settled = await page.locator('[data-chart="sweep"] rect[data-converged][data-settled="true"]').count();
  return { seconds, cells, reached, settled };
}

execSync('npx vite build', { stdio: 'ignore' });
const server = serve([], PORT);
try {
  await waitFor(`http://localhost:${PORT}/`);
  const browser = await chromium.launch(CHROMIUM);
  console.log('| link | sweep workers | cells | cap of rounds per cell | seconds | reached their plateau | settled |');
  console.log('|---|---|---|---|---|---|---|');
  for (const pool of POOLS) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(() => localStorage.setItem('subnet-lab-welcomed', '1'));
    let workers = 0;
    page.on('worker', (w) => void w.evaluate(() => self.name).then((role) => role === 'sweep' && workers++));
    const r = await sweep(page, pool);
    if (workers !== pool) throw new Error(`${workers} sweep workers ran, not ${pool}`);
    console.log(
      `| \`${LINK}\` | ${pool} | ${r.cells} | ${CAP} | ${r.seconds.toFixed(1)} | ${r.reached} | ${r.settled} |`,
    );
    await page.close();
  }
  console.log(`\nChromium ${browser.version()}; ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}).`);
  await browser.close();
} finally {
  server.kill();
}
