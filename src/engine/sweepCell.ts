/**
 * Sweep cells: one cell trains a fresh run (no NTKs) — a fixed number of rounds, or as many as its own predicted mean
 * curve needs to reach its neighbourhood (H.1), under a cap — and reports its converged error (core/masked/converge.ts)
 * beside R_lazy at that cell (NaN where the prediction is withheld: input masks, split data; their rounds follow the
 * neuron scheme's curve), on the seed's data or on given data (and given initial weights where their width is the
 * cell's). The CLI's `sweep` runs cells one by one for fixed rounds; the app's sweep worker runs a batch of cells as
 * one program (./sweepBatch.ts), each to its plateau.
 */
import { theoryBasis } from '../core/masked/basis';
import type { Config } from '../core/masked/config';
import { convergedError, type ConvergeRule } from '../core/masked/converge';
import type { Dataset } from '../core/masked/datasets';
import type { Weights } from '../core/masked/init';
import { settleRounds } from '../core/masked/plateau';
import { type FullProblem, makeProblem } from '../core/masked/problem';
import { predictionWithheld } from '../core/masked/summary';
import { type CellResult, cellRounds, type SweepPlan, sweepRule } from '../core/masked/sweep';
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

/** What each of a batch's cells trains for, and the rule its converged error is read with. */
function plans(problems: readonly FullProblem[], plan: SweepPlan) {
  return problems.map((problem) => {
    if (plan.mode === 'fixed') return { rounds: plan.rounds, rule: sweepRule(plan.rounds) };
    const needs = settleRounds(problem.spectrum, problem.scheme, theoryBasis(problem).c0);
    const { rounds, reached } = cellRounds(needs, plan.cap);
    return { rounds, rule: sweepRule(rounds), needs, reached };
  });
}

/** Cells of one batch (core/masked/sweep.ts sweepBatches) trained together; their results in order. */
export async function runCells(
  configs: readonly Config[],
  plan: SweepPlan,
  data?: Dataset,
  init?: Weights,
): Promise<CellResult[]> {
  const problems = batchProblems(configs, data, init);
  const each = plans(problems, plan);
  // A batch of one (a cell whose second layer trains) runs on the trainer.
  if (configs.length === 1) {
    const { rounds, rule, needs, reached } = each[0];
    return [{ ...(await runCell(configs[0], rounds, rule, data, init)), needs, reached }];
  }
  // The batch trains as long as its longest cell; each cell is read at its own rounds.
  const errs = await trainBatch(problems, Math.max(...each.map((e) => e.rounds)));
  return problems.map((problem, c) => {
    const { rounds, rule, needs, reached } = each[c];
    return { ...resultOf(errs[c].subarray(0, rounds + 1), rule, problem, rounds), needs, reached };
  });
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
