// Each backend, forced by the link, starts, trains, and the error falls; a screenshot of the main screen is kept.
import { expect, test } from './fixtures';
import { expectTrains, openRun } from './helpers';

for (const backend of ['webgpu', 'webgl', 'wasm', 'cpu'] as const) {
  test(`?backend=${backend} trains and the error falls`, async ({ page }) => {
    await openRun(page, `?backend=${backend}&scheme=msdropout&p=2&m=128&n=16&d=8`);
    expect(await page.evaluate(() => window.subnetLab.backend())).toBe(backend);
    await expect(page.getByTestId('backend')).toContainText(backend.toUpperCase());
    await expectTrains(page, 15);
  });
}

test('the main screen after training (screenshot kept as a test artifact)', async ({ page }, info) => {
  await openRun(page, '?backend=wasm&scheme=dropout&m=1024&n=16&d=8');
  await page.evaluate(() => window.subnetLab.step(300));
  await page.waitForTimeout(300);
  await page.screenshot({ path: info.outputPath('main-screen.png'), fullPage: true });
  const err = await page.evaluate(() => window.subnetLab.metrics().err);
  expect(err.at(-1)).toBeLessThan(err[0] / 2);
  await expect(page.getByTestId('theory-numbers')).toContainText('neighbourhood R_lazy');
});

test('the worker keeps a flat tensor count over 300 rounds', async ({ page }) => {
  await openRun(page, '?backend=wasm&scheme=ist&p=3&tau=2&m=256&n=16&d=8');
  await page.evaluate(() => window.subnetLab.step(1));
  const before = await page.evaluate(() => window.subnetLab.tensorCount());
  await page.evaluate(() => window.subnetLab.step(300));
  expect(await page.evaluate(() => window.subnetLab.tensorCount())).toBe(before);
});

test('step(k) called as soon as window.subnetLab exists waits for the engine and returns k rounds', async ({
  page,
}) => {
  await page.goto('/?backend=wasm&m=128&n=16&d=8');
  await page.waitForFunction(() => typeof window.subnetLab !== 'undefined');
  const rounds = await page.evaluate(async () => {
    await window.subnetLab.step(5);
    return window.subnetLab.metrics().round;
  });
  expect(rounds).toEqual([0, 1, 2, 3, 4, 5]);
  // A refused configuration rejects with the reason.
  await page.goto('/?backend=wasm&m=131072&n=4096&d=1024&scheme=msdropout&p=32');
  await page.waitForFunction(() => typeof window.subnetLab !== 'undefined');
  const why = await page.evaluate(() =>
    window.subnetLab.step(3).then(
      () => 'stepped',
      (e: Error) => e.message,
    ),
  );
  expect(why).toMatch(/needs about \d+ MB/);
});

test('with a software WebGPU adapter and a software WebGL, the automatic choice measures the CPU backends and takes the faster', async ({
  page,
}) => {
  await openRun(page, '?m=256&n=16&d=8');
  expect(await page.evaluate(() => window.subnetLab.backend())).toBe('wasm');
  const note = await page.getByTestId('backend').getAttribute('title');
  expect(note).toMatch(
    /rounds\/s: wasm [\d.]+, cpu [\d.]+; chose the fastest\. Skipped: WebGPU: software adapter .*, not a GPU; WebGL: software renderer/,
  );
});
