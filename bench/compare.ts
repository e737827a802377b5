/**
 * Compare benchmark: rounds/s of the "All four schemes" comparison between read-backs: in lockstep with one
 * read-back for all runs, stepping round by round (every run one round, then the next) or run by run (each run
 * all the batch's rounds, then the next run), against each run read back on its own; and whether fusing the runs'
 * forward matmuls into one (concatenate the weights, one matmul, split) would pay. Prints markdown tables.
 * Usage: npm run bench:compare [-- --seconds 2]
 */
import os from 'node:os';

import * as tf from '@tensorflow/tfjs-core';

import { NODE_BACKENDS, selectNodeBackend } from '../src/cli/backend';
import { applyComparePreset, COMPARE_PRESETS } from '../src/core/masked/compare';
import { parseConfig } from '../src/core/masked/config';
import { makeProblem, withSettings } from '../src/core/masked/problem';
import { flushTogether, Trainer } from '../src/engine/trainer';
import { callsPerSecond, secondsArg } from './rate';

const SIZES = [
  [64, 16, 1024],
  [256, 32, 1024],
  [256, 32, 4096],
] as const;
const BATCH = 8;
const SECONDS = secondsArg(process.argv);

const rate = (f: () => Promise<void>) => callsPerSecond(f, SECONDS);

const preset = COMPARE_PRESETS.find((p) => p.label === 'All four schemes');
if (!preset) throw new Error('preset missing');
/** Milliseconds per call of f (its result read back and disposed). */
async function msPerCall(f: () => tf.Tensor[]): Promise<number> {
  const once = async () => {
    const out = tf.tidy(f);
    await out[out.length - 1].data();
    tf.dispose(out);
  };
  return 1000 / (await rate(once));
}

/** The forward matmul + ReLU of the four runs' local weights (widths 4m, m, 4m, m): apart, and fused. */
async function fusedRow(backend: string, n: number, d: number, m: number): Promise<string> {
  const X = tf.randomNormal([n, d]) as tf.Tensor2D;
  const Ws = [4 * m, m, 4 * m, m].map((w) => tf.randomNormal([d, w]) as tf.Tensor2D);
  const apart = await msPerCall(() => Ws.map((W) => tf.relu(tf.matMul(X, W))));
  const fused = await msPerCall(() =>
    tf.split(
      tf.relu(tf.matMul(X, tf.concat(Ws, 1))),
      Ws.map((W) => W.shape[1]),
      1,
    ),
  );
  tf.dispose([X, ...Ws]);
  return `| ${backend} | ${n}, ${d}, ${m} | ${apart.toFixed(2)} | ${fused.toFixed(2)} | ${(fused / apart).toFixed(2)} |`;
}

const rows: string[] = [];
const fusedRows: string[] = [];
for (const backend of NODE_BACKENDS) {
  await selectNodeBackend(backend);
  for (const [n, d, m] of SIZES) {
    const { main, runs } = applyComparePreset(parseConfig(`n=${n}&d=${d}&m=${m}`).config, preset);
    const base = makeProblem(main);
    const trainers = [main, ...runs].map((c) => new Trainer(withSettings(base, c), { ntkEvery: 0 }));
    await flushTogether(trainers);
    const interleaved =
      BATCH *
      (await rate(async () => {
        for (let k = 0; k < BATCH; k++) for (const t of trainers) t.step();
        await flushTogether(trainers);
      }));
    const runMajor =
      BATCH *
      (await rate(async () => {
        for (const t of trainers) for (let k = 0; k < BATCH; k++) t.step();
        await flushTogether(trainers);
      }));
    const apart =
      BATCH *
      (await rate(async () => {
        for (const t of trainers) {
          for (let k = 0; k < BATCH; k++) t.step();
          await t.flush();
        }
      }));
    trainers.forEach((t) => t.dispose());
    rows.push(
      `| ${backend} | ${n}, ${d}, ${m} | ${interleaved.toFixed(2)} | ${runMajor.toFixed(2)} | ${apart.toFixed(2)} | ${(runMajor / interleaved).toFixed(2)} |`,
    );
    fusedRows.push(await fusedRow(backend, n, d, m));
    console.error(rows[rows.length - 1], fusedRows[fusedRows.length - 1]);
  }
}
console.log(
  `\nNode ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${new Date().toISOString().slice(0, 10)}; runs: ${[preset.main, ...preset.runs].map((r) => r.scheme).join(', ')}; ${BATCH} rounds per read-back\n`,
);
console.log(
  '| backend | n, d, m | lockstep, round by round (rounds/s) | lockstep, run by run (rounds/s) | each run read back alone (rounds/s) | run by run / round by round |',
);
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
console.log(
  '\n| backend | n, d, m | forward of 4 runs apart (ms) | concatenated, one matmul, split (ms) | fused / apart |',
);
console.log('|---|---|---|---|---|');
for (const r of fusedRows) console.log(r);
