/**
 * Checks one lesson step as `lesson check` does, wherever it runs (the command line, or a Web Worker of the app's
 * lesson editor): it runs what the step's view runs — training rounds, the phase diagram, AltMin and GD — first with
 * its solution set over the step's link and then on the step's own link (where the student starts). A step fails
 * when its solution misses the goal, when its own link already meets it, or when a threshold lies within
 * NOISE_MARGIN × the run's own noise of where the step starts (a goal a student could reach by waiting). Each step
 * reports the value reached (a little after the goal's first crossing), the threshold, the margin — and a margin
 * smaller than the run's noise is a warning (or, strict, a failure).
 */
import { paperStarts, phaseNs } from '../core/altmin/config';
import { phaseTrials, runTrial, type TrialResult } from '../core/altmin/phase';
import { METHODS } from '../core/altmin/run';
import { altminTraces } from '../core/altmin/traces';
import { solvedLink, type Step } from '../core/lessons/format';
import {
  type Condition,
  conditionLabel,
  evaluateGoal,
  type Goal,
  type GoalState,
  marginOf,
  marginText,
  NOISE_MARGIN,
  showValue,
  type Snapshot,
  type Value,
} from '../core/lessons/goals';
import {
  altminMetrics,
  configValues,
  type Metrics,
  regimesMetrics,
  trainMetrics,
  trainNoise,
} from '../core/lessons/snapshot';
import { type LinkState, readLink } from '../core/link';
import { theoryBasis } from '../core/masked/basis';
import { divergingRow, emptyHistory, type History, pushRow } from '../core/masked/metrics';
import { makeProblem, withSettings } from '../core/masked/problem';
import { dataAt, listOf, type PhaseCell, phaseCell, phaseConfig } from '../core/regimes/regimes';
import { runPhaseRow } from './phaseRow';
import { Trainer } from './trainer';

/** One condition of a step's goal as checked: where the step starts, where the solution ends, and the margin. */
export interface ConditionReport {
  label: string;
  /** The step's own link, trained as long as the solution took (null: not measured there). */
  start: Value;
  startNoise: number | null;
  /** The solution's value when the goal was reached (or when it stopped). */
  value: Value;
  noise: number | null;
  /** How far inside the threshold the solution ended (negative: outside), or null for a non-numeric condition. */
  margin: number | null;
}

export interface StepOutcome {
  step: number;
  title: string;
  ok: boolean;
  /** A margin within the run's own noise, in words (a failure when the check is strict). */
  warning: string | null;
  reached: boolean;
  /** Training rounds the solution took (0 outside the training view). */
  round: number;
  seconds: number;
  conditions: ConditionReport[];
  line: string;
}

/** Rounds between two checks of a training goal. */
const CHECK_EVERY = 50;
/** The fewest rounds the step's own link is trained for its starting value (a plateau needs a few hundred, up to a thousand or two). */
const START_ROUNDS = 2000;
/** The fewest rounds trained past a goal's first crossing before its values and margins are read. */
const AFTER_ROUNDS = 200;

interface Outcome {
  state: GoalState;
  round: number;
  noise: Metrics;
}

/** Trains the link's runs until the goal is reached or `maxRounds` have run (`until`: exactly that many rounds). */
async function trainStep(link: LinkState, goal: Goal, maxRounds: number, until = false): Promise<Outcome> {
  const configs = [link.config, ...link.compare];
  const problem = makeProblem(link.config);
  const basis = theoryBasis(problem);
  const trainers = configs.map(
    (c, i) => new Trainer(i === 0 ? problem : withSettings(problem, c), { ntkEvery: i === 0 ? 10 : 0 }),
  );
  const histories: History[] = configs.map(() => emptyHistory());
  let status = 'ready';
  const fresh = () => ({ fresh: 0, since: 0, status });
  const snapshot = (): Snapshot => ({
    view: 'train',
    config: configValues(link.config),
    runs: configs.map((c, i) => trainMetrics(c, histories[i], basis, fresh())),
  });
  try {
    for (const [i, t] of trainers.entries()) for (const row of await t.flush()) pushRow(histories[i], row);
    const train = async (k: number) => {
      for (const [i, t] of trainers.entries()) {
        const rows = await t.run(k, 25);
        rows.forEach((r) => pushRow(histories[i], r));
        if (divergingRow(rows, histories[i].err[0])) status = 'diverged';
      }
    };
    let state = evaluateGoal(goal, snapshot());
    let round = 0;
    while ((until || !state.reached) && round < maxRounds && status !== 'diverged') {
      const k = Math.min(CHECK_EVERY, maxRounds - round);
      await train(k);
      round += k;
      state = evaluateGoal(goal, snapshot());
    }
    // Reached: a little more training says where the values settle (a goal reached on a lucky fluctuation falls back,
    // one reached by a falling error goes on falling); the rounds it took stay those to the first crossing.
    if (state.reached && !until) {
      await train(Math.max(AFTER_ROUNDS, Math.round(round / 5)));
      const after = evaluateGoal(goal, snapshot());
      state = { reached: true, conditions: after.conditions };
    }
    return { state, round, noise: trainNoise(link.config, histories[0], basis, fresh()) };
  } finally {
    trainers.forEach((t) => t.dispose());
  }
}

async function regimesStep(link: LinkState, goal: Goal, rows: number): Promise<Outcome> {
  const { phase: settings } = link;
  const config = phaseConfig(link.config, settings.setting);
  const ns = listOf(settings.ns).slice(0, rows);
  const ms = listOf(settings.ms);
  const cells: PhaseCell[] = [];
  const snap = (done: number): Snapshot => ({
    view: 'regimes',
    config: configValues(link.config, settings),
    runs: [regimesMetrics(cells, done, listOf(settings.ns).length, config.d)],
  });
  let state = evaluateGoal(goal, snap(0));
  for (const [i, n] of ns.entries()) {
    if (state.reached) break;
    const data = dataAt(config, n);
    if (!data) break;
    const result = await runPhaseRow({ ...config, n }, data, ms, settings.seeds, settings.rounds);
    result.forEach((runs, j) => cells.push(phaseCell(n, ms[j], config.d, runs, settings.eps, settings.rounds)));
    state = evaluateGoal(goal, snap(i + 1));
  }
  return { state, round: 0, noise: {} };
}

function altminStep(link: LinkState, goal: Goal, trials: boolean): Outcome {
  const c = link.altmin;
  const traces = altminTraces(c);
  const snap = (done: number, total: number): Snapshot => ({
    view: 'altmin',
    config: configValues(c),
    runs: [altminMetrics(traces, done, total)],
  });
  let state = evaluateGoal(goal, snap(0, 0));
  if (state.reached || !trials || !goal.conditions.some((q) => q.metric === 'recoveryDone'))
    return { state, round: 0, noise: {} };
  const specs = phaseTrials(phaseNs(c), c.trials);
  const results: TrialResult[] = [];
  for (const spec of specs) results.push(runTrial(c, spec, paperStarts(c.model), [...METHODS]));
  state = evaluateGoal(goal, snap(results.length, specs.length));
  return { state, round: 0, noise: {} };
}

/** The step's view run on a link: until the goal is reached (the solution), or as a student would start (`start`). */
function runView(link: LinkState, goal: Goal, maxRounds: number, start: boolean): Promise<Outcome> {
  // Where the student starts, the long runs (a whole phase diagram, the trials) are what the task asks for.
  if (link.view === 'regimes') return regimesStep(link, goal, start ? 0 : Infinity);
  if (link.view === 'altmin') return Promise.resolve(altminStep(link, goal, !start));
  return trainStep(link, goal, maxRounds, start);
}

/** The goal as the step opens: no round trained, no phase diagram or AltMin run computed yet. */
async function openingState(link: LinkState, goal: Goal): Promise<Outcome> {
  if (link.view === 'train') return trainStep(link, goal, 0);
  const runs =
    link.view === 'regimes'
      ? [regimesMetrics([], 0, listOf(link.phase.ns).length, link.config.d)]
      : [altminMetrics(null, 0, 0)];
  const config = configValues(link.view === 'altmin' ? link.altmin : link.config, link.phase);
  return { state: evaluateGoal(goal, { view: link.view, config, runs }), round: 0, noise: {} };
}

const noiseOf = (o: Outcome, c: Condition) =>
  c.metric !== undefined && c.run === 1 ? ((o.noise[c.metric] as number | null | undefined) ?? null) : null;

const shown = (s: GoalState) => s.conditions.map((c) => `${c.label} (${showValue(c.now)})`).join(', ');

export async function checkStep(step: Step, i: number, maxRounds: number): Promise<StepOutcome> {
  const t0 = performance.now();
  const base = { step: i + 1, title: step.title, warning: null, reached: false, round: 0, conditions: [] };
  const done = (o: Omit<StepOutcome, 'seconds'>): StepOutcome => ({ ...o, seconds: (performance.now() - t0) / 1000 });
  const name = `step ${i + 1} (${step.title})`;
  const { goal, solution } = step;
  if (!goal) return done({ ...base, ok: true, line: `${name}: no goal (a question or a look)` });
  if (solution === null) return done({ ...base, ok: false, line: `${name}: the goal has no solution to check` });
  // As the step opens, before anything is trained or computed: nothing may be done yet.
  const opening = await openingState(readLink(step.link), goal);
  if (opening.state.reached)
    return done({
      ...base,
      ok: false,
      line: `${name}: the goal is met before the task starts: ${shown(opening.state)}`,
    });
  const solved = readLink(solvedLink(step.link, solution));
  const end = await runView(solved, goal, maxRounds, false);
  // A task that changes settings: the step's own link, trained as long as the solution took, is where a student starts
  // who only waits — it must not reach the goal, nor lie within the run's noise of a threshold. (A task that is to
  // train the link as it is has its solution for a start.)
  const changes = solution.trim() !== '';
  const start = changes
    ? await runView(readLink(step.link), goal, Math.min(maxRounds, Math.max(START_ROUNDS, end.round)), true)
    : null;
  const conditions: ConditionReport[] = goal.conditions.map((c, k) => ({
    label: conditionLabel(c),
    start: start ? start.state.conditions[k].now : null,
    startNoise: start ? noiseOf(start, c) : null,
    value: end.state.conditions[k].now,
    noise: noiseOf(end, c),
    margin: marginOf(c, end.state.conditions[k].now),
  }));
  const report = { ...base, reached: end.state.reached, round: end.round, conditions };
  const at = solved.view === 'train' ? ` at round ${end.round}` : '';
  if (start?.state.reached)
    return done({
      ...report,
      ok: false,
      line: `${name}: the goal is met before the task starts — the step's own link reaches it: ${shown(start.state)}`,
    });
  // A threshold within the run's own noise of where the step starts: waiting could reach it.
  const near = goal.conditions.flatMap((c, k) => {
    const from = start ? marginOf(c, start.state.conditions[k].now) : null;
    const noise = conditions[k].startNoise;
    return from !== null && from < 0 && noise && -from < NOISE_MARGIN * noise
      ? [
          `${conditionLabel(c)} lies within ${NOISE_MARGIN} × the run's own noise of where the step starts: its own link measures ${showValue(conditions[k].start)} ± ${showValue(noise)} — move the threshold at least ${showValue(NOISE_MARGIN * noise)} from ${showValue(conditions[k].start)}`,
        ]
      : [];
  });
  if (near.length) return done({ ...report, ok: false, line: `${name}: refused — ${near.join('; ')}` });
  if (!end.state.reached)
    return done({
      ...report,
      ok: false,
      line: `${name}: goal NOT reached${solved.view === 'train' ? ` in ${end.round} rounds` : ''}: ${goal.conditions.map(conditionLabel).join(goal.mode === 'all' ? ' and ' : ' or ')} — now ${shown(end.state)}`,
    });
  const margins = goal.conditions.flatMap((c, k) =>
    conditions[k].margin === null
      ? []
      : [
          `${conditionLabel(c)}: ${showValue(conditions[k].value)}, ${marginText(c, conditions[k].margin as number, conditions[k].noise)}`,
        ],
  );
  const thin = goal.conditions.flatMap((c, k) => {
    const { margin, noise } = conditions[k];
    return margin !== null && noise && margin < noise ? [conditionLabel(c)] : [];
  });
  return done({
    ...report,
    ok: true,
    warning: thin.length ? `the margin of ${thin.join(', ')} is within the run's own noise` : null,
    line: `${name}: goal reached${at}: ${margins.length ? margins.join('; ') : shown(end.state)}`,
  });
}
