/**
 * Phase-diagram benchmark (Node): the regimes view's default grid (n = 8, 16, 32, 64; m = 1, 4, 16, 64, 256, 1024;
 * 3 seeds; K = 1000 GD rounds) trained as the app does — every width and seed of one n in one program — against the
 * same runs batched cell by cell (seeds together) and run one by one. Prints a markdown table per backend.
 * Usage: npm run bench:phase [-- --backends wasm,cpu] [-- --rounds 1000]
 */
import os from 'node:os';

import { NODE_BACKENDS, type NodeBackend, selectNodeBackend } from '../src/cli/backend';
import { parseConfig } from '../src/core/masked/config';
import { dataAt, listOf, parsePhaseSettings, phaseConfig } from '../src/core/regimes/regimes';
import { runPhaseRow } from '../src/engine/phaseRow';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const backends = arg('backends', NODE_BACKENDS.join(',')).split(',') as NodeBackend[];
const { settings } = parsePhaseSettings({ rounds: arg('rounds', '1000') });
const ns = listOf(settings.ns);
const ms = listOf(settings.ms);
const base = phaseConfig(parseConfig('d=8&seed=1').config, 'lazy');
const cells = ns.length * ms.length;

async function timed(f: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await f();
  return (performance.now() - t0) / 1000;
}

console.log(
  `\nNode ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${new Date().toISOString().slice(0, 10)}`,
);
console.log(
  `grid: n = ${settings.ns}; m = ${settings.ms}; ${settings.seeds} seeds; K = ${settings.rounds}; d = 8; lazy setting (${cells} cells, ${cells * settings.seeds} runs)\n`,
);
console.log('| backend | how | programs | seconds | cells/s | vs one by one |');
console.log('|---|---|---|---|---|---|');
for (const backend of backends) {
  await selectNodeBackend(backend);
  const data = (n: number) => dataAt({ ...base, n }, n)!;
  const row = await timed(async () => {
    for (const n of ns) await runPhaseRow({ ...base, n }, data(n), ms, settings.seeds, settings.rounds);
  });
  const cell = await timed(async () => {
    for (const n of ns)
      for (const m of ms) await runPhaseRow({ ...base, n }, data(n), [m], settings.seeds, settings.rounds);
  });
  const single = await timed(async () => {
    for (const n of ns)
      for (const m of ms)
        for (let s = 0; s < settings.seeds; s++)
          await runPhaseRow({ ...base, n, seed: base.seed + s }, data(n), [m], 1, settings.rounds);
  });
  for (const [how, programs, secs] of [
    ['one program per n (the app)', ns.length, row],
    ['one program per cell (seeds together)', cells, cell],
    ['one run at a time', cells * settings.seeds, single],
  ] as const)
    console.log(
      `| ${backend} | ${how} | ${programs} | ${secs.toFixed(1)} | ${(cells / secs).toFixed(2)} | ${(single / secs).toFixed(1)}× |`,
    );
}
