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

/** Every visible text on screen below `min` px, with its size (formulas are measured at their base size). */
export async function smallText(page: Page, min = 18): Promise<string[]> {
  return page.evaluate((least) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim();
      const el = n.parentElement;
      if (!text || !el || el.closest('option, title, script, style')) continue;
      const target = (el.closest('.katex') as HTMLElement | null) ?? el;
      const r = target.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1 || r.bottom < 0 || r.top > innerHeight || r.right < 0 || r.left > innerWidth)
        continue;
      if (!target.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const size = parseFloat(getComputedStyle(target).fontSize);
      if (size < least)
        out.push(
          `${size}px "${text.slice(0, 40)}" <${target.tagName.toLowerCase()} class="${target.getAttribute('class') ?? ''}">`,
        );
    }
    return [...new Set(out)];
  }, min);
}

/** Where an element lies in the window (null when it is not there). */
export const boxOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    });
