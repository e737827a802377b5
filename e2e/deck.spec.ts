// A lecture: a real reveal.js deck on one site (localhost) embedding the app from another (127.0.0.1), as a course's
// slides embed a copy hosted elsewhere. The frames get no storage there; an embed starts only when its slide is shown,
// pauses when it is left, and plays again on its own with autoplay=1; after Play is clicked inside a frame, the deck's
// keys (→, Space, PageDown) still move the deck, through the recipe's three-line forwarder; the deck's own messages
// into the frames get no answer.
import path from 'node:path';

import type { Frame, Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { type Served, serveStatic } from './staticServer';

const APP = 'http://127.0.0.1:4303';
const HOST = 'http://localhost:4304';
const SUB = '/slides/subnetlab/';

/** The README's recipe: the embeds, and the three lines that hand the frames' keys to the deck. */
const deck = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Week 3</title>
<link rel="stylesheet" href="/reveal/reveal.css"><link rel="stylesheet" href="/reveal/theme/white.css"></head>
<body><div class="reveal"><div class="slides">
<section><h2>Week 3: dropout against IST</h2></section>
<section><iframe id="dropout" title="Dropout" width="960" height="600" style="border:0"
  src="${APP}${SUB}?backend=wasm&m=256&scheme=dropout&embed=1&panels=error&controls=play,xi"></iframe></section>
<section><iframe id="ist" title="IST" width="960" height="600" style="border:0"
  src="${APP}${SUB}?backend=wasm&m=256&scheme=ist&p=4&autoplay=1&speed=100&embed=1&panels=error&controls=play,p,tau"></iframe></section>
<section><h2>Questions?</h2></section>
</div></div>
<script src="/reveal/reveal.js"></script>
<script>
  Reveal.initialize({ width: 960, height: 620, hash: false, transition: 'slide' });
  window.fromApp = [];
  addEventListener('message', (e) => {
    if (e.data && e.data.type === 'subnetlab:event' && e.data.event === 'key') Reveal.triggerKey(e.data.data.keyCode);
    if (e.origin === '${APP}') window.fromApp.push(e.data);
  });
</script></body></html>`;

let app: Served;
let host: Served;

test.beforeAll(async () => {
  app = await serveStatic(4303, SUB, path.resolve('dist'));
  host = await serveStatic(4304, '/reveal/', path.resolve('node_modules/reveal.js/dist'), { '/deck.html': deck });
});
test.afterAll(async () => {
  await app.close();
  await host.close();
});

const slide = (page: Page) =>
  page.evaluate(() => (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h);
const frame = (page: Page, id: string) => page.frameLocator(`#${id}`);
async function appFrame(page: Page, id: string): Promise<Frame> {
  const handle = await page.locator(`#${id}`).elementHandle();
  const f = await handle?.contentFrame();
  if (!f) throw new Error(`no frame ${id}`);
  await f.waitForFunction(() => typeof window.subnetLab !== 'undefined');
  return f;
}
const status = (f: Frame) => f.evaluate(() => window.subnetLab.status());
const rounds = (f: Frame) => f.evaluate(() => window.subnetLab.metrics().round.length);

test('a reveal.js deck on another site: embeds start when shown, pause when left, and the clicker moves the deck', async ({
  page,
}, info) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${HOST}/deck.html`);
  await expect.poll(() => slide(page)).toBe(0);
  const dropout = await appFrame(page, 'dropout');
  const ist = await appFrame(page, 'ist');
  // Another site: the frames get no storage at all, and start all the same.
  const storage = await dropout.evaluate(() => {
    try {
      localStorage.getItem('x');
      return 'allowed';
    } catch {
      return 'refused';
    }
  });
  expect(storage).toBe('refused');
  // On the title slide neither embed has started its engine.
  await page.waitForTimeout(1500);
  expect([await status(dropout), await status(ist)]).toEqual(['starting', 'starting']);
  expect([await rounds(dropout), await rounds(ist)]).toEqual([0, 0]);

  // → shows slide 2: its engine starts and waits for Play; slide 3's still has not started.
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => slide(page)).toBe(1);
  await expect.poll(() => status(dropout), { timeout: 60_000 }).toBe('ready');
  expect(await status(ist)).toBe('starting');
  await frame(page, 'dropout').getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => rounds(dropout)).toBeGreaterThan(5);
  // The focus is inside the frame: → still moves the deck, and the dropout run pauses where it was.
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => slide(page)).toBe(2);
  await expect.poll(() => status(dropout)).toBe('paused');
  const held = await rounds(dropout);
  // Slide 3's embed has autoplay=1: it starts and plays on its own.
  await expect.poll(() => rounds(ist), { timeout: 60_000 }).toBeGreaterThan(5);
  expect(await status(ist)).toBe('running');
  await page.waitForTimeout(1000);
  expect(await rounds(dropout)).toBe(held);
  await page.screenshot({ path: info.outputPath('deck-ist.png') });

  // Play clicked inside the IST frame, then Space and PageDown: the deck moves on each time.
  await frame(page, 'ist').getByRole('button', { name: 'Pause', exact: true }).click();
  await frame(page, 'ist').getByRole('button', { name: 'Play', exact: true }).click();
  await page.keyboard.press('Space');
  await expect.poll(() => slide(page)).toBe(3);
  await expect.poll(() => status(ist)).toBe('paused');
  await page.keyboard.press('PageUp');
  await expect.poll(() => slide(page)).toBe(2);
  // Shown again: autoplay resumes from where it was, not from the start.
  const before = await rounds(ist);
  await expect.poll(() => rounds(ist)).toBeGreaterThan(before);
  expect(await status(ist)).toBe('running');
  await page.keyboard.press('PageUp');
  await expect.poll(() => slide(page)).toBe(1);
  // Without autoplay the dropout embed stays paused where it was when shown again.
  await page.waitForTimeout(800);
  expect(await status(dropout)).toBe('paused');
  expect(await rounds(dropout)).toBe(held);

  // reveal.js posted slide:start and slide:stop into the frames: not one answer, and nothing uncaught anywhere.
  const fromApp = await page.evaluate(() => (window as unknown as { fromApp: { type: string }[] }).fromApp);
  expect(fromApp.filter((m) => m.type === 'subnetlab:error')).toEqual([]);
  expect(fromApp.some((m) => m.type === 'subnetlab:event')).toBe(true);
  expect(errors).toEqual([]);
});
