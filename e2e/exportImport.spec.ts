// Export and import: a run file loads back to the same rounds (in the app and on the CLI), metrics export as
// CSV, a user's CSV trains, and a bad upload is refused in words.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

import { expect, test } from './fixtures';
import { openRun, stepAndRead } from './helpers';

test('export a run, import it: the same first 10 rounds, in the app and from the CLI', async ({ page }, info) => {
  await openRun(page, '?backend=wasm&scheme=msdropout&p=3&m=128&n=12&d=6&seed=5');
  const original = await stepAndRead(page, 10);
  await page.getByText('Export and import').click();
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Run JSON' }).click(),
  ]);
  const file = info.outputPath('run.json');
  await dl.saveAs(file);
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Metrics CSV' }).click(),
  ]);
  const csvText = readFileSync(await csv.path(), 'utf8');
  expect(csvText.split('\n')[0]).toBe(
    'round,err,surrErr,maxMove,flipFrac,ntkMin,ntkMinBound,subNtkMin,subNtkMax,subNtkBound,ntkShift,radiusNow,kSigmaRatio',
  );
  expect(csvText.trim().split('\n')).toHaveLength(12);

  const other = await page.context().newPage();
  await openRun(other, '?backend=wasm&scheme=dropout&m=64&n=20&d=3&seed=99');
  await other.getByText('Export and import').click();
  await other.getByLabel('Load a run file').setInputFiles(file);
  await other.waitForFunction(() => window.subnetLab.status() === 'ready' && window.subnetLab.config().m === 128);
  expect(await stepAndRead(other, 10)).toEqual(original);

  const cli = spawnSync(
    'node_modules/.bin/tsx',
    ['src/cli/main.ts', 'train', '--run', file, '--rounds', '10', '--backend', 'wasm'],
    { encoding: 'utf8' },
  );
  expect(cli.status).toBe(0);
  const cliErr = cli.stdout
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => Number(l.split(',')[1]));
  cliErr.forEach((v, k) => expect(Math.abs(v - original[k]) / original[k]).toBeLessThan(1e-5));
});

test('a user CSV trains; a bad one is refused with the reason', async ({ page }, info) => {
  await openRun(page, '?backend=wasm&m=64&n=16&d=8');
  await page.getByText('Export and import').click();
  const good = info.outputPath('points.csv');
  writeFileSync(good, 'x1,x2,x3,y\n1,2,2,0.5\n0,3,4,-0.2\n1,0,0,0.9\n0,1,0,-0.7\n2,1,0,0.1\n');
  await page.getByLabel('Train on your data').setInputFiles(good);
  await page.waitForFunction(() => window.subnetLab.status() === 'ready' && window.subnetLab.config().n === 5);
  expect(await page.evaluate(() => window.subnetLab.config().d)).toBe(3);
  const err = await stepAndRead(page, 10);
  expect(err[10]).toBeLessThan(err[0]);
  const bad = info.outputPath('dup.csv');
  writeFileSync(bad, '1,2,0.5\n2,4,0.1\n');
  await page.getByLabel('Train on your data').setInputFiles(bad);
  await expect(page.getByTestId('import-problem')).toContainText('point the same way');
  expect(await page.evaluate(() => window.subnetLab.config().n)).toBe(5);
});
