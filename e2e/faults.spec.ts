// Nothing lost: the engine's worker killed from inside mid-run is replaced and the run resumes from its checkpoint,
// exactly (wasm: the whole error curve equal to an uncrashed run's, every round once); a worker that dies again at once
// is not restarted in a loop; a lost WebGPU device fails over to another backend from the checkpoint.
import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { openRun, workerOf } from './helpers';

const LINK = '?backend=wasm&scheme=dropout&xi=0.5&m=256&n=16&d=8&seed=3';

/** Kills the engine's worker from inside, as a crash would look from the page: it just stops answering. */
async function killEngine(page: Page): Promise<void> {
  await (await workerOf(page, 'engine')).evaluate(() => self.close());
}

/** A checkpoint after the rounds so far (the client takes one when a chunk comes in three seconds after the last). */
async function checkpointNow(page: Page): Promise<void> {
  await page.waitForTimeout(3200);
  await page.evaluate(() => window.subnetLab.step(1));
}

test('a worker killed mid-run is replaced and the run resumes exactly: the whole curve equals the uncrashed one', async ({
  page,
}) => {
  await openRun(page, LINK);
  await page.evaluate(() => window.subnetLab.step(300));
  const whole = await page.evaluate(() => window.subnetLab.metrics());
  await openRun(page, LINK);
  await page.evaluate(() => window.subnetLab.step(120));
  await checkpointNow(page);
  await killEngine(page);
  const statuses: string[] = [];
  const stepping = page.evaluate(() => window.subnetLab.step(179));
  for (
    let i = 0;
    i < 120 &&
    !(await page.evaluate(
      () => window.subnetLab.status() === 'paused' && (window.subnetLab.metrics().round.at(-1) ?? 0) >= 300,
    ));
    i++
  ) {
    statuses.push(await page.evaluate(() => window.subnetLab.status()));
    await page.waitForTimeout(250);
  }
  await stepping;
  expect(statuses, statuses.join(' ')).toContain('recovering');
  const resumed = await page.evaluate(() => window.subnetLab.metrics());
  expect(resumed.round).toEqual(Array.from({ length: 301 }, (_, k) => k));
  expect(resumed.err).toEqual(whole.err);
  expect(resumed.surrErr).toEqual(whole.surrErr);
  await expect(page.getByTestId('notice')).toContainText(
    /stopped at round \d+ \(it (ended|stopped answering)\); a new one resumed the run from round 121/,
  );
  expect(await page.evaluate(() => window.subnetLab.tensorCount())).toBeGreaterThan(0);
});

test('a worker that dies again right after resuming is not restarted in a loop: the run stops with the reason', async ({
  page,
}) => {
  await openRun(page, LINK);
  await page.evaluate(() => window.subnetLab.step(20));
  await killEngine(page);
  await page.evaluate(() => window.subnetLab.step(5));
  expect(await page.evaluate(() => window.subnetLab.metrics().round.length)).toBe(26);
  await killEngine(page);
  await page.evaluate(() => window.subnetLab.step(5)).catch(() => undefined);
  await expect.poll(() => page.evaluate(() => window.subnetLab.status()), { timeout: 30_000 }).toBe('error');
  await expect(page.getByTestId('notice')).toContainText('stopped again right after resuming');
  // Reset starts it again.
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect.poll(() => page.evaluate(() => window.subnetLab.status()), { timeout: 30_000 }).toBe('ready');
});

test('a lost WebGPU device: the run goes on on another backend from its checkpoint, every round kept once', async ({
  page,
}) => {
  await openRun(page, '?backend=webgpu&scheme=dropout&m=128&n=8&d=4&seed=2');
  await page.evaluate(() => window.subnetLab.step(30));
  await checkpointNow(page);
  const w = await workerOf(page, 'engine');
  await w.evaluate(() => (self as unknown as { subnetLabLoseDevice: () => void }).subnetLabLoseDevice());
  await page.evaluate(() => window.subnetLab.step(20));
  const m = await page.evaluate(() => window.subnetLab.metrics());
  expect(m.round).toEqual(Array.from({ length: m.round.length }, (_, k) => k));
  expect(m.round.at(-1)).toBeGreaterThanOrEqual(50);
  expect(await page.evaluate(() => window.subnetLab.backend())).not.toBe('webgpu');
  expect(await page.getByTestId('backend').getAttribute('title')).toMatch(
    /webgpu failed \(the WebGPU device was lost.*\); continued on \w+ from round 31/,
  );
});
