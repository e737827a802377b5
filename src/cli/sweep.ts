/**
 * The `sweep` command: trains one run per grid cell (same data and initialization wherever the cell keeps the
 * seed and shapes; `--data` and `--init` as `train` reads them) and writes one CSV row per cell: the values the cell
 * trained with, `converged` (the trailing-window mean of core/masked/converge.ts), whether it `settled`, `radius` (R_lazy at
 * that cell) and the rounds trained. `--shard i/N` trains only shard i's cells (./shard.ts). A grid over one key notes
 * the log–log slope of the converged error against it, with its 95 % interval (the floor against ν, THEORY.md J.1).
 */
import { gridCells, parseGrid } from '../core/masked/grid';
import { logSlope, sweepCsv as toCsv, sweepRule } from '../core/masked/sweep';
import { runCell } from '../engine/sweepCell';
import { intFlag, numberFlag, UsageError } from './args';
import { readInputs } from './inputs';
import { csvOrShard, owns, shardFlag } from './shard';

export async function sweepCsv(flags: Map<string, string>, notes: string[]): Promise<string> {
  const spec = flags.get('grid');
  if (!spec) throw new UsageError('sweep needs --grid, e.g. --grid "p=1,2,4;xi=0.5,1"');
  const parsed = parseGrid(spec);
  if (!parsed.ok) throw new UsageError(parsed.error);
  const rounds = intFlag(flags, 'rounds', 1000, 2, 10_000_000);
  const dflt = sweepRule(rounds);
  const rule = {
    window: intFlag(flags, 'window', dflt.window, 1, Math.floor(rounds / 2)),
    tol: numberFlag(flags, 'tol', dflt.tol, 0, 10),
  };
  const shard = shardFlag(flags);
  const { config, data, init } = readInputs(flags, notes);
  const { keys } = parsed.grid;
  const cells = gridCells(config, parsed.grid);
  const results = new Map<number, string>();
  const line: { value: number; converged: number }[] = [];
  for (const [k, cell] of cells.entries()) {
    if (!owns(shard, k)) continue;
    const where = keys.map((key) => `${key}=${cell.asked[key]}`).join(' ');
    notes.push(...cell.messages.map((m) => `cell ${where}: ${m}`));
    const result = await runCell(cell.config, rounds, rule, data, init);
    results.set(k, toCsv(keys, [{ at: cell.at, result }]));
    line.push({ value: Number(cell.at[keys[0]]), converged: result.converged });
  }
  const fit = keys.length === 1 && !shard ? logSlope(line) : null;
  if (fit)
    notes.push(
      `log–log slope of converged against ${keys[0]}: ${fit.slope.toFixed(3)} (95 % interval ${fit.lo.toFixed(3)} to ${fit.hi.toFixed(3)}, ${fit.points} cells)`,
    );
  return csvOrShard('sweep', flags, shard, cells.length, toCsv(keys, []), results);
}
