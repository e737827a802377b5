/**
 * Whether tfjs's threaded WebAssembly build pays (`npm run bench:threads`): the benchmark page built unminified and
 * served twice — plain (the single-threaded SIMD build, as the app runs) and cross-origin isolated (COOP/COEP, where
 * the threaded build runs) with 1 thread and with every core — at teaching and matmul-heavy sizes: rounds/s of the
 * engine (full GD) and of the same matmuls bare. Prints a markdown table.
 * Usage: npm run bench:threads [-- --seconds 3 --sizes 256x32x1024,256x32x8192,1024x32x8192]
 */
import { execSync } from 'node:child_process';
import { cpus } from 'node:os';

import { chromium } from '@playwright/test';

import { CHROMIUM, serve, waitFor } from './serve';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const SECONDS = arg('seconds', '3');
const SIZES = arg('sizes', '256x32x1024,256x32x8192,1024x32x8192').split(',');
const CORES = cpus().length;
const [PLAIN, ISOLATED] = [4185, 4186];

interface Result {
  engine: number;
  ceiling: number;
  isolated: boolean;
  threads: number;
  error?: string;
}

execSync('npx vite build --config bench/vite.config.ts', { stdio: 'ignore' });
const plain = serve(['--config', 'bench/vite.config.ts'], PLAIN);
process.env.ISOLATE = '1';
const isolated = serve(['--config', 'bench/vite.config.ts'], ISOLATED);
delete process.env.ISOLATE;
try {
  await Promise.all([waitFor(`http://localhost:${PLAIN}/`), waitFor(`http://localhost:${ISOLATED}/`)]);
  const browser = await chromium.launch(CHROMIUM);
  const page = await browser.newPage();
  const measure = async (port: number, size: string, threads: number | null): Promise<Result> => {
    const [n, d, m] = size.split('x');
    const t = threads === null ? '' : `&threads=${threads}`;
    await page.goto(
      `http://localhost:${port}/?backend=wasm&scheme=gd&n=${n}&d=${d}&m=${m}&seconds=${SECONDS}&naive=0${t}`,
    );
    await page.waitForFunction(() => (window as unknown as { __bench?: unknown }).__bench, null, { timeout: 600_000 });
    return (await page.evaluate(() => (window as unknown as { __bench: Result }).__bench)) as Result;
  };
  console.log('| n, d, m | page | wasm threads | engine rounds/s | matmul-ceiling rounds/s | engine vs plain |');
  console.log('|---|---|---|---|---|---|');
  for (const size of SIZES) {
    const base = await measure(PLAIN, size, null);
    const runs: [string, Result][] = [['plain', base]];
    for (const k of [...new Set([1, CORES])]) runs.push(['isolated', await measure(ISOLATED, size, k)]);
    for (const [what, r] of runs) {
      if (r.error) throw new Error(`${what} ${size}: ${r.error}`);
      console.log(
        `| ${size.replaceAll('x', ', ')} | ${what}${r.isolated ? ' (crossOriginIsolated)' : ''} | ${r.threads} | ${r.engine.toFixed(1)} | ${r.ceiling.toFixed(1)} | ${(r.engine / base.engine).toFixed(2)} |`,
      );
    }
  }
  console.log(
    `\nChromium ${browser.version()}; ${CORES} cores (${cpus()[0]?.model ?? 'unknown'}); ${SECONDS} s a figure.`,
  );
  await browser.close();
} finally {
  plain.kill();
  isolated.kill();
}
