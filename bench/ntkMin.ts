/**
 * What one λ_min measurement of the NTK costs on Node (`npm run bench:ntk`): full GD trained 50 rounds between
 * measurements, the kernel formed on the device and solved on the host (Lanczos above n = 64) against products H·v
 * warm-started from the last measurement's eigenvector — the first measurement (cold) and the second (warm) — each
 * measurement's cost being the time of its 50 rounds less that of 50 rounds without one.
 * Usage: npm run bench:ntk [-- --backend wasm --sizes 1024x8x1024,2048x8x1024,2048x32x1024]
 */
import { selectNodeBackend } from '../src/cli/backend';
import { parseConfig } from '../src/core/masked/config';
import { startProblem } from '../src/core/masked/problem';
import { Trainer } from '../src/engine/trainer';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const BACKEND = arg('backend', 'wasm') as 'cpu' | 'wasm' | 'webgpu';
const SIZES = arg('sizes', '1024x8x1024,2048x8x1024,2048x32x1024').split(',');
const GAP = 50;

/** Seconds of two stretches of GAP rounds: the first ending in a measurement (cold), then the second (warm). */
async function stretches(q: string, ntk: 'none' | 'formed' | 'free'): Promise<[number, number]> {
  const problem = startProblem(parseConfig(q).config);
  const t = new Trainer(problem, { ntkEvery: ntk === 'none' ? 0 : GAP, matrixFree: ntk === 'free' });
  await t.flush();
  const out: number[] = [];
  for (let k = 0; k < 2; k++) {
    const t0 = performance.now();
    const rows = await t.run(GAP, GAP);
    out.push((performance.now() - t0) / 1000);
    if (ntk !== 'none' && !Number.isFinite(rows.at(-1)?.ntkMin)) throw new Error('no λ_min measured');
  }
  t.dispose();
  return [out[0], out[1]];
}

await selectNodeBackend(BACKEND);
console.log(`| n, d, m | ${GAP} rounds (s) | formed: one λ_min (s) | products, cold (s) | products, warm (s) |`);
console.log('|---|---|---|---|---|');
for (const size of SIZES) {
  const [n, d, m] = size.split('x').map(Number);
  const q = `scheme=gd&n=${n}&d=${d}&m=${m}&seed=1`;
  const bare = await stretches(q, 'none');
  const formed = await stretches(q, 'formed');
  const free = await stretches(q, 'free');
  const cost = (s: [number, number], i: number) => Math.max(0, s[i] - bare[i]).toFixed(2);
  console.log(
    `| ${n}, ${d}, ${m} | ${bare[1].toFixed(2)} | ${cost(formed, 1)} | ${cost(free, 0)} | ${cost(free, 1)} |`,
  );
}
console.log(`\nbackend ${BACKEND}; the formed kernel's cost is its second measurement's.`);
