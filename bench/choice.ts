/**
 * The automatic backend choice (`npm run bench:choice`): in the built app in headless Chromium, rounds/s while playing
 * for the automatic choice and for each forced backend, on the default link and on a larger IST link; the time until
 * the page is ready (measuring included) and the automatic choice against the fastest forced backend.
 * Usage: npm run bench:choice [-- --seconds 6]
 */
import { execSync } from 'node:child_process';

import { type Browser, chromium } from '@playwright/test';

import { CHROMIUM, serve, waitFor } from './serve';

const i = process.argv.indexOf('--seconds');
const SECONDS = i > 0 ? Number(process.argv[i + 1]) : 6;
const LINKS = ['', 'scheme=ist&p=4&tau=2&m=4096&n=64&d=16'];
const CHOICES = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'];

async function measure(browser: Browser, query: string): Promise<{ backend: string; ready: number; rate: number }> {
  const page = await browser.newPage();
  const t0 = Date.now();
  await page.goto(`http://localhost:4182/?${query}`);
  await page.waitForFunction(() => window.subnetLab?.status() === 'ready', null, { timeout: 600_000 });
  const ready = (Date.now() - t0) / 1000;
  await page.evaluate(() => window.subnetLab.step(2));
  const [r0, s0] = await page.evaluate(() => [window.subnetLab.metrics().round.length, performance.now()]);
  await page.evaluate(() => window.subnetLab.play());
  await page.waitForTimeout(SECONDS * 1000);
  const [r1, s1] = await page.evaluate(async () => {
    window.subnetLab.pause();
    await window.subnetLab.step(0);
    return [window.subnetLab.metrics().round.length, performance.now()];
  });
  const backend = (await page.evaluate(() => window.subnetLab.backend())) ?? '?';
  await page.close();
  return { backend, ready, rate: (1000 * (r1 - r0)) / (s1 - s0) };
}

execSync('npx vite build', { stdio: 'ignore' });
const server = serve([], 4182);
try {
  await waitFor('http://localhost:4182/');
  const browser = await chromium.launch(CHROMIUM);
  const rows: string[] = [];
  for (const link of LINKS) {
    const got = [];
    for (const choice of CHOICES)
      got.push({
        choice,
        ...(await measure(browser, [choice === 'auto' ? '' : `backend=${choice}`, link].filter(Boolean).join('&'))),
      });
    const best = Math.max(...got.filter((g) => g.choice !== 'auto').map((g) => g.rate));
    for (const g of got)
      rows.push(
        `| ${link || 'default'} | ${g.choice} | ${g.backend} | ${g.ready.toFixed(1)} | ${g.rate.toFixed(1)} | ${(g.rate / best).toFixed(2)} |`,
      );
  }
  console.log(
    `\nChromium ${browser.version()}, headless, ${new Date().toISOString().slice(0, 10)}; ${SECONDS} s of play each\n`,
  );
  console.log('| link | asked | backend | seconds until ready | rounds/s | / fastest forced |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  await browser.close();
} finally {
  server.kill();
}
