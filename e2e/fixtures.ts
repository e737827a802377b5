// The e2e suite's `test`: every page records Content-Security-Policy violations (the document's
// securitypolicyviolation events and the console's "Refused to …" lines, workers included) and a test fails on any.
import { expect, test as base } from '@playwright/test';

export const test = base.extend({
  page: async ({ page }, use) => {
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
