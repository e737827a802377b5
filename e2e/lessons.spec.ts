// Lessons as a student takes them: a step link opens its configuration and highlight, a whole lesson from its first
// step to its last (goals checked live), the first-visit card, custom lessons from a file and from a #lesson= link,
// malformed files refused with the field named and nothing else changed, markup kept as text, axe and screenshots.
import { readdirSync } from 'node:fs';

import type { Page } from '@playwright/test';

import { encodeLesson } from '../src/core/lessons/share';
import { expect, test } from './fixtures';
import { openRun, seriousViolations } from './helpers';

const custom = (text: string) =>
  JSON.stringify({
    format: 'subnet-lab-lesson/1',
    id: 'my-lesson',
    title: 'My own lesson',
    summary: 'A lecturer’s lesson.',
    steps: [
      {
        title: 'Wide GD',
        text,
        link: 'scheme=gd&m=256',
        focus: 'error',
        goal: { text: 'Train below 0.01', all: [{ metric: 'err', lt: 0.01 }] },
        solution: '',
      },
      { title: 'Dropout', text: 'Now with masks.', link: 'scheme=dropout&m=256' },
    ],
  });

const lesson = (page: Page) => page.evaluate(() => window.subnetLab.lesson());

test('a step link opens its configuration, its view and the highlighted panel, and Share keeps it', async ({
  page,
}) => {
  await openRun(page, '?lesson=schemes&step=3&backend=wasm');
  expect(await lesson(page)).toEqual({ id: 'schemes', step: 3, steps: 6, goalReached: false });
  expect(await page.evaluate(() => window.subnetLab.config())).toMatchObject({ scheme: 'dropout', xi: 0.5 });
  await expect(page.locator('html')).toHaveAttribute('data-focus', 'controls');
  await expect(page.locator('[data-panel="controls"]')).toHaveCSS('outline-style', 'solid');
  await expect(page.getByTestId('lesson-step')).toHaveText('Step 3 of 6');
  await expect(page).toHaveURL(/scheme=dropout.*&lesson=schemes&step=3/);
  await expect(page.getByTestId('welcome')).toHaveCount(0);
  // The regimes view's step: its own view and settings.
  await openRun(page, '?lesson=regimes&step=2&backend=wasm');
  await expect(page.locator('[data-panel="phase"]').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Width regimes' })).toHaveAttribute('aria-current', 'page');
});

test('a student takes a lesson from its first step to its last: Show me, the goal reached, Next, Back', async ({
  page,
}, info) => {
  await openRun(page, '?lesson=guarantee&backend=wasm');
  const panel = page.getByTestId('lesson');
  for (let step = 1; step <= 4; step++) {
    await expect(page.getByTestId('lesson-step')).toHaveText(`Step ${step} of 4`);
    await expect(page.getByTestId('lesson-goal')).toHaveText(/Not yet/);
    await panel.getByRole('button', { name: 'Show me' }).click();
    // Show me sets the step up; as the task says, it counts once the run has trained (a goal never reads the opening).
    await expect(page.getByTestId('lesson-goal')).toHaveText(/Not yet/);
    await page.evaluate((k) => window.subnetLab.step(k), step === 4 ? 600 : 20);
    await expect(page.getByTestId('lesson-goal')).toHaveText(/Goal reached/, { timeout: 30_000 });
    expect((await lesson(page))?.goalReached).toBe(true);
    await panel.getByRole('button', { name: 'Show the answer' }).click();
    await expect(page.getByTestId('lesson-answer')).toBeVisible();
    if (step === 1) await page.screenshot({ path: info.outputPath('lesson-step-1440.png') });
    if (step < 4) await panel.getByRole('button', { name: 'Next' }).click();
  }
  await expect(panel.getByRole('button', { name: 'Next' })).toBeDisabled();
  await panel.getByRole('button', { name: 'Back' }).click();
  expect(await lesson(page)).toMatchObject({ step: 3, goalReached: false });
  await panel.getByRole('button', { name: 'Restart' }).click();
  expect(await lesson(page)).toMatchObject({ step: 1 });
  await panel.getByRole('button', { name: 'Close the lesson' }).click();
  expect(await lesson(page)).toBeNull();
});

test('the first-visit card appears once, offers the first lesson, and never over a step link or in presentation mode', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openRun(page, '?backend=wasm&m=64');
  await expect(page.getByTestId('welcome')).toBeVisible();
  await page.getByRole('button', { name: 'Explore on my own' }).click();
  await expect(page.getByTestId('welcome')).toHaveCount(0);
  await openRun(page, '?backend=wasm&m=64');
  await expect(page.getByTestId('welcome')).toHaveCount(0);
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await openRun(other, '?lesson=convergence&step=2&backend=wasm');
  await expect(other.getByTestId('welcome')).toHaveCount(0);
  await openRun(other, '?present=1&backend=wasm');
  await expect(other.getByTestId('welcome')).toHaveCount(0);
  await openRun(other, '?backend=wasm&m=64');
  await other.getByRole('button', { name: /Start the first lesson/ }).click();
  await expect.poll(() => lesson(other)).toMatchObject({ id: 'convergence', step: 1 });
  await context.close();
  await fresh.close();
});

test('a custom lesson opens from a file and from a #lesson= link that carries it whole', async ({ page }, info) => {
  const text = custom('Watch the *straight line*: $\\rho^2 < 1$.');
  await openRun(page, '?backend=wasm');
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await page
    .getByLabel('Lesson file')
    .setInputFiles({ name: 'my.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect.poll(() => lesson(page)).toMatchObject({ id: 'my-lesson', step: 1, steps: 2 });
  await expect(page.getByTestId('lesson')).toContainText('straight line');
  await expect(page.locator('.lesson .katex')).toHaveCount(1);
  await expect(page).toHaveURL(/&lesson=my-lesson&step=1#lesson=[A-Za-z0-9_-]+$/);
  // The address bar is the lesson's link: it opens the same lesson elsewhere.
  const shared = page.url();
  const other = await page.context().newPage();
  await openRun(other, shared.replace(/^https?:\/\/[^/]+\//, ''));
  expect(await lesson(other)).toMatchObject({ id: 'my-lesson', step: 1 });
  // A course page's link, made without the app.
  await openRun(other, `?backend=wasm#lesson=${await encodeLesson(text)}`);
  expect(await lesson(other)).toMatchObject({ id: 'my-lesson', step: 1 });
  await other.evaluate(() => window.subnetLab.step(400));
  await expect(other.getByTestId('lesson-goal')).toHaveText(/Goal reached/);
  await other.setViewportSize({ width: 820, height: 1180 });
  await other.screenshot({ path: info.outputPath('lesson-custom-tablet.png') });
});

test('malformed lesson files are refused with the step and the field named, and nothing else changes', async ({
  page,
}) => {
  await openRun(page, '?backend=wasm&scheme=msdropout&p=3');
  const before = await page.evaluate(() => window.subnetLab.config());
  const url = page.url();
  const bad = [
    ['not JSON', '{"format":', /not JSON/],
    [
      'a future format',
      JSON.stringify({ ...JSON.parse(custom('t')), format: 'subnet-lab-lesson/9' }),
      /field "format"/,
    ],
    [
      'an unknown metric',
      custom('t').replace('"metric":"err"', '"metric":"loss"'),
      /step 1, field "goal"\.all\[0\]\.metric/,
    ],
    ['a corrected link', custom('t').replace('scheme=gd&m=256', 'scheme=gd&m=3'), /step 1, field "link"/],
    ['a step without text', custom(''), /step 1: "text"/],
    [
      'an unknown key',
      custom('t').replace('"focus":"error"', '"focus":"error","colour":"red"'),
      /"colour" is not a field/,
    ],
  ] as const;
  for (const [, text, message] of bad) {
    const error = await page.evaluate(
      (t) =>
        window.subnetLab.openLesson(t).then(
          () => 'opened',
          (e: Error) => e.message,
        ),
      text,
    );
    expect(error).toMatch(/^Lesson refused — /);
    expect(error).toMatch(message);
  }
  // The file button says why, beside itself, and the focus moves to the reason; a syntax error is named by line and
  // column; a full address that is not the app's asks for the query string only.
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  const choose = async (name: string, text: string) =>
    page.getByLabel('Lesson file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  const refusal = page.getByTestId('lesson-file-message');
  await choose('bad.json', '[1,2]');
  await expect(refusal).toHaveText(/^bad\.json: Lesson refused — the file must hold one JSON object/);
  await expect(refusal).toBeFocused();
  await expect(refusal).toBeInViewport();
  const button = await page.getByRole('button', { name: 'Open a lesson file…' }).boundingBox();
  const box = await refusal.boundingBox();
  expect(Math.abs((box?.y ?? 0) - (button?.y ?? 0))).toBeLessThan(120);
  await choose('typo.json', custom('t').replace('"summary":', '\n"summary":').replace(',\n"summary":', '\n"summary":'));
  await expect(refusal).toHaveText(/^typo\.json: Lesson refused — the file is not JSON — line 2, column 1: /);
  await choose('url.json', custom('t').replace('scheme=gd&m=256', 'https://www.youtube.com/watch?v=abc'));
  await expect(refusal).toHaveText(/field "link": .* give the query string only, e\.g\. "scheme=ist&p=4"\.$/);
  expect(await lesson(page)).toBeNull();
  expect(await page.evaluate(() => window.subnetLab.config())).toEqual(before);
  expect(page.url()).toBe(url);
});

test('lesson text with markup stays text; an unknown lesson opens the list with a message', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await openRun(page, '?backend=wasm');
  const text = custom(
    '<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=1"> $<b>x</b>$ [out](https://example.com)',
  );
  await page.evaluate((t) => window.subnetLab.openLesson(t), text);
  const body = page.getByTestId('lesson');
  await expect(body).toContainText('<script>window.__pwned=1</script>');
  await expect(body).toContainText('<img src=x onerror="window.__pwned=1">');
  await expect(body.locator('script, img, a[href]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toBe(0);
  await openRun(page, '?lesson=no-such-lesson&backend=wasm');
  await expect(page.getByTestId('lesson-message')).toHaveText(/There is no built-in lesson "no-such-lesson"/);
  await expect(page.getByRole('dialog', { name: 'Lessons' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Lessons' }).getByRole('button', { name: /^Start:/ })).toHaveCount(
    readdirSync('src/lessons').filter((f) => f.endsWith('.json')).length,
  );
});

test('axe finds no serious violations on a lesson step, the list and the theory page, light and dark', async ({
  page,
}) => {
  await openRun(page, '?lesson=convergence&step=3&backend=wasm');
  await page.getByRole('button', { name: 'Show the answer' }).click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '(C.3)' }).first().click();
  await expect(page.getByRole('dialog', { name: 'Theory' })).toBeVisible();
  await expect(page.locator('#theory-C\\.3')).toBeInViewport();
  expect(await seriousViolations(page)).toEqual([]);
});
