// The e2e suite's `test`: every page records Content-Security-Policy violations (the document's
// securitypolicyviolation events and the console's "Refused to …" lines, workers included) and a test fails on any;
// its pages open as a returning visitor's (no first-visit screen).
import { expect, test as base } from '@playwright/test';

export const test = base.extend({
  page: async ({ page }, use) => {
    // A returning visitor: the first-visit screen has its own tests (e2e/lessons.spec.ts, e2e/student.spec.ts), which
    // open their own browser contexts.
    await page.addInitScript(() => {
      try {
        localStorage.setItem('subnet-lab-welcomed', '1');
      } catch {
        /* a frame on another site: no storage, and no welcome in an embed anyway */
      }
    });
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    page.on('worker', (w) =>
      w.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text())),
    );
    await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(
          `${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`,
        ),
      ),
    );
    await use(page);
    expect(violations, 'Content-Security-Policy violations').toEqual([]);
  },
});

export { expect };
