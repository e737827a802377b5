/**
 * Sweep cells: one cell trains a fresh run of `rounds` rounds (no NTKs) and reports its converged error
 * (core/masked/converge.ts) beside R_lazy at that cell (NaN where the prediction is withheld), on the seed's data or on given data (and given initial weights
 * where their width is the cell's). The CLI's `sweep` runs cells one by one; the app's sweep worker runs a batch of
 * cells as one program (./sweepBatch.ts).
 */
import type { Config } from '../core/masked/config';
import { convergedError, type ConvergeRule } from '../core/masked/converge';
import type { Dataset } from '../core/masked/datasets';
import type { Weights } from '../core/masked/init';
import { type FullProblem, makeProblem } from '../core/masked/problem';
import { predictionWithheld } from '../core/masked/summary';
import type { CellResult } from '../core/masked/sweep';
import { radiusLazy } from '../core/masked/theory';
import { batchProblems, trainBatch } from './sweepBatch';
import { Trainer } from './trainer';

/** Rounds between two read-backs of a cell's metrics. */
const READ_EVERY = 50;

export async function runCell(
  config: Config,
  rounds: number,
  rule: ConvergeRule,
  data?: Dataset,
  init?: Weights,
): Promise<CellResult> {
  const problem = makeProblem(config, data, init && init.W.rows === config.m ? init : undefined);
  const trainer = new Trainer(problem, { ntkEvery: 0 });
  try {
    const err = [...(await trainer.flush()), ...(await trainer.run(rounds, READ_EVERY))].map((r) => r.err);
    return resultOf(err, rule, problem, rounds);
  } finally {
    trainer.dispose();
  }
}

/** Cells of one batch (core/masked/sweep.ts sweepBatches) trained together; their results in order. */
export async function runCells(
  configs: readonly Config[],
  rounds: number,
  rule: ConvergeRule,
  data?: Dataset,
  init?: Weights,
): Promise<CellResult[]> {
  if (configs.length === 1) return [await runCell(configs[0], rounds, rule, data, init)];
  const problems = batchProblems(configs, data, init);
  const errs = await trainBatch(problems, rounds);
  return problems.map((problem, c) => resultOf(errs[c], rule, problem, rounds));
}

function resultOf(err: ArrayLike<number>, rule: ConvergeRule, problem: FullProblem, rounds: number): CellResult {
  const c = convergedError(err, rule);
  return {
    converged: c ? c.value : NaN,
    settled: c ? c.settled : false,
    radius: predictionWithheld(problem.config) ? NaN : radiusLazy(problem.spectrum, problem.scheme),
    rounds,
  };
}
