/**
 * `lesson check FILE`: validates a lesson file (format, links that open without corrections, goals that name known
 * metrics and keys) and then, step by step, applies each solution over the step's link, runs what the step's view
 * runs — training rounds, the phase diagram, AltMin and GD — and says whether the goal was reached, one line per
 * step. A goal already met when the step opens (before any training) fails the check too.
 */
import { paperStarts, phaseNs } from '../core/altmin/config';
import { phaseTrials, runTrial, type TrialResult } from '../core/altmin/phase';
import { METHODS } from '../core/altmin/run';
import { altminTraces } from '../core/altmin/traces';
import { type Lesson, parseLesson, solvedLink, type Step } from '../core/lessons/format';
import {
  conditionLabel,
  evaluateGoal,
  type Goal,
  type GoalState,
  showValue,
  type Snapshot,
} from '../core/lessons/goals';
import { altminMetrics, configValues, regimesMetrics, trainMetrics } from '../core/lessons/snapshot';
import { type LinkState, readLink } from '../core/link';
import { theoryBasis } from '../core/masked/basis';
import { divergingRow, emptyHistory, type History, pushRow } from '../core/masked/metrics';
import { makeProblem, withSettings } from '../core/masked/problem';
import { dataAt, listOf, type PhaseCell, phaseCell, phaseConfig } from '../core/regimes/regimes';
import { runPhaseRow } from '../engine/phaseRow';
import { Trainer } from '../engine/trainer';

export interface StepOutcome {
  step: number;
  ok: boolean;
  line: string;
}

/** Rounds between two checks of a training goal. */
const CHECK_EVERY = 50;

const shown = (s: GoalState) => s.conditions.map((c) => `${c.label} (${showValue(c.now)})`).join(', ');

/** Trains the link's runs until the goal is reached or `maxRounds` have run; `check` sees the snapshot as it goes. */
async function trainStep(link: LinkState, goal: Goal, maxRounds: number): Promise<{ state: GoalState; round: number }> {
  const configs = [link.config, ...link.compare];
  const problem = makeProblem(link.config);
  const basis = theoryBasis(problem);
  const trainers = configs.map(
    (c, i) => new Trainer(i === 0 ? problem : withSettings(problem, c), { ntkEvery: i === 0 ? 10 : 0 }),
  );
  const histories: History[] = configs.map(() => emptyHistory());
  let status = 'ready';
  const snapshot = (): Snapshot => ({
    view: 'train',
    config: configValues(link.config),
    runs: configs.map((c, i) => trainMetrics(c, histories[i], basis, 0, status)),
  });
  try {
    for (const [i, t] of trainers.entries()) for (const row of await t.flush()) pushRow(histories[i], row);
    let state = evaluateGoal(goal, snapshot());
    let round = 0;
    while (!state.reached && round < maxRounds && status !== 'diverged') {
      for (const [i, t] of trainers.entries()) {
        const rows = await t.run(CHECK_EVERY, 25);
        rows.forEach((r) => pushRow(histories[i], r));
        if (divergingRow(rows, histories[i].err[0])) status = 'diverged';
      }
      round += CHECK_EVERY;
      state = evaluateGoal(goal, snapshot());
    }
    return { state, round };
  } finally {
    trainers.forEach((t) => t.dispose());
  }
}

async function regimesStep(link: LinkState, goal: Goal): Promise<{ state: GoalState; round: number }> {
  const { phase: settings } = link;
  const config = phaseConfig(link.config, settings.setting);
  const ns = listOf(settings.ns);
  const ms = listOf(settings.ms);
  const cells: PhaseCell[] = [];
  const snap = (done: number): Snapshot => ({
    view: 'regimes',
    config: configValues(link.config, settings),
    runs: [regimesMetrics(cells, done, ns.length, config.d)],
  });
  let state = evaluateGoal(goal, snap(0));
  for (const [i, n] of ns.entries()) {
    if (state.reached) break;
    const data = dataAt(config, n);
    if (!data) break;
    const rows = await runPhaseRow({ ...config, n }, data, ms, settings.seeds, settings.rounds);
    rows.forEach((runs, j) => cells.push(phaseCell(n, ms[j], config.d, runs, settings.eps, settings.rounds)));
    state = evaluateGoal(goal, snap(i + 1));
  }
  return { state, round: 0 };
}

function altminStep(link: LinkState, goal: Goal): { state: GoalState; round: number } {
  const c = link.altmin;
  const traces = altminTraces(c);
  const snap = (done: number, total: number): Snapshot => ({
    view: 'altmin',
    config: configValues(c),
    runs: [altminMetrics(traces, done, total)],
  });
  let state = evaluateGoal(goal, snap(0, 0));
  if (state.reached || !goal.conditions.some((q) => q.metric === 'recoveryDone')) return { state, round: 0 };
  const trials = phaseTrials(phaseNs(c), c.trials);
  const results: TrialResult[] = [];
  for (const spec of trials) results.push(runTrial(c, spec, paperStarts(c.model), [...METHODS]));
  state = evaluateGoal(goal, snap(results.length, trials.length));
  return { state, round: 0 };
}

function runView(link: LinkState, goal: Goal, maxRounds: number) {
  if (link.view === 'regimes') return regimesStep(link, goal);
  if (link.view === 'altmin') return Promise.resolve(altminStep(link, goal));
  return trainStep(link, goal, maxRounds);
}

/** The goal as the step opens (its own link, nothing trained yet): a task must not be done before it starts. */
async function openingState(step: Step, goal: Goal): Promise<GoalState> {
  const link = readLink(step.link);
  if (link.view === 'train') return (await trainStep(link, goal, 0)).state;
  const runs =
    link.view === 'regimes'
      ? [regimesMetrics([], 0, listOf(link.phase.ns).length, link.config.d)]
      : [altminMetrics(null, 0, 0)];
  return evaluateGoal(goal, {
    view: link.view,
    config: configValues(link.view === 'altmin' ? link.altmin : link.config, link.phase),
    runs,
  });
}

export async function checkStep(step: Step, i: number, maxRounds: number): Promise<StepOutcome> {
  const name = `step ${i + 1} (${step.title})`;
  const { goal, solution } = step;
  if (!goal) return { step: i + 1, ok: true, line: `${name}: no goal (a question or a look)` };
  if (solution === null) return { step: i + 1, ok: false, line: `${name}: the goal has no solution to check` };
  const opening = await openingState(step, goal);
  if (opening.reached)
    return { step: i + 1, ok: false, line: `${name}: the goal is met before the task starts: ${shown(opening)}` };
  const link = readLink(solvedLink(step.link, solution));
  const { state, round } = await runView(link, goal, maxRounds);
  const where = link.view === 'train' ? ` at round ${round}` : '';
  return state.reached
    ? { step: i + 1, ok: true, line: `${name}: goal reached${where}: ${shown(state)}` }
    : {
        step: i + 1,
        ok: false,
        line: `${name}: goal NOT reached${link.view === 'train' ? ` in ${round} rounds` : ''}: ${goal.conditions.map(conditionLabel).join(goal.mode === 'all' ? ' and ' : ' or ')} — now ${shown(state)}`,
      };
}

/** Checks every step of a lesson file's text; the refusal's message when the file is refused. */
export async function checkLesson(
  text: string,
  maxRounds: number,
  onStep: (o: StepOutcome) => void,
): Promise<{ lesson: Lesson | null; error: string | null; outcomes: StepOutcome[] }> {
  const parsed = parseLesson(text);
  if (!parsed.ok) return { lesson: null, error: parsed.error, outcomes: [] };
  const outcomes: StepOutcome[] = [];
  for (const [i, step] of parsed.lesson.steps.entries()) {
    const t0 = performance.now();
    const o = await checkStep(step, i, maxRounds);
    o.line += ` (${((performance.now() - t0) / 1000).toFixed(1)} s)`;
    outcomes.push(o);
    onStep(o);
  }
  return { lesson: parsed.lesson, error: null, outcomes };
}
