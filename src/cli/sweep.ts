/**
 * The `sweep` command: trains one run per grid cell (same data and initialization wherever the cell keeps the
 * seed and shapes) and writes one CSV row per cell: the grid values, `converged` (the trailing-window mean of
 * core/converge.ts), whether it `settled`, and `radius` (R_lazy at that cell).
 */
import { convergedError } from '../core/converge';
import { gridCells, parseGrid } from '../core/grid';
import { makeProblem } from '../core/problem';
import { radiusLazy } from '../core/theory';
import { Trainer } from '../engine/trainer';
import { intFlag, numberFlag, UsageError } from './args';
import { readConfig } from './inputs';

export async function sweepCsv(flags: Map<string, string>, notes: string[]): Promise<string> {
  const spec = flags.get('grid');
  if (!spec) throw new UsageError('sweep needs --grid, e.g. --grid "p=1,2,4;xi=0.5,1"');
  const parsed = parseGrid(spec);
  if (!parsed.ok) throw new UsageError(parsed.error);
  const rounds = intFlag(flags, 'rounds', 1000, 2, 10_000_000);
  const rule = { window: intFlag(flags, 'window', Math.max(1, Math.floor(rounds / 10)), 1, Math.floor(rounds / 2)), tol: numberFlag(flags, 'tol', 0.05, 0, 10) };
  const cells = gridCells(readConfig(flags.get('config'), notes), parsed.grid);
  const keys = parsed.grid.keys;
  const lines = [[...keys, 'converged', 'settled', 'radius', 'rounds'].join(',')];
  for (const cell of cells) {
    const where = keys.map((k) => `${k}=${cell.at[k]}`).join(' ');
    notes.push(...cell.messages.map((m) => `cell ${where}: ${m}`));
    const problem = makeProblem(cell.config);
    const trainer = new Trainer(problem, { ntkEvery: 0 });
    const err = [...(await trainer.flush()), ...(await trainer.run(rounds, 50))].map((r) => r.err);
    trainer.dispose();
    const c = convergedError(err, rule);
    lines.push([...keys.map((k) => cell.at[k]), c ? String(c.value) : '', c ? String(c.settled) : 'false', String(radiusLazy(problem.spectrum, problem.scheme)), String(rounds)].join(','));
  }
  return lines.join('\n') + '\n';
}
