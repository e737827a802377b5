/**
 * What drawing the function and modes views costs the training (`npm run bench:views`): the built app at the default
 * link (and on circle data), playing for a few seconds with every chart of the training view on screen, against the
 * same charts without the function and modes views (the runs are measured and sampled the same way; only the drawing
 * differs). Alternates the two pages and prints rounds/s of each, and their ratio.
 * Usage: npm run bench:views [-- --seconds 4 --repeats 3]
 */
import { execSync } from 'node:child_process';

import { chromium, type Page } from '@playwright/test';

import { CHROMIUM, serve, waitFor } from './serve';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const SECONDS = Number(arg('seconds', '4'));
const REPEATS = Number(arg('repeats', '3'));
const LINKS = ['backend=wasm', 'backend=wasm&data=circle'];
const PORT = 4182;
/** Every other chart of the training view, on screen in both pages. */
const OTHERS = 'error,ntk,diagnostics,radius,neurons';

async function rate(page: Page, query: string): Promise<number> {
  await page.goto(`http://localhost:${PORT}/?${query}`);
  await page.waitForFunction(() => window.subnetLab?.status() === 'ready', null, { timeout: 120_000 });
  await page.evaluate(() => window.subnetLab.step(200)); // shaders and workers warm
  const r0 = await page.evaluate(() => window.subnetLab.metrics().round.length);
  const t0 = Date.now();
  await page.evaluate(() => window.subnetLab.play());
  await page.waitForTimeout(SECONDS * 1000);
  await page.evaluate(() => window.subnetLab.pause());
  const r1 = await page.evaluate(() => window.subnetLab.metrics().round.length);
  return (r1 - r0) / ((Date.now() - t0) / 1000);
}

execSync('npx vite build', { stdio: 'ignore' });
const server = serve([], PORT);
try {
  await waitFor(`http://localhost:${PORT}/`);
  const browser = await chromium.launch(CHROMIUM);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(() => localStorage.setItem('subnet-lab-welcomed', '1'));
  console.log(
    '| link | with the function and modes views: rounds/s, median (min–max) | without | with / without (medians) |',
  );
  console.log('|---|---|---|---|');
  for (const link of LINKS) {
    const drawn: number[] = [];
    const bare: number[] = [];
    for (let k = 0; k < REPEATS; k++) {
      drawn.push(await rate(page, `${link}&embed=1&panels=${OTHERS},function,modes&controls=play`));
      bare.push(await rate(page, `${link}&embed=1&panels=${OTHERS}&controls=play`));
    }
    const median = (v: number[]) => [...v].sort((x, y) => x - y)[v.length >> 1];
    const spread = (v: number[]) =>
      `${median(v).toFixed(0)} (${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)})`;
    console.log(`| \`${link}\` | ${spread(drawn)} | ${spread(bare)} | ${(median(drawn) / median(bare)).toFixed(3)} |`);
  }
  console.log(
    `\n${REPEATS} alternations of ${SECONDS} s each (after 200 warm-up rounds); Chromium ${browser.version()}.`,
  );
  await browser.close();
} finally {
  server.kill();
}
