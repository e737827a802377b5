// A student's first ten minutes, on a phone (390×844, touch) and a 1366×768 laptop: a first screen of a few words;
// goals that count only what the step's own run measured after the student's last change (the stale-goal regressions);
// two whole lessons taken from first step to last with taps alone, each goal reached only after the action its task
// names; no horizontal overflow in any view and every tap target at least 44 × 44 px on the phone; axe-clean.
import { readdirSync, readFileSync } from 'node:fs';

import type { Browser, Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { openRun, seriousViolations } from './helpers';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

const lesson = (page: Page) => page.evaluate(() => window.subnetLab.lesson());
const goalReached = async (page: Page) => (await lesson(page))?.goalReached ?? false;

/** A fresh phone (or laptop) that has never seen the app: a first visit, welcome screen included. */
async function device(browser: Browser, phone: boolean): Promise<Page> {
  const context = await browser.newContext(phone ? PHONE : { viewport: { width: 1366, height: 768 } });
  return context.newPage();
}

/** Words of the text on the first screen (the viewport), as a reader sees them. */
const wordsOnScreen = (page: Page) =>
  page.evaluate(() => {
    let words = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim();
      if (!el || !text || el.closest('.sr-only, title, option')) continue;
      const r = el.getBoundingClientRect();
      if (r.bottom <= 0 || r.top >= innerHeight || !el.checkVisibility({ visibilityProperty: true })) continue;
      words += text.split(/\s+/).length;
    }
    return words;
  });

test('the first screen speaks to a student: the welcome alone, under 90 words, and what Play does', async ({
  browser,
}, info) => {
  for (const phone of [false, true]) {
    const page = await device(browser, phone);
    await openRun(page, '?backend=wasm');
    await expect(page.getByTestId('welcome')).toContainText('Press Play');
    expect(await wordsOnScreen(page)).toBeLessThan(90);
    await page.screenshot({ path: info.outputPath(`first-screen-${phone ? 'phone' : 'laptop'}.png`) });
    // No backend essay and no "compiling shaders" on WASM: a small chip that explains itself on a tap.
    await expect(page.getByTestId('status')).not.toContainText('compiling');
    await page.getByTestId('backend').click();
    await expect(page.getByTestId('backend-note')).toBeVisible();
    await page.context().close();
  }
});

test('a goal never turns green on the last step’s numbers: the IST plateau of step 2 does not pass step 3', async ({
  page,
}) => {
  await openRun(page, '?lesson=schemes&step=2&backend=wasm');
  await page.evaluate(() => window.subnetLab.play());
  await expect.poll(() => goalReached(page), { timeout: 90_000 }).toBe(true);
  await page.getByTestId('lesson').getByRole('button', { name: 'Next' }).click();
  // Step 3 opens paused, on its own run: nothing is measured yet, and nothing turns green while the student reads.
  for (let i = 0; i < 8; i++) {
    expect(await lesson(page)).toMatchObject({ step: 3, goalReached: false });
    await page.waitForTimeout(250);
  }
  await expect(page.getByTestId('lesson-goal')).toHaveText(/Not yet/);
  await expect(page.locator('.lesson-checks li').first()).toContainText('not measured yet');
  expect(await page.evaluate(() => window.subnetLab.status())).not.toBe('running');
  // Training dropout as the step opened it (ξ = 0.5, no other change) does not reach it either.
  await page.evaluate(() => window.subnetLab.step(1500));
  await page.waitForTimeout(600);
  expect(await goalReached(page)).toBe(false);
});

test('a change of a setting the goal names makes its measurements stale: a nudge of η starts the plateau over', async ({
  page,
}) => {
  await openRun(page, '?lesson=convergence&step=4&backend=wasm');
  await page.evaluate(() => window.subnetLab.step(2500));
  await expect(page.locator('.lesson-checks li').first()).not.toContainText('not measured yet');
  // η auto off, then one key press on the η slider: a change of a setting the step's goal is about.
  await page.getByLabel('step size η auto').uncheck();
  await page.getByRole('slider', { name: /^η/ }).press('ArrowLeft');
  await expect(page.locator('.lesson-checks li').first()).toContainText('not measured yet');
  expect(await goalReached(page)).toBe(false);
});

/**
 * Taps a range slider at the position of `value` (linear or log2 positions, as the slider's own min/max are), once the
 * page has stopped scrolling (a step's focus scrolls smoothly); taps again if a tap landed while it moved.
 */
async function tapSlider(page: Page, name: RegExp, value: number): Promise<void> {
  const slider = page.getByRole('slider', { name });
  const { min, max, step, log } = await slider.evaluate((el: HTMLInputElement) => ({
    min: Number(el.min),
    max: Number(el.max),
    step: Number(el.step) || 0,
    log: el.closest('.control')?.getAttribute('data-log') === '1',
  }));
  const at = log ? Math.log2(value) : value;
  // Within a notch (or a hundredth of the range) of the value: a tap is as precise as a finger.
  const near = async () => Math.abs(Number(await slider.inputValue()) - at) <= Math.max(step / 2, (max - min) / 100);
  for (let attempt = 0; attempt < 3 && !(await near()); attempt++) {
    // Below the chart pinned at the top of a phone's screen, as a thumb would reach it.
    await slider.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    let box = await slider.boundingBox();
    for (let still = 0; still < 2;) {
      await page.waitForTimeout(100);
      const now = await slider.boundingBox();
      still = now && box && now.y === box.y ? still + 1 : 0;
      box = now;
    }
    const { x, y, width, height } = box as { x: number; y: number; width: number; height: number };
    const thumb = 44;
    await page.touchscreen.tap(x + thumb / 2 + ((at - min) / (max - min)) * (width - thumb), y + height / 2);
  }
  expect(await near(), `${name} at ${value}`).toBe(true);
}

/** Opens the step's text and closes it again (the step opens over the view on a phone), then checks it waits. */
async function readStep(page: Page, id: string, step: number): Promise<void> {
  await expect.poll(async () => (await lesson(page))?.step).toBe(step);
  // The step's run is set up (its link applied) before the student acts on it.
  const file = readdirSync('src/lessons').find((f) => f.endsWith(`-${id}.json`)) as string;
  const link = new URLSearchParams(JSON.parse(readFileSync(`src/lessons/${file}`, 'utf8')).steps[step - 1].link);
  await expect
    .poll(async () => {
      const config = (await page.evaluate(() => window.subnetLab.config())) as unknown as Record<string, unknown>;
      return [...link].filter(([k, v]) => k in config && String(config[k]) !== v);
    })
    .toEqual([]);
  // "Try it" folds the step and brings its panel and control on screen (a step without a task has only Hide).
  const card = page.getByTestId('lesson');
  const tryIt = card.getByRole('button', { name: 'Try it' });
  if (await tryIt.count()) await tryIt.tap();
  else if (await card.getByRole('button', { name: 'Hide' }).count())
    await card.getByRole('button', { name: 'Hide' }).tap();
  expect(await goalReached(page)).toBe(false);
}

async function act(page: Page, step: { action: (p: Page) => Promise<void> }) {
  await step.action(page);
  // Only now does the goal come within reach: Play (in the lesson's bar, where a phone keeps it at hand), and the goal
  // once its measurement is made.
  await page.getByTestId('lesson').getByRole('button', { name: 'Play the run' }).tap();
  await expect
    .poll(() => goalReached(page), {
      timeout: 120_000,
      message: await page.evaluate(() => JSON.stringify([window.subnetLab.lesson(), window.subnetLab.config()])),
    })
    .toBe(true);
  await page.getByTestId('lesson').getByRole('button', { name: 'Pause the run' }).tap();
}

const none = async () => undefined;
const LESSONS: Record<string, { action: (p: Page) => Promise<void> }[]> = {
  convergence: [
    { action: none },
    { action: none },
    { action: (p) => tapSlider(p, /mask probability ξ/, 0.8) },
    {
      action: async (p) => {
        await p.getByLabel('step size η auto').tap();
        await expect.poll(() => p.evaluate(() => typeof window.subnetLab.config().eta)).toBe('number');
        const eta = (await p.evaluate(() => window.subnetLab.config().eta)) as number;
        await tapSlider(p, /^η/, eta / 2);
      },
    },
    { action: none },
  ],
  schemes: [
    { action: (p) => tapSlider(p, /subnetworks p/, 12) },
    { action: none },
    {
      action: async (p) => {
        await p.locator('[data-control="scheme"] label', { hasText: /^IST$/ }).tap();
        await expect(p.getByRole('slider', { name: /subnetworks p/ })).toBeEnabled();
        await tapSlider(p, /subnetworks p/, 2);
        await expect.poll(() => p.evaluate(() => window.subnetLab.config().xi)).toBe(0.5);
      },
    },
    { action: (p) => tapSlider(p, /local steps τ/, 4) },
    { action: (p) => tapSlider(p, /local steps τ/, 3) },
  ],
};

for (const [id, steps] of Object.entries(LESSONS))
  test(`the lesson "${id}" taken on a 390×844 touch screen, first step to last, by taps alone`, async ({
    browser,
  }, info) => {
    test.setTimeout(600_000);
    const page = await device(browser, true);
    await openRun(page, `?lesson=${id}&step=1&backend=wasm`);
    const total = (await lesson(page))?.steps ?? 0;
    for (let i = 0; i < total; i++)
      await test.step(`step ${i + 1}`, async () => {
        await readStep(page, id, i + 1);
        if (steps[i]) await act(page, steps[i]);
        if (i === 0) await page.screenshot({ path: info.outputPath(`${id}-phone-step-1.png`) });
        await page.screenshot({ path: info.outputPath(`${id}-phone-step-${i + 1}-done.png`) });
        if (i < total - 1) await page.getByTestId('lesson').getByRole('button', { name: 'Next' }).tap();
      });
    expect((await lesson(page))?.step).toBe(total);
    await page.context().close();
  });

/** Interactive elements narrower or lower than 44 px (a checkbox or radio is measured by its label). */
const smallTargets = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('button, a[href], input, select, summary, textarea')) {
      if (!el.checkVisibility({ visibilityProperty: true }) || el.closest('[hidden], .sr-only')) continue;
      const target =
        el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')
          ? (el.closest('label') ?? el)
          : el;
      const r = target.getBoundingClientRect();
      if (!r.width && !r.height) continue;
      if (r.width < 44 || r.height < 44)
        out.push(
          `${Math.round(r.width)}×${Math.round(r.height)} <${el.tagName.toLowerCase()}> ${(el.textContent || el.getAttribute('aria-label') || el.getAttribute('type') || '').trim().slice(0, 30)}`,
        );
    }
    return [...new Set(out)];
  });

const PHONE_PAGES = {
  train: '&compare=ist:p=4&lesson=schemes',
  'input noise': '&lesson=input-noise',
  regimes: '&view=regimes&lesson=regimes',
  altmin: '&view=altmin&lesson=altmin',
};
for (const [view, query] of Object.entries(PHONE_PAGES))
  test(`a phone, ${view} view: no sideways scrolling, every tap target at least 44 × 44 px, axe-clean`, async ({
    browser,
  }, info) => {
    const page = await device(browser, true);
    await openRun(page, `?backend=wasm${query}&step=1`);
    await page.waitForTimeout(1500);
    const [sw, iw] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
    expect(sw).toBeLessThanOrEqual(iw);
    await page.getByTestId('lesson').getByRole('button', { name: 'Hide' }).tap();
    expect(await smallTargets(page)).toEqual([]);
    await page.screenshot({ path: info.outputPath(`phone-${view.replace(' ', '-')}.png`), fullPage: true });
    // The menu: every view and button behind one tap.
    await page.getByRole('button', { name: 'Menu' }).tap();
    expect(await smallTargets(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

test('a 1366×768 laptop: a step brings its panel and the control its task names on screen together', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  for (const step of [1, 4, 5]) {
    await openRun(page, `?lesson=schemes&step=${step}&backend=wasm`);
    await page.waitForTimeout(800);
    const lessonStep = await lesson(page);
    expect(lessonStep?.step).toBe(step);
    const control = (await page.evaluate(() => document.documentElement.dataset.stepControl)) as string;
    const focus = (await page.evaluate(() => document.documentElement.dataset.focus)) as string;
    for (const sel of [`[data-control="${control}"]`, `[data-panel="${focus}"]`]) {
      const r = await page.locator(sel).first().boundingBox();
      expect(r, sel).not.toBeNull();
      expect((r?.y ?? -1) >= 0 && (r?.y ?? 0) + Math.min(r?.height ?? 0, 200) <= 768, `${sel} on screen`).toBe(true);
    }
  }
});
