// The pools' workers die too: a sweep worker killed from inside mid-sweep has its lost batch of cells run again on a
// new worker (every cell's result the same as in an uncrashed sweep); one that dies twice on the same batch marks its
// cells failed with the reason while the others finish; an AltMin phase-transition worker killed mid-run loses no trial.
import type { Page, Worker } from '@playwright/test';

import { expect, test } from './fixtures';
import { openRun, roleOf } from './helpers';

const LINK = '?backend=wasm&m=1024&n=32&d=8&seed=3';

/** Every worker the page starts in a role, as it starts. */
function collect(page: Page, role: string): Worker[] {
  const seen: Worker[] = [];
  page.on('worker', (w) => void roleOf(w).then((r) => r === role && seen.push(w)));
  return seen;
}

/**
 * One sweep worker, as on a one-core machine (the pool is one worker per core), so that the worker killed is the one
 * running a batch: a worker killed after its last batch has nothing to run again.
 */
const onOneCore = (page: Page) =>
  page.addInitScript(() => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => 1 }));

/** Starts the test sweep on one worker; returns every sweep worker the page starts, as it starts. */
async function sweepOnOneCore(page: Page): Promise<Worker[]> {
  await onOneCore(page);
  const workers = collect(page, 'sweep');
  await openRun(page, LINK);
  await runSweep(page);
  return workers;
}

/**
 * Ends a worker from inside, as a crash would look from the page (the worker just stops). A worker closed before its
 * script has run never answers the evaluation: the wait for it is bounded.
 */
const kill = (w: Worker) =>
  Promise.race([w.evaluate(() => self.close()).catch(() => undefined), new Promise((r) => setTimeout(r, 5000))]);

/** Three batches of two cells (a batch is one p), each long enough (seconds) that a worker killed after the first is mid-batch. */
async function runSweep(page: Page): Promise<void> {
  await page.getByText('Sweeps — the paper’s Figure 2, live').click();
  await page.getByLabel('values of subnetworks p').fill('1,2,3');
  await page.getByLabel('values of mask probability ξ').fill('0.5,1');
  await page.getByLabel('rounds per cell').fill('1500');
  await page.getByRole('button', { name: 'Run sweep' }).click();
}

const done = (page: Page) => page.locator('.sweep-progress progress').evaluate((p: HTMLProgressElement) => p.value);

const results = (page: Page) =>
  page
    .locator('[data-chart="sweep"] rect[data-cell]')
    .evaluateAll((rs) =>
      rs.map((r) => `${r.getAttribute('data-cell')}: ${r.getAttribute('data-converged') ?? 'none'}`),
    );

test('a sweep worker killed mid-sweep: its batch runs again on a new worker, every result as in an uncrashed sweep', async ({
  page,
}) => {
  const workers = await sweepOnOneCore(page);
  await expect(page.locator('.sweep-progress output')).toHaveText(/^6 \/ 6 cells · done$/, { timeout: 120_000 });
  const whole = await results(page);
  expect(whole.filter((r) => r.endsWith('none'))).toEqual([]);
  expect(workers).toHaveLength(1);

  await page.getByRole('button', { name: 'Run sweep' }).click();
  await expect.poll(() => done(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
  await kill(workers[1]);
  await expect(page.locator('.sweep-progress output')).toHaveText(/^6 \/ 6 cells · done$/, { timeout: 120_000 });
  expect(workers).toHaveLength(3); // the two sweeps' and the one that replaced the killed worker
  await expect(page.getByTestId('failed-jobs')).toHaveCount(0);
  expect(await results(page)).toEqual(whole);
});

test('a sweep worker that dies twice on one batch: its cells are marked failed with the reason, the others finish', async ({
  page,
}) => {
  const workers = await sweepOnOneCore(page);
  await expect.poll(() => done(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
  expect(workers).toHaveLength(1);
  const next = page.waitForEvent('worker');
  await kill(workers[0]);
  // The replacement is killed the moment it exists, before it could finish the batch. Before its script has loaded it
  // never takes its lifeline ("it did not start", after 20 s); after, its death is seen at once ("it ended"). Either
  // way the same batch has lost two workers.
  await kill(await next);
  await expect(page.locator('.sweep-progress output')).toHaveText(/^6 \/ 6 cells · done$/, { timeout: 120_000 });
  const failures = await page.getByTestId('failed-jobs').locator('li').allTextContents();
  const reason = /^p = (\d), ξ = (0\.5|1) is left out: its worker stopped twice \(it (ended|did not start)\)\.$/;
  expect(failures.map((f) => f.replace(reason, 'p = $1, ξ = $2'))).toEqual(
    ['0.5', '1'].map((xi) => `p = ${failures[0].match(reason)?.[1]}, ξ = ${xi}`),
  );
  await expect(page.locator('[data-chart="sweep"] rect.failed')).toHaveCount(2);
  await expect(page.locator('[data-chart="sweep"] rect.failed title').first()).toHaveText(
    /failed: its worker stopped twice/,
  );
  await expect(page.locator('[data-chart="sweep"] rect[data-converged]')).toHaveCount(4);
});

test('an AltMin phase-transition worker killed mid-run: its trial runs again, none is lost', async ({ page }) => {
  const workers = collect(page, 'altmin');
  await page.goto('./?view=altmin&model=skip&d=6&gamma=1&n=100&gdIters=200&seed=4');
  await page.getByLabel('values of n').fill('20,300');
  await page.getByLabel('trials per n').fill('12');
  const before = workers.length;
  await page.getByRole('button', { name: 'Run phase transition' }).click();
  await expect(page.locator('.sweep-progress output')).toHaveText(/^[1-9]\d* \/ 24 trials/);
  const replacement = page.waitForEvent('worker');
  await kill(workers[before]);
  expect(await roleOf(await replacement)).toBe('altmin');
  await expect(page.locator('.sweep-progress output')).toHaveText(/^24 \/ 24 trials · done$/, { timeout: 120_000 });
  await expect(page.getByTestId('failed-jobs')).toHaveCount(0);
  // Every series' point at each n counts all 12 trials there.
  await page.locator('[data-chart="altmin-phase"]').scrollIntoViewIfNeeded();
  const points = page.locator('[data-chart="altmin-phase"] circle[data-n] title');
  await expect(points).toHaveCount(8);
  for (const t of await points.allTextContents()) expect(t).toMatch(/ of 12 recovered$/);
});
