// Fuzzed inputs in the page (seeded, src/core/fuzzing.ts): links, data and run files through their buttons, and lesson
// files; each is refused or corrected in words, raises no page error, and never reaches the DOM as markup. (The unit
// fuzzer covers some 450 more; postMessage payloads: e2e/embed.spec.ts and src/state/hostMessages.test.ts.)
import type { Page } from '@playwright/test';

import { randomCsv, randomJsonData, randomLesson, randomLink, randomRunFile, reseed } from '../src/core/fuzzing';
import { expect, test } from './fixtures';
import { openRun } from './helpers';

/** Nothing a fuzzed input holds was turned into an element. */
async function noMarkup(page: Page): Promise<void> {
  expect(await page.locator('script:not([type="module"]), img[src="x"], svg[onload], [onerror]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
}

test('25 fuzzed links open a working page with their corrections in words', async ({ page }) => {
  reseed(11);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => void d.dismiss().then(() => errors.push('a dialog opened')));
  for (let i = 0; i < 25; i++) {
    const q = randomLink().replace('backend=', 'b=');
    await openRun(page, `${q}&backend=wasm`);
    expect(['ready', 'refused', 'error']).toContain(await page.evaluate(() => window.subnetLab.status()));
    await noMarkup(page);
  }
  expect(errors).toEqual([]);
});

test('40 fuzzed data and run files through the upload buttons, 40 lesson files: refused in words, nothing changed', async ({
  page,
}) => {
  reseed(12);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openRun(page, '?backend=wasm&m=64&n=8&d=4');
  const before = await page.evaluate(() => window.subnetLab.config());
  await page.getByText('Export and import').click();
  for (let i = 0; i < 40; i++) {
    const data = i % 2 ? randomCsv() : randomJsonData();
    const run = randomRunFile();
    await page
      .getByLabel('Train on your data')
      .setInputFiles({ name: 'd.csv', mimeType: 'text/csv', buffer: Buffer.from(data) });
    await page
      .getByLabel('Load a run file')
      .setInputFiles({ name: 'r.json', mimeType: 'application/json', buffer: Buffer.from(run) });
    const lesson = await page.evaluate(
      (t) =>
        window.subnetLab.openLesson(t).then(
          () => null,
          (e: Error) => e.message,
        ),
      randomLesson(),
    );
    if (lesson !== null) expect(lesson).toMatch(/^Lesson refused — \S/);
  }
  await page.waitForFunction(() => ['ready', 'paused', 'refused', 'error'].includes(window.subnetLab.status()));
  await noMarkup(page);
  expect(errors).toEqual([]);
  // A malformed file changes nothing: the data the page trains on are still its own unless one was accepted.
  const after = await page.evaluate(() => window.subnetLab.config());
  expect(after.scheme).toBe(before.scheme);
});
