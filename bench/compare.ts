/**
 * Compare benchmark: rounds/s of the "All four schemes" comparison trained in lockstep (all runs stepped, then
 * one read-back for all) against the same four runs each read back on its own. Prints a markdown table.
 * Usage: npm run bench:compare [-- --seconds 2]
 */
import os from 'node:os';
import { useNodeBackend, NODE_BACKENDS } from '../src/cli/backend';
import { applyComparePreset, COMPARE_PRESETS } from '../src/core/compare';
import { parseConfig } from '../src/core/config';
import { makeProblem, withSettings } from '../src/core/problem';
import { Trainer, flushTogether } from '../src/engine/trainer';

const SIZES = [[64, 16, 1024], [256, 32, 1024], [256, 32, 4096]] as const;
const BATCH = 8;
const secondsArg = process.argv.indexOf('--seconds');
const SECONDS = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 2;

async function rate(f: () => Promise<void>): Promise<number> {
  await f();
  let calls = 0;
  const t0 = performance.now();
  while (calls < 2 || performance.now() - t0 < SECONDS * 1000) {
    await f();
    calls += 1;
  }
  return (calls * 1000) / (performance.now() - t0);
}

const preset = COMPARE_PRESETS.find((p) => p.label === 'All four schemes');
if (!preset) throw new Error('preset missing');
const rows: string[] = [];
for (const backend of NODE_BACKENDS) {
  await useNodeBackend(backend);
  for (const [n, d, m] of SIZES) {
    const { main, runs } = applyComparePreset(parseConfig(`n=${n}&d=${d}&m=${m}`).config, preset);
    const base = makeProblem(main);
    const trainers = [main, ...runs].map((c) => new Trainer(withSettings(base, c), { ntkEvery: 0 }));
    await flushTogether(trainers);
    const lockstep = BATCH * await rate(async () => {
      for (let k = 0; k < BATCH; k++) for (const t of trainers) t.step();
      await flushTogether(trainers);
    });
    const apart = BATCH * await rate(async () => {
      for (const t of trainers) {
        for (let k = 0; k < BATCH; k++) t.step();
        await t.flush();
      }
    });
    trainers.forEach((t) => t.dispose());
    rows.push(`| ${backend} | ${n}, ${d}, ${m} | ${lockstep.toFixed(2)} | ${apart.toFixed(2)} | ${(lockstep / apart).toFixed(2)} |`);
    console.error(rows[rows.length - 1]);
  }
}
console.log(`\nNode ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${new Date().toISOString().slice(0, 10)}; runs: ${[preset.main, ...preset.runs].map((r) => r.scheme).join(', ')}; ${BATCH} rounds per read-back\n`);
console.log('| backend | n, d, m | lockstep rounds/s (all 4 runs) | one run at a time rounds/s | lockstep / apart |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(r);
