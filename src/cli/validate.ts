/**
 * The `validate` command (THEORY.md H): for each cell of `--grid` (or the configuration alone), trains `--seeds` runs
 * (seed, seed + 1, …: each its own data, initialization and masks) for `--rounds` rounds with R_now measured along the
 * way, and writes one CSV row per cell: the measured plateau ± its standard error against R_lazy and R_now, and the
 * measured rate against the prediction, ρ² and the paper's rate. `--shard i/N` runs only shard i's cells (./shard.ts).
 */
import { type Cell, gridCells, parseGrid } from '../core/masked/grid';
import { netOf } from '../core/masked/network';
import { makeProblem } from '../core/masked/problem';
import { outputs } from '../core/masked/reference';
import { predictionApplies, predictionWithheld } from '../core/masked/summary';
import { projections } from '../core/masked/theory';
import { type SeedRun, validationCsv, validationRow } from '../core/masked/validate';
import { Trainer } from '../engine/trainer';
import { intFlag, UsageError } from './args';
import { readConfig } from './inputs';
import { csvOrShard, ownedCount, owns, shardFlag } from './shard';

/** R_now is measured this many times over a run. */
const NOW_POINTS = 40;

async function seedRun(cell: Cell, seed: number, rounds: number): Promise<SeedRun> {
  const problem = makeProblem({ ...cell.config, seed });
  const { data, init, spectrum, scheme, config } = problem;
  const e0 = outputs(data.X, init.W, init.a, undefined, 1, netOf(config, config.m)).map((u, i) => u - data.y[i]);
  const trainer = new Trainer(problem, { ntkEvery: Math.max(1, Math.floor(rounds / NOW_POINTS)) });
  try {
    const rows = [...(await trainer.flush()), ...(await trainer.run(rounds, 100))];
    return {
      spectrum,
      scheme,
      c0: projections(spectrum, e0),
      err: rows.map((r) => r.err),
      radiusNow: rows.map((r) => r.radiusNow),
      n: config.n,
      d: config.d,
      m: config.m,
    };
  } finally {
    trainer.dispose();
  }
}

export async function validateCsv(
  flags: Map<string, string>,
  notes: string[],
  progress: (done: number, total: number) => void,
): Promise<string> {
  const base = readConfig(flags.get('config'), notes);
  const seeds = intFlag(flags, 'seeds', 3, 1, 100);
  const rounds = intFlag(flags, 'rounds', 3000, 10, 10_000_000);
  const spec = flags.get('grid');
  const parsed = spec ? parseGrid(spec) : null;
  if (parsed && !parsed.ok) throw new UsageError(parsed.error);
  const keys = parsed?.ok ? parsed.grid.keys : [];
  const cells: Cell[] = parsed?.ok ? gridCells(base, parsed.grid) : [{ at: {}, asked: {}, config: base, messages: [] }];
  const shard = shardFlag(flags);
  const results = new Map<number, string>();
  for (const [i, cell] of cells.entries()) {
    if (!owns(shard, i)) continue;
    notes.push(...cell.messages.map((m) => `cell ${keys.map((k) => `${k}=${cell.asked[k]}`).join(' ')}: ${m}`));
    if (!predictionApplies(cell.config))
      throw new UsageError(
        `validate checks the lazy-limit predictions, which hold for act=relu, layers=first, init=ntk only, without input masks or split data${predictionWithheld(cell.config) ? ` (this cell: ${predictionWithheld(cell.config)})` : ''}`,
      );
    const runs = [];
    for (let s = 0; s < seeds; s++) runs.push(await seedRun(cell, (cell.config.seed + s) >>> 0, rounds));
    results.set(i, validationCsv(keys, [{ at: cell.at, row: validationRow(runs) }]));
    progress(results.size, ownedCount(shard, cells.length));
  }
  return csvOrShard('validate', flags, shard, cells.length, validationCsv(keys, []), results);
}
