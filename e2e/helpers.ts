// Shared e2e helpers: open a link and wait for the engine, run rounds, read metrics through window.subnetLab.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type Worker } from '@playwright/test';

export async function openRun(page: Page, query: string): Promise<void> {
  await page.goto(`/${query}`);
  await page.waitForFunction(
    () => typeof window.subnetLab !== 'undefined' && ['ready', 'refused', 'error'].includes(window.subnetLab.status()),
    null,
    { timeout: 120_000 },
  );
}

export async function stepAndRead(page: Page, k: number): Promise<number[]> {
  await page.evaluate((n) => window.subnetLab.step(n), k);
  return page.evaluate(() => window.subnetLab.metrics().err);
}

export async function expectTrains(page: Page, k: number): Promise<number[]> {
  const err = await stepAndRead(page, k);
  expect(err.length).toBe(k + 1);
  expect(err[k]).toBeLessThan(err[0]);
  return err;
}

/** axe's serious and critical violations on the page as it is, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`);
}

/** A worker's role (every worker of the app runs one script; its name says what it does: engine, sweep, …). */
export const roleOf = (w: Worker): Promise<string> => w.evaluate(() => self.name).catch(() => '');

/** The page's running worker in a role, or an error that lists the workers there are. */
export async function workerOf(page: Page, role: string): Promise<Worker> {
  const roles = await Promise.all(page.workers().map(roleOf));
  const i = roles.lastIndexOf(role);
  if (i < 0) throw new Error(`no ${role} worker among ${roles.join(', ')}`);
  return page.workers()[i];
}
