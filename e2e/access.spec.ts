// Access: an axe scan of the main screen, of presentation mode and of compare and sweeps (no serious or critical violations),
// keyboard shortcuts, the theme toggle, and the layouts for a projector (1280×720) and a tablet.
import { expect, test } from './fixtures';
import { openRun, seriousViolations } from './helpers';

test('no serious or critical accessibility violations, main screen and presentation mode', async ({ page }) => {
  await openRun(page, '?backend=wasm&m=256&n=16&d=8');
  await page.evaluate(() => window.subnetLab.step(20));
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('p');
  await expect(page).toHaveURL(/present=1/);
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page)).toEqual([]);
});

test('no serious or critical violations with a comparison and a finished sweep on screen, light and dark', async ({
  page,
}) => {
  await openRun(page, '?backend=wasm&m=64&n=8&d=4&compare=ist:p=2,msdropout:p=3');
  await page.evaluate(() => window.subnetLab.step(10));
  await page.getByText('Sweeps — the paper’s Figure 2, live').click();
  await page.getByLabel('values of subnetworks p').fill('1,2');
  await page.getByLabel('values of mask probability ξ').fill('0.5,1');
  await page.getByLabel('rounds per cell').fill('40');
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await expect(page.locator('.sweep-progress output')).toHaveText(/done$/, { timeout: 60_000 });
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page)).toEqual([]);
});

test('keyboard: space plays and pauses (but opens a focused section), → steps, ? opens help, t cycles the theme', async ({
  page,
}) => {
  await openRun(page, '?backend=wasm&m=128&n=16&d=8');
  await page.locator('h1').click();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => window.subnetLab.metrics().round.length === 2);
  await page.keyboard.press(' ');
  await page.waitForFunction(() => window.subnetLab.status() === 'running');
  await page.keyboard.press(' ');
  await page.waitForFunction(() => window.subnetLab.status() === 'paused');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.getByText('Sweeps — the paper’s Figure 2, live').focus();
  await page.keyboard.press(' ');
  await expect(page.getByLabel('rounds per cell')).toBeVisible();
  expect(await page.evaluate(() => window.subnetLab.status())).toBe('paused');
  await page.locator('h1').click();
  await page.keyboard.press('t');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.keyboard.press('t');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

for (const [name, size] of [
  ['projector', { width: 1280, height: 720 }],
  ['tablet', { width: 820, height: 1180 }],
] as const) {
  test(`layout fits a ${name} (${size.width}×${size.height}) without sideways scrolling`, async ({ page }, info) => {
    await page.setViewportSize(size);
    await openRun(page, '?backend=wasm&m=128&n=16&d=8');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
    await expect(page.getByRole('img', { name: /Training error/ })).toBeInViewport();
    await page.screenshot({ path: info.outputPath(`${name}.png`) });
  });
}

test('at 1440 × 900 no formula is wider than its panel, in any view (no sideways scrolling needed)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const overflowing = () =>
    page
      .locator('.tex')
      .evaluateAll((els) =>
        els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.getAttribute('aria-label')),
      );
  for (const q of [
    '?backend=wasm&scheme=custom&mask=bernoulli&p=3&tau=2&m=256&n=16&d=8',
    '?backend=wasm&scheme=ist&p=4&m=256&n=16&d=8',
    '?view=altmin&n=300&d=8',
  ]) {
    await openRun(page, q);
    await page.evaluate(() => window.subnetLab.step(5));
    await expect(page.locator('.tex').first()).toBeVisible();
    expect(await overflowing(), q).toEqual([]);
  }
});
