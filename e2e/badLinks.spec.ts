// Malformed links open a working page on the nearest valid configuration, list the corrections in words, and
// never turn link text into markup.
import { expect, test } from './fixtures';

const SCRIPT = '<script>window.__pwned=1</script>';
const IMG = '<img src=x onerror="window.__pwned=1">';
const enc = encodeURIComponent;

const LINKS = [
  `?m=${enc(SCRIPT)}`,
  `?scheme=${enc(IMG)}`,
  `?${enc(SCRIPT)}=1&xi=${enc(IMG)}`,
  '?m=1e999',
  '?m=-5&n=0&d=99999',
  '?xi=NaN&p=Infinity',
  '?xi=2&tau=1000000',
  '?eta=-1&kappa=abc',
  '?seed=-1&data=moon',
  '?mask=triangle&aggregate=average',
  '?scheme=ist&xi=0.9&p=5',
  '?scheme=gd&p=7&tau=3',
  '?m=0x10&n=1.5',
  '?m=' + '9'.repeat(500),
  '?%E0%A4%A=1&m=%zz',
  '?backend=quantum&m=64',
  '?n=[1,2]&d={}',
  '?eta=auto&eta=5&m=true',
  '?scheme=msdropout&p=1',
  `?data=${enc('"><svg onload=window.__pwned=1>')}`,
  '?p=3.7&tau=2.2&kappa=1e-9',
  `?seed=${enc("'; DROP TABLE runs; --")}`,
];

test(`${LINKS.length} malformed links open working pages that list the corrections`, async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  for (const link of LINKS) {
    await page.goto(`/${link}`);
    await page.waitForFunction(
      () => window.subnetLab && ['ready', 'refused'].includes(window.subnetLab.status()),
      null,
      { timeout: 60_000 },
    );
    await expect(page.locator('h1')).toHaveText('Subnet Lab');
    const items = page.getByTestId('link-messages').locator('li');
    expect(await items.count(), link).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), link).toBeUndefined();
    expect(await page.locator('img[src="x"], svg[onload], script:not([src]):not([type])').count(), link).toBe(0);
    expect(await page.evaluate(() => window.subnetLab.messages().length), link).toBeGreaterThan(0);
  }
  expect(errors).toEqual([]);
});

test('script text in a link is shown as text, not run', async ({ page }) => {
  await page.goto(`/?m=${enc(SCRIPT)}`);
  await expect(page.getByTestId('link-messages')).toContainText('<script>');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});
