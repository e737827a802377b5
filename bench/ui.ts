/**
 * The page as a student feels it (`npm run bench:ui`): the built app in Chromium at 1366×768 with every panel of the
 * training view open, for the default link and the four-run comparison — `--seconds` (30) of training at full speed
 * with 20 scripted presses of Pause/Play and moves of the ξ slider spread over them: rounds per second, long tasks after
 * the first round (count, total, longest), input to next paint (the Event Timing API's duration of each interaction;
 * its median, p95 and worst), and the JS heap at the end. Then a cold start as a school laptop on classroom wifi has
 * it — the CPU slowed 4× and 1.5 Mbit/s with 150 ms of latency, nothing cached: the time until the first round has
 * trained, and the bytes transferred until then (as sent: compressed where the server compresses).
 * Usage: npm run bench:ui [-- --seconds 30 --skip-cold]
 */
import { execSync } from 'node:child_process';

import { type Browser, chromium, type Page } from '@playwright/test';

import { CHROMIUM, serve, waitFor } from './serve';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const SECONDS = Number(arg('seconds', '30'));
const PORT = 4183;
const URL0 = `http://localhost:${PORT}/`;
const LINKS = {
  default: '?backend=wasm',
  'four runs': '?backend=wasm&scheme=gd&compare=dropout:xi=0.5,msdropout:xi=0.5:p=4,ist:p=4:tau=1',
};
const INTERACTIONS = 20;

/** Long tasks and interactions, recorded by the page itself from its first paint. */
function observe(): void {
  const w = window as unknown as { __long: PerformanceEntry[]; __events: PerformanceEventTiming[] };
  w.__long = [];
  w.__events = [];
  new PerformanceObserver((l) => w.__long.push(...l.getEntries())).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((l) => w.__events.push(...(l.getEntries() as PerformanceEventTiming[]))).observe({
    type: 'event',
    durationThreshold: 16,
    buffered: true,
  } as PerformanceObserverInit);
}

const quantile = (v: number[], q: number) =>
  v.length ? [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(q * v.length))] : 0;

async function training(browser: Browser, query: string) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.addInitScript(() => localStorage.setItem('subnet-lab-welcomed', '1'));
  await page.addInitScript(observe);
  await page.goto(URL0 + query);
  await page.waitForFunction(() => window.subnetLab?.status() === 'ready', null, { timeout: 120_000 });
  // Every panel open: the sweeps and the export under the plots.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  await page.evaluate(() => window.subnetLab.step(1));
  const since = await page.evaluate(() => performance.now());
  const r0 = await page.evaluate(() => window.subnetLab.metrics().round.length);
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Play', exact: true }).first().click();
  const xi = page.getByRole('slider', { name: /mask probability ξ|subnetworks p/ }).first();
  for (let i = 0; i < INTERACTIONS; i++) {
    await page.waitForTimeout((SECONDS * 1000) / INTERACTIONS);
    if (i % 2 === 0) {
      // Pause, then Play again at once.
      await page.getByRole('button', { name: 'Pause', exact: true }).first().click();
      await page.getByRole('button', { name: 'Play', exact: true }).first().click();
    } else if (await xi.isEnabled()) await xi.press(i % 4 === 1 ? 'ArrowLeft' : 'ArrowRight');
    else await page.keyboard.press('t');
  }
  const seconds = (Date.now() - t0) / 1000;
  await page.evaluate(() => window.subnetLab.pause());
  const r1 = await page.evaluate(() => window.subnetLab.metrics().round.length);
  const stats = await page.evaluate((from) => {
    const w = window as unknown as { __long: PerformanceEntry[]; __events: PerformanceEventTiming[] };
    const long = w.__long.filter((e) => e.startTime >= from).map((e) => e.duration);
    const byInteraction = new Map<number, number>();
    for (const e of w.__events as (PerformanceEventTiming & { interactionId?: number })[])
      if (e.interactionId)
        byInteraction.set(e.interactionId, Math.max(byInteraction.get(e.interactionId) ?? 0, e.duration));
    const heap = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN;
    return { long, inp: [...byInteraction.values()], heap };
  }, since);
  await page.close();
  return { rate: (r1 - r0) / seconds, ...stats };
}

/** A school laptop on classroom wifi: time to the first trained round and the bytes it took, nothing cached. */
async function coldStart(browser: Browser, query: string) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.5e6 / 8) | 0,
    uploadThroughput: (1.5e6 / 8) | 0,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // Every response of the page and its workers, as received (compressed where it was sent compressed).
  let bytes = 0;
  page.on('requestfinished', (r) => void r.sizes().then((s) => (bytes += s.responseBodySize + s.responseHeadersSize)));
  await page.addInitScript(() => localStorage.setItem('subnet-lab-welcomed', '1'));
  const t0 = Date.now();
  await page.goto(URL0 + query);
  await page.waitForFunction(() => typeof window.subnetLab !== 'undefined', null, { timeout: 120_000 });
  const api = (Date.now() - t0) / 1000;
  await page.evaluate(() => window.subnetLab.step(1));
  const first = (Date.now() - t0) / 1000;
  const sent = bytes;
  await context.close();
  return { api, first, bytes: sent };
}

execSync('npx vite build', { stdio: 'ignore' });
const server = serve([], PORT);
try {
  await waitFor(URL0);
  const browser = await chromium.launch(CHROMIUM);
  console.log(
    `| link | rounds/s | long tasks after the first round: count, total, longest (ms) | input to next paint: median, p95, worst (ms) | heap (MB) |`,
  );
  console.log('|---|---|---|---|---|');
  for (const [name, query] of Object.entries(LINKS)) {
    const r = await training(browser, query);
    const total = r.long.reduce((a, b) => a + b, 0);
    console.log(
      `| ${name} | ${r.rate.toFixed(0)} | ${r.long.length}, ${total.toFixed(0)}, ${Math.max(0, ...r.long).toFixed(0)} | ${quantile(r.inp, 0.5).toFixed(0)}, ${quantile(r.inp, 0.95).toFixed(0)}, ${Math.max(0, ...r.inp).toFixed(0)} (${r.inp.length} interactions) | ${(r.heap / 2 ** 20).toFixed(1)} |`,
    );
  }
  if (!process.argv.includes('--skip-cold')) {
    const c = await coldStart(browser, LINKS.default);
    console.log(
      `\nCold start, CPU 4× slower, 1.5 Mbit/s and 150 ms latency, nothing cached: API at ${c.api.toFixed(1)} s, first round at ${c.first.toFixed(1)} s, ${(c.bytes / 1e6).toFixed(2)} MB transferred until then.`,
    );
  }
  console.log(
    `\n${SECONDS} s of training per link with ${INTERACTIONS} interactions; 1366×768, every panel open; Chromium ${browser.version()}.`,
  );
  await browser.close();
} finally {
  server.kill();
}
