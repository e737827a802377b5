// In front of a class: pace (rounds per second, run to round K, step by 10 and 100), a log round axis and a window,
// and shortcuts that work after a click. (The projector itself: e2e/projector.spec.ts.)
import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { openRun } from './helpers';

const rounds = (page: Page) => page.evaluate(() => window.subnetLab.metrics().round.at(-1) ?? 0);

test('speed=10 trains about ten rounds a second; until= pauses there; Step +10 and +100; all in the link', async ({
  page,
}) => {
  await openRun(page, '?backend=wasm&m=256&speed=10&until=25');
  await page.evaluate(() => window.subnetLab.play());
  await page.waitForTimeout(1500);
  const after = await rounds(page);
  // 1.5 s at 10 rounds/s: about 15 (the start takes a moment), far from full speed's hundreds.
  expect(after).toBeGreaterThanOrEqual(5);
  expect(after).toBeLessThanOrEqual(20);
  await expect.poll(() => page.evaluate(() => window.subnetLab.status()), { timeout: 10_000 }).toBe('paused');
  expect(await rounds(page)).toBe(25);
  await page.getByRole('button', { name: 'Step 10', exact: true }).click();
  await expect.poll(() => rounds(page)).toBe(35);
  await page.getByRole('button', { name: 'Step 100', exact: true }).click();
  await expect.poll(() => rounds(page)).toBe(135);
  await page.getByRole('combobox', { name: 'speed' }).selectOption('full');
  await expect(page).not.toHaveURL(/speed=/);
  await expect(page).toHaveURL(/until=25/);
  await page.getByRole('combobox', { name: 'round axis' }).selectOption('log');
  await expect(page).toHaveURL(/xaxis=log/);
  await expect(page.locator('[data-chart="error"] .axis-label').first()).toHaveText('global round k (log)');
  await page.getByRole('combobox', { name: 'show' }).selectOption('1000');
  await expect(page).toHaveURL(/window=1000/);
});

test('a bad speed or until is clamped with a message', async ({ page }) => {
  await openRun(page, '?backend=wasm&m=64&speed=-4&until=abc');
  const messages = await page.evaluate(() => window.subnetLab.messages());
  expect(messages.join(' ')).toMatch(/speed = "-4" is below the smallest speed \(rounds\/s\), 0\.1; clamped to 0\.1/);
  expect(messages.join(' ')).toMatch(/until = "abc" is not a number or "none"/);
});

test('shortcuts work after clicking a button and a slider; the focused control keeps the keys it needs', async ({
  page,
}) => {
  await openRun(page, '?backend=wasm&m=128&scheme=custom&mask=bernoulli&p=2');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => rounds(page)).toBe(1);
  // Focus is on the Step button: p, t, r and → are still shortcuts.
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => rounds(page)).toBe(2);
  await page.keyboard.press('t');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.keyboard.press('p');
  await expect(page).toHaveURL(/present=1/);
  await page.keyboard.press('p');
  await expect(page).not.toHaveURL(/present=1/);
  await page.keyboard.press('r');
  await expect.poll(() => rounds(page)).toBe(0);
  // Focus on a slider: the arrows move it, the letters are shortcuts.
  const p = page.getByRole('slider', { name: /subnetworks p/ });
  await p.click();
  const before = await p.inputValue();
  await page.keyboard.press('ArrowRight');
  expect(await p.inputValue()).not.toBe(before);
  expect(await rounds(page)).toBe(0);
  await page.keyboard.press('t');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.keyboard.press('p');
  await expect(page).toHaveURL(/present=1/);
  // A text field takes letters.
  await page.keyboard.press('p');
  await page.getByRole('spinbutton', { name: 'run to round' }).click();
  await page.keyboard.press('t');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
