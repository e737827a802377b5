// Thousands of samples: the page trains at once while the spectrum of H^∞ is computed in the background, and the
// predictions appear when it arrives, equal to the float64 values.
import { parseConfig } from '../src/core/masked/config';
import { makeProblem } from '../src/core/masked/problem';
import { fmtNum } from '../src/ui/shared/format';
import { expect, test } from './fixtures';

test('n = 2048: the page steps long before the spectrum of H^∞ could be decomposed, and says what it is computing', async ({
  page,
}) => {
  const t0 = Date.now();
  await page.goto('/?backend=wasm&n=2048&d=32&m=1024');
  await page.waitForFunction(() => typeof window.subnetLab !== 'undefined');
  await page.evaluate(() => window.subnetLab.step(2));
  // A generous bound (the full decomposition alone took a minute here); the speed itself is in bench/RESULTS.md.
  expect(Date.now() - t0).toBeLessThan(20_000);
  expect(await page.evaluate(() => window.subnetLab.metrics().round)).toEqual([0, 1, 2]);
  await expect(page.getByTestId('basis-pending')).toContainText(
    'Computing the spectrum of H^∞ (n = 2048) in the background',
  );
});

test('n = 300: the prediction appears once the background spectrum arrives, with the float64 λ_0 and R', async ({
  page,
}) => {
  const q = 'scheme=dropout&xi=0.5&n=300&d=16&m=512&seed=2';
  await page.goto(`/?backend=wasm&${q}`);
  await page.waitForFunction(() => typeof window.subnetLab !== 'undefined');
  await page.evaluate(() => window.subnetLab.step(3));
  await expect(page.getByTestId('basis-pending')).toHaveCount(0, { timeout: 60_000 });
  const { spectrum } = makeProblem(parseConfig(q).config);
  const numbers = page.getByTestId('theory-numbers');
  await expect(numbers).toContainText(`λ_0 = λ_min(H^∞)${fmtNum(spectrum.lambda0)}`);
  await expect(numbers).toContainText(`λ_max(H^∞)${fmtNum(spectrum.lambdaMax)}`);
  await expect(page.locator('[data-chart="error"] .chart-plot svg')).toHaveAttribute('data-predicted', '1');
});

test('n = 2048: λ_min of the NTK appears on its plot, with its bound, while the run trains and the spectrum is pending', async ({
  page,
}) => {
  await page.goto('/?backend=wasm&n=2048&d=32&m=1024&seed=13');
  await page.waitForFunction(() => typeof window.subnetLab !== 'undefined');
  await page.evaluate(() => window.subnetLab.play());
  // A generous bound: the first measurement comes at round 10; its cost is in bench/RESULTS.md.
  await expect(page.locator('[data-chart="ntk"] .chart-title')).toContainText(' ± ', { timeout: 120_000 });
  await expect(page.getByTestId('basis-pending')).toBeVisible();
  const m = await page.evaluate(() => window.subnetLab.metrics());
  const at = m.ntkMin.findIndex((v) => Number.isFinite(v));
  expect(m.ntkMinBound[at]).toBeGreaterThan(0);
  expect(m.ntkMinBound[at]).toBeLessThan(m.ntkMin[at]);
  expect(m.subNtkBound[at]).toBeGreaterThan(0);
  await expect(page.locator('[data-chart="ntk"] .chart-title')).toContainText(/: [\d.e-]+ ± [\d.e-]+ at round \d+$/);
  // Painted: the plot's data layer holds the measured curve.
  const painted = await page.locator('[data-chart="ntk"] canvas.chart-data').evaluate((c: HTMLCanvasElement) => {
    const { data } = (c.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, c.width, c.height);
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  });
  expect(painted).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.subnetLab.status())).toBe('running');
});
