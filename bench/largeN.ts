/**
 * Large n (Node, wasm): for n = 256 … 4096 (d = 32, m = 1024, dropout ξ = 0.5), the time until the first round can
 * run (the problem with λ_max by Lanczos, the trainer, the first round), training rounds/s, the cost of one NTK
 * measurement (the kernel and one subnetwork's on the device, λ_min in float64), and the background work the page
 * does meanwhile (the full spectrum of H^∞; up to n = 2048); then the growth exponent of each (a least-squares line
 * on log–log axes). Prints markdown tables. Usage: npm run bench:large [-- --max 4096]
 */
import os from 'node:os';

import { selectNodeBackend } from '../src/cli/backend';
import { parseConfig } from '../src/core/masked/config';
import { makeProblem, startProblem } from '../src/core/masked/problem';
import { slope } from '../src/core/math/fit';
import { Trainer } from '../src/engine/trainer';

const i = process.argv.indexOf('--max');
const MAX = i > 0 ? Number(process.argv[i + 1]) : 4096;
const NS = [256, 512, 1024, 2048, 4096].filter((n) => n <= MAX);
const SPECTRUM_MAX = 2048;

const ms = (t0: number) => performance.now() - t0;

await selectNodeBackend('wasm');
const rows: { n: number; start: number; rate: number; ntk: number; spectrum: number }[] = [];
for (const n of NS) {
  const config = parseConfig(`scheme=dropout&xi=0.5&n=${n}&d=32&m=1024&seed=1`).config;
  let t0 = performance.now();
  const problem = startProblem(config);
  const trainer = new Trainer(problem, { ntkEvery: 1_000_000 });
  await trainer.flush();
  trainer.step();
  await trainer.flush();
  const start = ms(t0);
  t0 = performance.now();
  let rounds = 0;
  while (ms(t0) < 2000) {
    for (let k = 0; k < 5; k++) trainer.step();
    await trainer.flush();
    rounds += 5;
  }
  const rate = (1000 * rounds) / ms(t0);
  trainer.dispose();
  // One NTK measurement: a trainer that measures every round, its first NTK round (after round 0) less a plain round.
  const measuring = new Trainer(problem, { ntkEvery: 1 });
  await measuring.flush();
  measuring.step();
  await measuring.flush();
  t0 = performance.now();
  measuring.step();
  await measuring.flush();
  const ntk = ms(t0) - 1000 / rate;
  measuring.dispose();
  let spectrum = NaN;
  if (n <= SPECTRUM_MAX) {
    t0 = performance.now();
    makeProblem(config);
    spectrum = ms(t0);
  }
  rows.push({ n, start, rate, ntk, spectrum });
  console.error(JSON.stringify(rows[rows.length - 1]));
}

function exponent(key: 'start' | 'rate' | 'ntk' | 'spectrum'): string {
  const pts = rows
    .filter((r) => Number.isFinite(r[key]) && r[key] > 0)
    .map((r) => [Math.log(r.n), Math.log(key === 'rate' ? 1 / r.rate : r[key])]);
  return pts.length < 2 ? '—' : slope(pts as [number, number][]).toFixed(2);
}

console.log(
  `\nNode ${process.version}, wasm, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${new Date().toISOString().slice(0, 10)}; d = 32, m = 1024, dropout ξ = 0.5\n`,
);
console.log(
  '| n | until the first round (s) | rounds/s | one NTK measurement (s) | in rounds | full spectrum, in the background (s) |',
);
console.log('|---|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.n} | ${(r.start / 1000).toFixed(2)} | ${r.rate.toFixed(1)} | ${(r.ntk / 1000).toFixed(2)} | ${((r.ntk / 1000) * r.rate).toFixed(0)} | ${Number.isFinite(r.spectrum) ? (r.spectrum / 1000).toFixed(1) : 'not run'} |`,
  );
console.log(
  `| growth exponent | ${exponent('start')} | ${exponent('rate')} (time per round) | ${exponent('ntk')} | | ${exponent('spectrum')} |`,
);
