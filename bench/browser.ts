/**
 * Browser benchmark (`npm run bench`): builds the app and the benchmark page, serves both, and in headless
 * Chromium prints, per backend and size: rounds/s of the engine, of the same matmuls run bare (the ceiling),
 * of the naive per-neuron JavaScript trainer, and — in the real app, training in its worker — rounds/s and
 * the longest main-thread task. Usage: npm run bench [-- --seconds 2 --backends wasm,webgl]
 */
import { execSync } from 'node:child_process';

import { chromium } from '@playwright/test';

import { CHROMIUM, serve, waitFor } from './serve';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const SECONDS = Number(arg('seconds', '2'));
const BACKENDS = arg('backends', 'webgpu,webgl,wasm,cpu').split(',');
const SIZES = [
  [256, 32, 1024],
  [256, 32, 8192],
] as const;
const CONFIG = 'scheme=custom&mask=bernoulli&xi=0.5&p=4&tau=2';

execSync('npx vite build && npx vite build --config bench/vite.config.ts', { stdio: 'ignore' });
const servers = [serve([], 4180), serve(['--config', 'bench/vite.config.ts'], 4181)];
try {
  await Promise.all([waitFor('http://localhost:4180/'), waitFor('http://localhost:4181/')]);
  const browser = await chromium.launch(CHROMIUM);
  const rows: string[] = [];
  let version = '';
  for (const backend of BACKENDS) {
    for (const [n, d, m] of SIZES) {
      const query = `?backend=${backend}&${CONFIG}&n=${n}&d=${d}&m=${m}`;
      const page = await browser.newPage();
      version = browser.version();
      await page.goto(`http://localhost:4181/${query}&seconds=${SECONDS}`, { waitUntil: 'commit' });
      await page.waitForFunction(() => (window as unknown as { __bench?: unknown }).__bench, null, {
        timeout: 600_000,
      });
      const b = await page.evaluate(() => (window as unknown as { __bench: Record<string, number | string> }).__bench);
      await page.close();
      if ('error' in b) {
        rows.push(`| ${backend} | ${n}, ${d}, ${m} | failed: ${b.error} |`);
        continue;
      }
      // The real app: training in its worker while the page draws; longest main-thread task over the run.
      const app = await browser.newPage();
      await app.addInitScript(() => {
        const w = window as unknown as { __longest: number };
        w.__longest = 0;
        new PerformanceObserver((list) =>
          list.getEntries().forEach((e) => (w.__longest = Math.max(w.__longest, e.duration))),
        ).observe({ type: 'longtask', buffered: true });
      });
      await app.goto(`http://localhost:4180/${query}`);
      await app.waitForFunction(() => window.subnetLab?.status() === 'ready', null, { timeout: 600_000 });
      await app.evaluate(() => window.subnetLab.step(2)); // first shapes compile here
      const longestBefore = await app.evaluate(() => (window as unknown as { __longest: number }).__longest);
      await app.evaluate(() => ((window as unknown as { __longest: number }).__longest = 0));
      // Rounds that arrived between play and the last chunk after pause, over that time.
      const [r0, t0] = await app.evaluate(() => [window.subnetLab.metrics().round.length, performance.now()]);
      await app.evaluate(() => window.subnetLab.play());
      await app.waitForTimeout(SECONDS * 2000);
      // step(0) waits for the loop's chunk in flight, so every round run by then is counted.
      const [r1, t1] = await app.evaluate(async () => {
        window.subnetLab.pause();
        await window.subnetLab.step(0);
        return [window.subnetLab.metrics().round.length, performance.now()];
      });
      const longest = await app.evaluate(() => (window as unknown as { __longest: number }).__longest);
      await app.close();
      const appRate = (1000 * (r1 - r0)) / (t1 - t0);
      const f = (v: number) => (v >= 10 ? v.toFixed(1) : v.toPrecision(3));
      rows.push(
        `| ${b.backend} | ${n}, ${d}, ${m} | ${f(b.engine as number)} | ${f(b.ceiling as number)} | ${((b.engine as number) / (b.ceiling as number)).toFixed(2)} | ${f(b.naive as number)} | ${((b.engine as number) / (b.naive as number)).toFixed(1)} | ${f(appRate)} | ${longest.toFixed(0)} | ${longestBefore.toFixed(0)} |`,
      );
      console.error(rows[rows.length - 1]);
    }
  }
  await browser.close();
  console.log(`\nChromium ${version}, headless; ${CONFIG}; ${new Date().toISOString().slice(0, 10)}\n`);
  console.log(
    '| backend | n, d, m | engine rounds/s | matmul-ceiling rounds/s | engine / ceiling | naive JS rounds/s | engine / naive | app rounds/s | longest main-thread task while training (ms) | longest task during start and compile (ms) |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
} finally {
  for (const s of servers) s.kill();
}
