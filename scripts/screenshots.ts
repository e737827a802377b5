/**
 * The README's pictures: builds the app, serves it, and takes one screenshot per view in headless Chromium
 * (`npm run screenshots`, into docs/screenshots/; `-- --out DIR` writes elsewhere). Each shot is a link and a few
 * trained rounds, so the pictures can be made again whenever a view changes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { chromium, type Page } from '@playwright/test';

import { CHROMIUM, serve, waitFor } from '../bench/serve';

interface Shot {
  name: string;
  query: string;
  width: number;
  height: number;
  /** What to do once the page is up (train some rounds, open a panel). */
  prepare?: (page: Page) => Promise<void>;
  /** A panel to scroll to the top of the picture. */
  panel?: string;
}

const train = (rounds: number) => (page: Page) => page.evaluate((k) => window.subnetLab.step(k), rounds);

export const SHOTS: Shot[] = [
  { name: 'train', query: '?backend=wasm', width: 1440, height: 900, prepare: train(600) },
  { name: 'lesson', query: '?lesson=schemes&step=3&backend=wasm', width: 1440, height: 900, prepare: train(1800) },
  {
    name: 'compare',
    query: '?backend=wasm&scheme=dropout&m=1024&compare=ist:p=2',
    width: 1440,
    height: 900,
    prepare: train(800),
  },
  {
    name: 'function',
    query: '?backend=wasm&data=circle&n=16&xi=0.5',
    width: 1440,
    height: 900,
    prepare: train(1500),
    panel: 'function',
  },
  { name: 'regimes', query: '?view=regimes&backend=wasm', width: 1440, height: 900 },
  { name: 'altmin', query: '?view=altmin', width: 1440, height: 900 },
  { name: 'tablet', query: '?backend=wasm', width: 820, height: 1180, prepare: train(300) },
  { name: 'present', query: '?backend=wasm&present=1', width: 1280, height: 720, prepare: train(600) },
  { name: 'present-regimes', query: '?view=regimes&backend=wasm&present=1', width: 1280, height: 720 },
  { name: 'present-altmin', query: '?view=altmin&present=1', width: 1280, height: 720 },
  {
    name: 'studio',
    query: '?backend=wasm&m=256&scheme=dropout&xi=0.5',
    width: 1440,
    height: 900,
    prepare: async (page) => {
      await train(1500)(page);
      await page.getByRole('button', { name: 'Lessons', exact: true }).click();
      await page.getByRole('button', { name: 'New lesson' }).click();
      await page.getByRole('button', { name: 'Focus this panel: error' }).click();
      await page.getByRole('button', { name: 'Add this as a step' }).click();
      const step = page.getByTestId('studio-step');
      await step.getByLabel('Title', { exact: true }).fill('Dropout’s plateau');
      await step
        .getByLabel(/^Text/)
        .fill('Dropout keeps each neuron with probability $\\xi$. {Play} and watch the error level off.');
      await step.getByLabel('Measure', { exact: true }).selectOption('plateau');
      await step.getByLabel('Target', { exact: true }).selectOption({ label: 'ten times smaller' });
    },
  },
  {
    name: 'embed',
    query: '?backend=wasm&scheme=ist&p=4&embed=1&panels=error,ntk&controls=play,p,tau',
    width: 960,
    height: 600,
    prepare: train(800),
  },
];

const PORT = 4188;

async function main(): Promise<void> {
  const i = process.argv.indexOf('--out');
  const out = path.resolve(i > 0 ? process.argv[i + 1] : 'docs/screenshots');
  mkdirSync(out, { recursive: true });
  const built = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the build failed');
  const server = serve([], PORT);
  const browser = await chromium.launch(CHROMIUM);
  try {
    await waitFor(`http://localhost:${PORT}/`);
    for (const shot of SHOTS) {
      const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // The pictures show the views themselves, not the first-visit card.
      await page.addInitScript(() => localStorage.setItem('subnet-lab-welcomed', '1'));
      await page.goto(`http://localhost:${PORT}/${shot.query}`);
      await page.waitForFunction(() => typeof window.subnetLab !== 'undefined', null, { timeout: 60_000 });
      await shot.prepare?.(page);
      if (shot.panel)
        await page.evaluate(
          (p) => document.querySelector(`[data-panel="${p}"]`)?.scrollIntoView({ block: 'start' }),
          shot.panel,
        );
      // Charts redraw on the next animation frames; workers of the other views finish their first results.
      await page.waitForTimeout(2500);
      if (errors.length) throw new Error(`${shot.name}: ${errors.join('; ')}`);
      const file = path.join(out, `${shot.name}.png`);
      await page.screenshot({ path: file });
      console.log(`${shot.name.padEnd(8)} ${shot.width}×${shot.height}  ${file}`);
      await page.close();
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

await main();
