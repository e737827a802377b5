// The lesson editor as a lecturer uses it: a three-step lesson built entirely in the editor — each step the app as it
// is, goals from measurements, solutions from the current settings, one control held fixed — checked in the page (the
// same check as `lesson check`, in a worker), saved as a file that `lesson check` passes and as a link; taken as a
// student, the fixed control cannot be changed and every solution reaches its goal; axe on the editor; and, inside a
// course page on another site where the browser keeps nothing, a lesson edited and saved as a file.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { FrameLocator, Locator, Page } from '@playwright/test';

import { parseLesson } from '../src/core/lessons/format';
import { expect, test } from './fixtures';
import { openRun, seriousViolations } from './helpers';
import { serveStatic } from './staticServer';

const train = (page: Page, k: number) => page.evaluate((n) => window.subnetLab.step(n), k);

/** "Goal from a measurement": a metric, a target, the proposed threshold as the goal (or one more condition). */
async function goalFrom(step: Locator, metric: string, target: string): Promise<string> {
  await step.getByLabel('Measure', { exact: true }).selectOption(metric);
  await step.getByLabel('Target', { exact: true }).selectOption({ label: target });
  await expect(step.getByTestId('studio-now')).toHaveText(/Now: [\d.e-]+ ± /);
  const threshold = await step.getByLabel('Threshold').inputValue();
  await step.getByRole('button', { name: /Make this the goal|Add to the goal/ }).click();
  return threshold;
}

test('a lesson built in the editor is checked, saved as a file that lesson check passes and as a link, and taken as a student', async ({
  page,
  context,
}, info) => {
  test.setTimeout(600_000);
  await openRun(page, '?backend=wasm&m=256');
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await page.getByRole('button', { name: 'New lesson' }).click();
  const studio = page.getByTestId('studio');
  const step = page.getByTestId('studio-step');
  await studio.getByText('Lesson:').click();
  await studio.getByLabel('Lesson title').fill('Three plateaus');
  await studio.getByLabel('Lesson id').fill('three-plateaus');
  await studio.getByLabel('Lesson summary').fill('Dropout, more subnetworks, and no masks at all.');

  // Step 1: dropout as the app opened, its plateau measured; the solution: multi-sample dropout.
  await train(page, 1500);
  await page.getByRole('button', { name: 'Focus this panel: error' }).click();
  await studio.getByRole('button', { name: 'Add this as a step' }).click();
  await expect(step.locator('.studio-link code')).toHaveText('m=256');
  await step.getByLabel('Title', { exact: true }).fill('Dropout’s plateau');
  await step.getByLabel(/^Text/).fill('Dropout keeps each neuron with probability $\\xi$. {Play} and watch the error.');
  await expect(step.getByRole('group', { name: 'The text as the student sees it' }).locator('.katex')).toHaveCount(1);
  await goalFrom(step, 'plateau', 'lower than now');
  await page.getByRole('radio', { name: 'Multi-sample dropout' }).check();
  await train(page, 1500);
  await step.getByRole('button', { name: 'Use the current settings as the solution' }).click();
  await expect(step.locator('.studio-solution code')).toHaveText('scheme=msdropout&p=4');

  // Step 2: multi-sample dropout with ξ held fixed; half its plateau, by more subnetworks.
  await studio.getByRole('button', { name: 'Add this as a step' }).click();
  await expect(step.locator('.studio-link code')).toHaveText('scheme=msdropout&m=256&p=4');
  await step.getByLabel('Title', { exact: true }).fill('More subnetworks');
  await step.getByLabel(/^Text/).fill('Keep $\\xi$ and change how many subnetworks each round draws.');
  await step.getByLabel('The task’s control').selectOption('p');
  await goalFrom(step, 'plateau', 'half of now');
  await step.getByText('Fixed controls and hidden panels').click();
  await step.getByRole('checkbox', { name: 'mask probability ξ (xi)', exact: true }).check();
  await page.locator('[data-control="p"] input[type="range"]').fill('16');
  await train(page, 2500);
  await step.getByRole('button', { name: 'Use the current settings as the solution' }).click();
  await expect(step.locator('.studio-solution code')).toHaveText('p=16');

  // Step 3: full GD, its error ten times smaller by training on; a question.
  await page.getByRole('radio', { name: 'Full GD' }).check();
  await train(page, 300);
  await studio.getByRole('button', { name: 'Add this as a step' }).click();
  await step.getByLabel('Title', { exact: true }).fill('Full GD');
  await step.getByLabel(/^Text/).fill('Without masks the error falls in a straight line on the log plot.');
  await goalFrom(step, 'err', 'ten times smaller');
  await step.getByRole('button', { name: 'Use the current settings as the solution' }).click();
  await expect(step.locator('.studio-solution code')).toHaveText('the link as it is, trained');
  await step.getByLabel('Question', { exact: true }).fill('Why a straight line?');
  await step.getByLabel('Answer', { exact: true }).fill('The error shrinks by a constant factor each round.');
  await expect(studio.getByTestId('studio-refusal')).toHaveCount(0);

  // The check, in the page: every step passes, with its value, threshold, margin and rounds.
  await studio.getByRole('button', { name: 'Check every step' }).click();
  await expect(studio.getByTestId('studio-check-status')).toHaveText(/3 of 3 steps pass/, { timeout: 300_000 });
  for (const n of [1, 2, 3]) await expect(studio.getByTestId(`studio-check-${n}`)).toContainText(/< [\d.e-]+/);
  await page.screenshot({ path: info.outputPath('studio-1366.png') });
  expect(await seriousViolations(page)).toEqual([]);

  // Saved as a file: a lesson the format reads, which lesson check passes.
  const saved = page.waitForEvent('download');
  await studio.locator('.studio-handout').getByRole('button', { name: 'Save file' }).click();
  const download = await saved;
  expect(download.suggestedFilename()).toBe('three-plateaus.json');
  const file = info.outputPath('three-plateaus.json');
  await download.saveAs(file);
  const parsed = parseLesson(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  expect(parsed.lesson.steps.map((s) => [s.link, s.solution, s.goal?.conditions[0].metric])).toEqual([
    ['m=256', 'scheme=msdropout&p=4', 'plateau'],
    ['scheme=msdropout&m=256&p=4', 'p=16', 'plateau'],
    ['scheme=gd&m=256', '', 'err'],
  ]);
  expect(parsed.lesson.steps[1]).toMatchObject({ control: 'p', lock: ['xi'] });
  const check = spawnSync(path.resolve('node_modules/.bin/tsx'), ['src/cli/main.ts', 'lesson', 'check', file], {
    encoding: 'utf8',
  });
  writeFileSync(info.outputPath('lesson-check.txt'), check.stdout + check.stderr);
  expect(check.stdout).toMatch(/three-plateaus: 3 of 3 steps pass/);
  expect(check.status).toBe(0);

  // Saved as a link: the whole lesson in #lesson=, which opens it anywhere.
  await studio.getByRole('button', { name: 'Copy link' }).click();
  const link = await studio.getByLabel('Link', { exact: true }).inputValue();
  expect(link).toMatch(/^http:\/\/localhost:\d+\/#lesson=[A-Za-z0-9_-]+$/);
  const other = await context.newPage();
  await openRun(other, `?backend=wasm${new URL(link).hash}`);
  expect(await other.evaluate(() => window.subnetLab.lesson())).toMatchObject({ id: 'three-plateaus', steps: 3 });
  await other.close();

  // Taken as a student, in a new tab: the fixed control cannot be changed, and each solution reaches its goal.
  const opened = context.waitForEvent('page');
  await studio.getByRole('link', { name: 'Try as a student' }).click();
  const student = await opened;
  await student.waitForFunction(() => window.subnetLab?.lesson()?.id === 'three-plateaus', null, { timeout: 60_000 });
  const panel = student.getByTestId('lesson');
  for (const [n, rounds] of [
    [1, 1500],
    [2, 3000],
    [3, 1000],
  ]) {
    await expect(student.getByTestId('lesson-step')).toHaveText(`Step ${n} of 3`);
    if (n === 2) {
      const xi = student.locator('[data-control="xi"]');
      await expect(xi.getByRole('slider')).toBeDisabled();
      await expect(xi).toContainText('fixed in this step');
      await xi
        .getByRole('slider')
        .press('ArrowRight', { timeout: 1000 })
        .catch(() => undefined);
      await expect(student.locator('[data-control="p"]').getByRole('slider')).toBeEnabled();
      expect(await student.evaluate(() => window.subnetLab.config().xi)).toBe(0.5);
      await student.screenshot({ path: info.outputPath('studio-student-fixed.png') });
    }
    await panel.getByRole('button', { name: 'Show me' }).click();
    await train(student, rounds);
    await expect(student.getByTestId('lesson-goal')).toHaveText(/Goal reached/, { timeout: 30_000 });
    if (n < 3) await panel.getByRole('button', { name: 'Next' }).click();
  }
});

test('the editor keeps its work: undo and redo, reorder, duplicate, delete, and the draft kept for the next visit', async ({
  page,
}) => {
  await openRun(page, '?backend=wasm&m=64');
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await page.getByRole('button', { name: 'Edit a copy: Linear convergence to a neighbourhood' }).click();
  const studio = page.getByTestId('studio');
  const steps = studio.getByRole('list', { name: 'Steps' }).getByRole('listitem');
  await expect(steps).toHaveCount(5);
  const titles = () => steps.locator('.studio-pick > span').allTextContents();
  const first = await titles();
  await studio.getByRole('button', { name: 'Move step 1 down' }).click();
  expect((await titles()).slice(0, 2)).toEqual([first[1].replace(/^2/, '1'), first[0].replace(/^1/, '2')]);
  await studio.getByRole('button', { name: 'Duplicate step 2' }).click();
  await expect(steps).toHaveCount(6);
  await studio.getByRole('button', { name: 'Delete step 3' }).click();
  // The step that took its place is picked; a click picks another.
  await expect(steps.nth(2)).toHaveClass('on');
  await steps.nth(1).locator('.studio-pick').click();
  await studio.getByRole('button', { name: 'Delete step 2' }).click();
  await expect(steps).toHaveCount(4);
  for (let k = 0; k < 4; k++) await studio.getByRole('button', { name: 'Undo' }).click();
  expect(await titles()).toEqual(first);
  await studio.getByRole('button', { name: 'Redo' }).click();
  expect((await titles())[0]).toMatch(/^1\. /);
  await expect(studio.getByTestId('studio-not-kept')).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  // The draft is kept in this browser: the next visit continues it.
  await openRun(page, '?backend=wasm&m=64');
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await page
    .getByRole('button', { name: /Continue the draft “Linear convergence to a neighbourhood \(copy\)” \(5 steps\)/ })
    .click();
  await expect(steps).toHaveCount(5);
});

const APP = 'http://127.0.0.1:4311';
const HOST = 'http://localhost:4312';
const SUB = '/course/subnetlab/';

test('in a course page on another site, where the browser keeps nothing, a lesson is edited and saved as a file', async ({
  page,
}, info) => {
  const app = await serveStatic(4311, SUB, path.resolve('dist'));
  const host = await serveStatic(4312, '/', null, {
    '/course.html': `<!doctype html><html lang="en"><head><title>Course page</title></head><body><h1>Week 3</h1>
<iframe id="app" title="Subnet Lab" src="${APP}${SUB}?backend=wasm&amp;m=64" width="1000" height="700"></iframe></body></html>`,
  });
  try {
    await page.goto(`${HOST}/course.html`);
    const frame: FrameLocator = page.frameLocator('#app');
    await frame.getByRole('button', { name: 'Lessons', exact: true }).click({ timeout: 60_000 });
    await frame.getByRole('button', { name: 'Edit a copy: Linear convergence to a neighbourhood' }).click();
    const studio = frame.getByTestId('studio');
    // Nothing is kept here, and the editor says so beside the file that keeps it.
    await expect(studio.getByTestId('studio-not-kept')).toContainText('Save it as a file');
    await studio.getByRole('button', { name: 'Add this as a step' }).click();
    const step = frame.getByTestId('studio-step');
    await step.getByLabel('Title', { exact: true }).fill('My own last step');
    await step.getByLabel(/^Text/).fill('Everything at its defaults, with $m = 64$.');
    await page.screenshot({ path: info.outputPath('studio-frame.png') });
    const saved = page.waitForEvent('download');
    await studio.getByTestId('studio-not-kept').getByRole('button', { name: 'Save file' }).click();
    const file = info.outputPath('frame.json');
    await (await saved).saveAs(file);
    const parsed = parseLesson(readFileSync(file, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.lesson.id).toBe('convergence-copy');
    expect(parsed.lesson.steps.at(-1)).toMatchObject({ title: 'My own last step', link: 'm=64' });
  } finally {
    await app.close();
    await host.close();
  }
});
