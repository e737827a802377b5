/**
 * What a sweep cell costs trained alone against trained in a batch of C cells as one program
 * (`npm run bench:batch`), on Node's wasm at the app's default size (m = 1024, n = 16, d = 8, Bernoulli masks at
 * τ = 1, ξ spread over the batch). Prints milliseconds per cell and round, and the ratio.
 * Usage: npm run bench:batch [-- --rounds 200 --p 1,5,10 --cells 1,5,10]
 */
import { selectNodeBackend } from '../src/cli/backend';
import { parseConfig } from '../src/core/masked/config';
import { sweepRule } from '../src/core/masked/sweep';
import { batchProblems, trainBatch } from '../src/engine/sweepBatch';
import { runCell } from '../src/engine/sweepCell';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const ROUNDS = Number(arg('rounds', '200'));
const PS = arg('p', '1,5,10').split(',').map(Number);
const CELLS = arg('cells', '1,5,10').split(',').map(Number);

await selectNodeBackend('wasm');
const rule = sweepRule(ROUNDS);
const configsOf = (p: number, C: number) =>
  Array.from(
    { length: C },
    (_, c) => parseConfig(`scheme=custom&mask=bernoulli&p=${p}&xi=${((c + 1) / C).toFixed(3)}`).config,
  );
const perCellRound = (ms: number, C: number) => ms / (C * ROUNDS);

console.log('| p | cells in the batch | alone: ms per cell-round | batch: ms per cell-round | alone / batch |');
console.log('|---|---|---|---|---|');
for (const p of PS) {
  // Alone: the first cell's cost stands for every cell's (they differ only in ξ).
  const one = configsOf(p, 1)[0];
  await runCell(one, 20, sweepRule(20));
  let t0 = performance.now();
  await runCell(one, ROUNDS, rule);
  const alone = perCellRound(performance.now() - t0, 1);
  for (const C of CELLS) {
    const configs = configsOf(p, C);
    const problems = batchProblems(configs);
    await trainBatch(problems, 20);
    t0 = performance.now();
    await trainBatch(problems, ROUNDS);
    const batch = perCellRound(performance.now() - t0, C);
    console.log(`| ${p} | ${C} | ${alone.toFixed(3)} | ${batch.toFixed(3)} | ${(alone / batch).toFixed(2)} |`);
  }
}
