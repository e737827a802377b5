// The address bar is always a shareable link: a slider updates it, and opening it reproduces the run.
import { expect, test } from './fixtures';
import { openRun, stepAndRead } from './helpers';

test('moving a slider updates the URL; the URL reproduces the first 20 rounds', async ({ page, context }) => {
  await openRun(page, '?backend=wasm&scheme=dropout&m=256&n=16&d=8&seed=7');
  const slider = page.getByLabel('width m');
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/m=304(&|$)/);
  await page.waitForFunction(() => window.subnetLab.status() === 'ready' && window.subnetLab.config().m === 304);
  const first = await stepAndRead(page, 20);
  const url = page.url();
  const other = await context.newPage();
  await openRun(other, url.slice(url.indexOf('?')));
  expect(await other.evaluate(() => window.subnetLab.config().m)).toBe(304);
  expect(await stepAndRead(other, 20)).toEqual(first);
});

test('a live setting (τ) changes from the next round without a restart and lands in the link', async ({ page }) => {
  await openRun(page, '?backend=wasm&scheme=custom&p=2&m=128&n=16&d=8');
  await stepAndRead(page, 5);
  const slider = page.getByLabel('local steps τ');
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/tau=2(&|$)/);
  const err = await stepAndRead(page, 5);
  expect(err).toHaveLength(11);
});
