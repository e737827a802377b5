// Inside a course page: the built app under a sub-path on one site (127.0.0.1), embedded by a page on another site
// (localhost) — another site, not just another port, so the frame gets no storage; assets load, training runs, the
// host drives it by postMessage and hears its events; malformed messages are refused and change nothing, a host's own
// traffic is ignored; Share works in the frame without clipboard permission; the embed fits a 960×600 frame.
import path from 'node:path';

import type { Frame, Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { seriousViolations } from './helpers';
import { type Served, serveStatic } from './staticServer';

const APP = 'http://127.0.0.1:4301';
const HOST = 'http://localhost:4302';
const SUB = '/course/subnetlab/';

const hostPage = (src: string) => `<!doctype html><html lang="en"><head><title>Course page</title></head><body>
<h1>Week 3: dropout against IST</h1>
<iframe id="app" title="Subnet Lab" src="${src}" width="960" height="600" style="border:1px solid #ccc"></iframe>
<script>
  window.events = []; window.replies = {}; window.all = [];
  addEventListener('message', (e) => {
    if (e.origin !== '${APP}') return;
    window.all.push(e.data);
    if (e.data && e.data.type === 'subnetlab:event') window.events.push(e.data);
    else if (e.data && 'id' in e.data) window.replies[e.data.id] = e.data;
  });
  window.send = (msg) => document.getElementById('app').contentWindow.postMessage(msg, '${APP}');
  window.call = (id, method, args) => new Promise((resolve) => {
    send({ type: 'subnetlab:call', id, method, args });
    const t = setInterval(() => { if (window.replies[id]) { clearInterval(t); resolve(window.replies[id]); } }, 20);
  });
</script></body></html>`;

let app: Served;
let host: Served;

test.beforeAll(async () => {
  app = await serveStatic(4301, SUB, path.resolve('dist'));
  host = await serveStatic(4302, '/', null, {
    '/embed.html': hostPage(`${APP}${SUB}?backend=wasm&m=256&embed=1&panels=error,ntk&controls=p,tau,play`),
    '/full.html': hostPage(`${APP}${SUB}?backend=wasm&m=256`),
  });
});
test.afterAll(async () => {
  await app.close();
  await host.close();
});

const events = (page: Page) => page.evaluate(() => (window as unknown as { events: { event: string }[] }).events);
const call = (page: Page, id: number | string, method: string, args?: unknown[]) =>
  page.evaluate(([i, m, a]) => (window as unknown as { call: (...x: unknown[]) => Promise<unknown> }).call(i, m, a), [
    id,
    method,
    args,
  ] as const) as Promise<{ type: string; id: unknown; result?: unknown; error?: string }>;

/** Whether this document's storage throws (evaluated in the frame). */
function storageRefused(): boolean {
  try {
    localStorage.getItem('x');
    return false;
  } catch {
    return true;
  }
}

async function frameOf(page: Page): Promise<Frame> {
  await expect.poll(async () => (await events(page)).some((e) => e.event === 'ready'), { timeout: 60_000 }).toBe(true);
  const frame = page.frame({ url: /course\/subnetlab/ });
  if (!frame) throw new Error('no app frame');
  return frame;
}

test('under a sub-path, embedded cross-origin: assets load, the host drives it by postMessage and hears its events', async ({
  page,
}, info) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${HOST}/embed.html`);
  const frame = await frameOf(page);
  expect(app.misses).toEqual([]);
  // The room: a frame on another site, where reading storage throws and Web Locks are refused (Chromium refuses a
  // third-party frame its storage in an everyday profile as in an incognito one).
  expect(await frame.evaluate(storageRefused)).toBe(true);
  // Only the chosen panels and controls, no header; fits the frame without scrolling.
  await expect(frame.locator('[data-chart="error"]')).toBeVisible();
  await expect(frame.locator('[data-chart="ntk"]')).toBeVisible();
  await expect(frame.locator('[data-chart="neurons"], .header, [data-panel="theory"]')).toHaveCount(0);
  await expect(frame.getByTestId('control-bar').getByRole('slider')).toHaveCount(2);
  await expect(frame.getByRole('link', { name: /Open in Subnet Lab/ })).toHaveAttribute(
    'href',
    /course\/subnetlab\/\?.*m=256/,
  );
  const scroll = await frame.evaluate(() => [
    document.documentElement.scrollHeight,
    innerHeight,
    document.documentElement.scrollWidth,
    innerWidth,
  ]);
  expect(scroll[0]).toBeLessThanOrEqual(scroll[1]);
  expect(scroll[2]).toBeLessThanOrEqual(scroll[3]);
  // Calls: step answers once its rounds are trained.
  const stepped = await call(page, 1, 'step', [20]);
  expect(stepped).toEqual({ type: 'subnetlab:result', id: 1, result: null });
  const metrics = await call(page, 2, 'metrics');
  expect((metrics.result as { round: number[] }).round).toHaveLength(21);
  const set = await call(page, 'cfg', 'setConfig', ['scheme=ist&p=4&m=256&tau=7&colour=red']);
  expect(set.result).toEqual(['"colour" is not a key of the train view\'s link.']);
  expect(((await call(page, 3, 'config')).result as { scheme: string; tau: number }).tau).toBe(7);
  await call(page, 4, 'step', [5]);
  expect((await call(page, 5, 'status')).result as string).toBe('paused');
  // Events: ready once, rounds, the content's size.
  await expect.poll(async () => (await events(page)).filter((e) => e.event === 'round').length).toBeGreaterThan(0);
  const all = await events(page);
  expect(all.filter((e) => e.event === 'ready')).toHaveLength(1);
  expect(all.some((e) => e.event === 'size')).toBe(true);
  expect(errors).toEqual([]);
  await page.screenshot({ path: info.outputPath('embed-960x600.png') });
});

test('malformed messages are answered with an error and change nothing', async ({ page }) => {
  await page.goto(`${HOST}/embed.html`);
  await frameOf(page);
  const before = (await call(page, 'c0', 'config')).result;
  const bad: unknown[] = [
    { type: 'subnetlab:call', method: 'step', args: [1] },
    { type: 'subnetlab:call', id: {}, method: 'step', args: [1] },
    { type: 'subnetlab:call', id: 10, method: 'format', args: [] },
    { type: 'subnetlab:call', id: 11, method: 'step', args: 20 },
    { type: 'subnetlab:call', id: 12, method: 'step', args: [-1] },
    { type: 'subnetlab:call', id: 13, method: 'step', args: [2.5] },
    { type: 'subnetlab:call', id: 14, method: 'setConfig', args: [42] },
    { type: 'subnetlab:call', id: 15, method: 'play', args: ['now'] },
    { type: 'subnetlab:call', id: 16, method: 'openLesson', args: ['{"format":"subnet-lab-lesson/1"}'] },
    { type: 'subnetlab:call', id: 17, method: '__proto__', args: [] },
    { type: 'subnetlab:calls', id: 18, method: 'step', args: [1] },
  ];
  // A host's own traffic (a deck's slide:start, another widget's messages) is not addressed to the app: no answer.
  const foreign: unknown[] = ['slide:start', 'slide:stop', { namespace: 'reveal', eventName: 'ready' }, { type: 'x' }];
  for (const msg of [...foreign, ...bad])
    await page.evaluate((m) => (window as unknown as { send: (x: unknown) => void }).send(m), msg);
  await expect
    .poll(() => page.evaluate(() => Object.keys((window as unknown as { replies: object }).replies).length))
    .toBeGreaterThanOrEqual(11);
  const replies = await page.evaluate(
    () => (window as unknown as { replies: Record<string, { type: string; error?: string }> }).replies,
  );
  for (const id of ['10', '11', '12', '13', '14', '15', '16', '17', '18']) {
    expect(replies[id]?.type, `reply to ${id}`).toBe('subnetlab:error');
    expect(replies[id]?.error).toMatch(/\w/);
  }
  expect(replies['10'].error).toMatch(/unknown method; the methods are config/);
  // One error per malformed message addressed to the app (two without an id), none for the foreign ones.
  const all = await page.evaluate(() => (window as unknown as { all: { type: string }[] }).all);
  expect(all.filter((m) => m.type === 'subnetlab:error')).toHaveLength(bad.length);
  expect(replies['16'].error).toMatch(/^Lesson refused — /);
  expect((await call(page, 'c1', 'config')).result).toEqual(before);
  expect(((await call(page, 'c2', 'metrics')).result as { round: number[] }).round).toHaveLength(1);
  // Markup in a configuration is a corrected value, shown as text.
  const frame = page.frame({ url: /course\/subnetlab/ }) as Frame;
  const set = await call(page, 'c3', 'setConfig', ['scheme=<img src=x onerror="parent.pwned=1">&m=256']);
  expect((set.result as string[]).join(' ')).toMatch(/scheme = "<img src=x onerror=/);
  await expect(frame.getByTestId('link-messages')).toContainText('<img src=x');
  await expect(frame.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
});

test('Share inside a cross-origin frame: a selectable link and a Copy button that says whether it worked, no permission errors', async ({
  page,
}) => {
  const console: string[] = [];
  page.on('console', (m) => console.push(m.text()));
  await page.goto(`${HOST}/full.html`);
  const frame = await frameOf(page);
  await frame.getByRole('button', { name: 'Share' }).click();
  const field = frame.getByLabel('Link to this run');
  await expect(field).toHaveValue(/course\/subnetlab\/\?.*m=256/);
  await frame.getByRole('button', { name: 'Copy link' }).click();
  await expect(frame.getByTestId('copy-link')).toHaveText(
    /^(Copied\.|Copying is not allowed here: the link is selected — copy it by hand\.)$/,
  );
  expect(await field.evaluate((el: HTMLInputElement) => el.selectionEnd! - el.selectionStart!)).toBeGreaterThan(10);
  expect(console.filter((t) => /permission|clipboard|NotAllowed/i.test(t))).toEqual([]);
});

test('the embed and the Embed dialog: axe-clean, and the snippet reproduces this run in a frame', async ({ page }) => {
  await page.setViewportSize({ width: 960, height: 600 });
  await page.goto(`/?backend=wasm&m=256&embed=1&panels=error,ntk,volume&controls=p,tau,play,speed`);
  await page.waitForFunction(() => window.subnetLab?.status() === 'ready');
  await expect(page.getByTestId('link-messages')).toContainText('panels: "volume" left out');
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto(`/?backend=wasm&m=256&scheme=ist&p=4`);
  await page.waitForFunction(() => window.subnetLab?.status() === 'ready');
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('button', { name: 'Embed…' }).click();
  const snippet = await page.getByLabel('iframe snippet').inputValue();
  expect(snippet).toMatch(
    /^<iframe src="http:\/\/localhost:4173\/\?scheme=ist&amp;.*&amp;embed=1&amp;panels=error&amp;controls=play,p,tau" width="960" height="600"/,
  );
  // For slides: projector type, and playing whenever its slide is shown.
  await page.getByLabel('large type for a projector').check();
  await page.getByLabel('play when shown').check();
  expect(await page.getByLabel('iframe snippet').inputValue()).toMatch(
    /controls=play,p,tau&amp;present=1&amp;autoplay=1" width="960" height="600"/,
  );
  expect(await seriousViolations(page)).toEqual([]);
});
