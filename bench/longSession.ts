/**
 * A long session in bounded memory (`npm run bench:long`): the built app in headless Chromium trains four compared
 * runs at full speed up to --rounds (default 1,000,000) and prints, every --every rounds, the main thread's JS heap,
 * the history's rows and the frame time while drawing (mean and 95th percentile over one second).
 * Usage: npm run bench:long [-- --rounds 1000000 --every 100000]
 */
import { execSync } from 'node:child_process';

import { chromium } from '@playwright/test';

import { CHROMIUM, serve, waitFor } from './serve';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const ROUNDS = Number(arg('rounds', '1000000'));
const EVERY = Number(arg('every', '100000'));
const PORT = 4184;
/** Heap after a collection, and 60 frames' times, in the page. */
const MEASURE = `(async () => {
  if (window.gc) window.gc();
  const heap = performance.memory.usedJSHeapSize;
  const frames = [];
  let last = performance.now();
  await new Promise((done) => {
    const tick = (t) => { frames.push(t - last); last = t; if (frames.length < 60) requestAnimationFrame(tick); else done(); };
    requestAnimationFrame(tick);
  });
  frames.sort((a, b) => a - b);
  const h = window.subnetLab.metrics();
  return { round: h.round.at(-1) ?? 0, rows: h.round.length, heap: heap / 2 ** 20,
    mean: frames.reduce((a, b) => a + b, 0) / frames.length, p95: frames[Math.floor(0.95 * frames.length)] };
})()`;
const LINK = '?backend=wasm&scheme=dropout&m=16&n=8&d=2&compare=ist:p=2,msdropout:p=3,gd';

execSync('npx vite build', { stdio: 'ignore' });
const server = serve([], PORT);
try {
  await waitFor(`http://localhost:${PORT}/`);
  const browser = await chromium.launch({
    ...CHROMIUM,
    args: [...CHROMIUM.args, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(() => localStorage.setItem('subnet-lab-welcomed', '1'));
  await page.goto(`http://localhost:${PORT}/${LINK}`);
  await page.waitForFunction(() => window.subnetLab?.status() === 'ready', null, { timeout: 120_000 });
  await page.evaluate(() => window.subnetLab.play());
  console.log(`${LINK}\n`);
  console.log(
    '| rounds | history rows per run | JS heap (MB) | frame time, mean (ms) | frame time, p95 (ms) | minutes |',
  );
  console.log('|---|---|---|---|---|---|');
  const t0 = Date.now();
  for (let next = EVERY; next <= ROUNDS; next += EVERY) {
    await page.waitForFunction((k) => (window.subnetLab.metrics().round.at(-1) ?? 0) >= k, next, {
      timeout: 0,
      polling: 5000,
    });
    // A string, not a function: the bundler's name helpers do not exist in the page.
    const m = (await page.evaluate(MEASURE)) as {
      round: number;
      rows: number;
      heap: number;
      mean: number;
      p95: number;
    };
    console.log(
      `| ${m.round} | ${m.rows} | ${m.heap.toFixed(1)} | ${m.mean.toFixed(1)} | ${m.p95.toFixed(1)} | ${((Date.now() - t0) / 60000).toFixed(1)} |`,
    );
  }
  console.log(`\nChromium ${browser.version()}; four runs in lockstep, every chart on screen.`);
  await browser.close();
} finally {
  server.kill();
}
