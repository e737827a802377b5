/**
 * Command line on Node: `train` writes one metrics row per round (CSV or JSON), `theory` prints the predicted
 * numbers as JSON, `sweep` writes one row per grid cell, `altmin` one row per AltMin or GD iteration and
 * `altmin-phase` the recovery phase transition, `regimes` the required widths as JSON and `phase` the measured
 * phase diagram, `validate` how good each prediction is, `lesson check FILE` whether a lesson's every task can be done,
 * `merge` the shards of a grid (`--shard i/N` on sweep, phase, validate and altmin-phase) into the unsharded output.
 * Bad arguments print one line and exit with code 2.
 */
import { writeFileSync } from 'node:fs';

import { functionSample } from '../core/masked/functionView';
import { decompose, masksInputs } from '../core/masked/inputNoise';
import { emptyHistory, historyToCsv, historyToJson, pushRow } from '../core/masked/metrics';
import { modeTheory } from '../core/masked/modes';
import { netOf } from '../core/masked/network';
import type { FullProblem } from '../core/masked/problem';
import { splitOwners, splitsData } from '../core/masked/split';
import { predictionApplies, summarize } from '../core/masked/summary';
import { sumSquares } from '../core/math/matrix';
import { Rng } from '../core/math/rng';
import type { StepOutcome } from '../engine/lessonCheck';
import { Trainer } from '../engine/trainer';
import { altminCsv, altminPhaseCsv, mergedAltminPhase } from './altmin';
import { choiceFlag, intFlag, numberFlag, parseArgs, UsageError } from './args';
import { NODE_BACKENDS, selectNodeBackend } from './backend';
import { readProblem, readText } from './inputs';
import { checkLesson, starterLesson } from './lesson';
import { phaseCsv, regimesJson } from './regimes';
import { csvText, readShards } from './shard';
import { sweepCsv } from './sweep';
import { validateCsv } from './validate';

const COMMANDS = {
  train: ['config', 'run', 'data', 'init', 'rounds', 'backend', 'out', 'ntk-every', 'modes', 'function'],
  theory: ['config', 'run', 'data', 'init', 'delta', 'rounds', 'modes'],
  sweep: ['config', 'data', 'init', 'grid', 'rounds', 'backend', 'out', 'window', 'tol', 'shard'],
  altmin: ['config', 'method', 'data', 'teacher', 'init', 'iters', 'out'],
  'altmin-phase': ['config', 'n', 'trials', 'method', 'start', 'out', 'shard'],
  regimes: ['config', 'data', 'delta', 'rounds'],
  phase: ['config', 'n', 'm', 'seeds', 'rounds', 'eps', 'data', 'backend', 'out', 'shard'],
  validate: ['config', 'grid', 'seeds', 'rounds', 'backend', 'out', 'shard'],
  lesson: ['backend', 'max-rounds'],
  merge: ['out'],
} as const;

async function train(flags: Map<string, string>, notes: string[]): Promise<void> {
  const rounds = intFlag(flags, 'rounds', 100, 1, 10_000_000);
  const backend = choiceFlag(flags, 'backend', NODE_BACKENDS, 'cpu');
  const ntkEvery = intFlag(flags, 'ntk-every', 10, 0, 10_000_000);
  const out = flags.get('out');
  if (out && !/\.(csv|json)$/i.test(out)) throw new UsageError(`--out must end in .csv or .json, got "${out}"`);
  const problem = readProblem(flags, notes);
  const modes = modeCount(flags, problem.data.X.rows, notes);
  const points = flags.has('function') ? intFlag(flags, 'function', 200, 2, 100_000) : 0;
  if (points && problem.data.X.cols !== 2)
    throw new UsageError(
      `--function draws f around the circle: it needs d = 2 data (data=circle), not d = ${problem.data.X.cols}`,
    );
  if (points && !/\.json$/i.test(out ?? ''))
    throw new UsageError('--function writes its curve into the JSON: give --out FILE.json');
  flushNotes(notes);
  await selectNodeBackend(backend);
  const basis = problem.spectrum.vectors.slice(0, modes);
  const trainer = new Trainer(problem, {
    ntkEvery,
    modes: basis.length ? Float64Array.from(basis.flatMap((v) => Array.from(v))) : undefined,
  });
  const history = emptyHistory();
  for (const row of await trainer.flush()) pushRow(history, row);
  for (const row of await trainer.run(rounds, 25)) pushRow(history, row);
  const modeRows = trainer.takeModes();
  const curve = points ? await functionOf(trainer, problem, points) : null;
  trainer.dispose();
  const columns = Array.from({ length: modes }, (_, i) => ({
    name: `mode${i + 1}`,
    values: modeRows.map((r) => r.values[i]),
  }));
  let text: string;
  if (out && /\.json$/i.test(out)) {
    const json = JSON.parse(historyToJson(history, columns)) as Record<string, unknown>;
    if (curve) json.function = curve;
    text = JSON.stringify(json);
  } else text = historyToCsv(history, columns);
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
}

/** --modes K: the K directions of H^∞ with the smallest λ (clamped to n with a note). */
function modeCount(flags: Map<string, string>, n: number, notes: string[]): number {
  if (!flags.has('modes')) return 0;
  const k = intFlag(flags, 'modes', 1, 1, 1_000_000);
  if (k > n) notes.push(`--modes ${k} is more than the ${n} directions of H^∞; using ${n}.`);
  return Math.min(k, n);
}

/** The function around the circle at the last round: the network's f_K and the lazy-limit mean f̄_K. */
async function functionOf(trainer: Trainer, problem: FullProblem, points: number) {
  const c = problem.config;
  const f = functionSample(
    problem,
    await trainer.weights(),
    null,
    problem.scheme,
    trainer.round,
    points,
    predictionApplies(c),
  );
  return { angle: f.angle, network: f.network, predicted: f.predicted };
}

async function sweep(flags: Map<string, string>, notes: string[]): Promise<void> {
  const out = csvOut(flags);
  const backend = choiceFlag(flags, 'backend', NODE_BACKENDS, 'cpu');
  await selectNodeBackend(backend);
  const text = await sweepCsv(flags, notes);
  flushNotes(notes);
  writeCsv(out, text);
}

function theory(flags: Map<string, string>, notes: string[]): void {
  const delta = numberFlag(flags, 'delta', 0.1, 1e-9, 1);
  const horizon = intFlag(flags, 'rounds', 1000, 1, 1e9);
  const problem = readProblem(flags, notes);
  const { config: c } = problem;
  const modes = modeCount(flags, problem.data.X.rows, notes);
  flushNotes(notes);
  const report: Record<string, unknown> = {
    scheme: c.scheme,
    n: c.n,
    d: c.d,
    m: c.m,
    ...summarize(c, problem.spectrum, sumSquares(problem.data.y), delta, horizon),
  };
  if (masksInputs(c) && c.act === 'relu') report.inputNoise = inputNoiseAtStart(problem);
  if (splitsData(c)) {
    const owner = splitOwners(c.seed, c.n, c.p);
    report.split = { workers: c.p, sizes: Array.from({ length: c.p }, (_, l) => owner.filter((o) => o === l).length) };
  }
  if (modes) {
    const index = Array.from({ length: modes }, (_, i) => i);
    const t = modeTheory(problem.spectrum, problem.scheme, new Float64Array(problem.spectrum.n), index);
    report.modes = index.map((i) => ({ lambda: t.lambda[i], floor: t.floor[i] }));
  }
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
}

/** Multiply-adds the theory command spends on the variance of the input masks at initialization (n·m·d a draw). */
const NOISE_WORK = 1e8;

/** The expected loss under the input masks at initialization, split as THEORY.md J.1 says (`theory` under input masks). */
function inputNoiseAtStart(problem: FullProblem) {
  const { config: c, data, init } = problem;
  const draws = Math.max(10, Math.min(1000, Math.floor(NOISE_WORK / (c.n * c.m * c.d))));
  const dec = decompose(data.X, data.y, init.W, init.a, c.nu, netOf(c, c.m), Rng.stream(c.seed, 'theory'), draws);
  return {
    nu: c.nu,
    cleanError: dec.clean,
    smoothedError: dec.smoothed,
    variance: dec.variance,
    varianceSe: dec.varianceSe,
    draws,
  };
}

/** Writes CSV text to --out (which must end in .csv) or stdout. */
function writeCsv(out: string | undefined, text: string): void {
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
}

/** --out: a .csv, or for a shard (--shard) its .json. */
function csvOut(flags: Map<string, string>): string | undefined {
  const out = flags.get('out');
  const ext = flags.has('shard') ? 'json' : 'csv';
  if (out && !new RegExp(`\\.${ext}$`, 'i').test(out))
    throw new UsageError(`--out must end in .${ext}${ext === 'json' ? ' for a shard' : ''}, got "${out}"`);
  return out;
}

/** `merge FILE… --out FILE`: the shards of one run joined into what the unsharded command writes. */
function merge(argv: string[]): void {
  const files = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--out');
  const { flags } = parseArgs(['merge', ...argv.filter((a) => !files.includes(a))], COMMANDS);
  const out = flags.get('out');
  const { command, head, results } = readShards(files);
  const text = command === 'altmin-phase' ? mergedAltminPhase(results) : csvText(head ?? '', results);
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
}

function flushNotes(notes: string[]): void {
  for (const n of notes.splice(0)) process.stderr.write(`note: ${n}\n`);
}

/** Boolean flags of `lesson check` (the other commands' flags all take a value). */
const SWITCHES = ['--json', '--strict'];

/**
 * `lesson check FILE`: one line per step with its value, threshold and margin (`--json`: one JSON document); exit 1
 * when a step fails (or, with `--strict`, warns), 2 when the file is refused. `lesson init LINK --out FILE`: a starter
 * lesson on that link.
 */
async function lesson(argv: string[]): Promise<number> {
  const [sub, target, ...rest] = argv;
  if (sub === 'init') {
    if (!target || target.startsWith('--')) throw new UsageError('expected: lesson init LINK [--out FILE]');
    const { flags } = parseArgs(['init', ...rest], { init: ['out'] });
    let text: string;
    try {
      text = starterLesson(target);
    } catch (e) {
      throw new UsageError(`lesson init: ${e instanceof Error ? e.message : String(e)}`);
    }
    const out = flags.get('out');
    if (out) writeFileSync(out, text);
    else process.stdout.write(text);
    return 0;
  }
  if (sub !== 'check' || !target || target.startsWith('--'))
    throw new UsageError('expected: lesson check FILE [--json] [--strict] | lesson init LINK [--out FILE]');
  const json = rest.includes('--json');
  const strict = rest.includes('--strict');
  const { flags } = parseArgs(['lesson', ...rest.filter((a) => !SWITCHES.includes(a))], COMMANDS);
  const backend = choiceFlag(flags, 'backend', ['cpu', 'wasm'] as const, 'wasm');
  const maxRounds = intFlag(flags, 'max-rounds', 20_000, 1, 1_000_000);
  const text = readText(target, 'lesson');
  await selectNodeBackend(backend);
  const failed = (o: StepOutcome) => !o.ok || (strict && o.warning !== null);
  const {
    lesson: l,
    error,
    outcomes,
  } = await checkLesson(text, maxRounds, (o) => {
    if (json) return;
    const tag = failed(o) ? 'FAIL' : o.warning ? 'warn' : 'ok  ';
    process.stdout.write(
      `${tag} ${o.line} (${o.seconds.toFixed(1)} s)${o.warning ? ` — warning: ${o.warning}` : ''}\n`,
    );
  });
  if (error) {
    process.stderr.write(`error: ${error}\n`);
    return 2;
  }
  const bad = outcomes.filter(failed).length;
  if (json)
    process.stdout.write(
      `${JSON.stringify({ lesson: l?.id ?? null, ok: bad === 0, strict, steps: outcomes.map((o) => ({ ...o, ok: !failed(o) })) }, null, 2)}\n`,
    );
  else process.stdout.write(`${l?.id}: ${outcomes.length - bad} of ${outcomes.length} steps pass\n`);
  return bad ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  const notes: string[] = [];
  try {
    if (argv[0] === 'lesson') return await lesson(argv.slice(1));
    if (argv[0] === 'merge') {
      merge(argv.slice(1));
      return 0;
    }
    const { command, flags } = parseArgs(argv, COMMANDS);
    if (command === 'train') await train(flags, notes);
    else if (command === 'sweep') await sweep(flags, notes);
    else if (command === 'altmin') {
      const out = csvOut(flags);
      const text = altminCsv(flags, notes);
      flushNotes(notes);
      writeCsv(out, text);
    } else if (command === 'altmin-phase') {
      const out = csvOut(flags);
      const text = altminPhaseCsv(flags, notes, (done, total) =>
        process.stderr.write(`\rtrial ${done} / ${total}${done === total ? '\n' : ''}`),
      );
      flushNotes(notes);
      writeCsv(out, text);
    } else if (command === 'regimes') {
      const text = regimesJson(flags, notes);
      flushNotes(notes);
      process.stdout.write(text);
    } else if (command === 'phase') {
      const out = csvOut(flags);
      await selectNodeBackend(choiceFlag(flags, 'backend', NODE_BACKENDS, 'wasm'));
      const text = await phaseCsv(flags, notes, (done, total) =>
        process.stderr.write(`\rrow ${done} / ${total} of n${done === total ? '\n' : ''}`),
      );
      flushNotes(notes);
      writeCsv(out, text);
    } else if (command === 'validate') {
      const out = csvOut(flags);
      await selectNodeBackend(choiceFlag(flags, 'backend', NODE_BACKENDS, 'wasm'));
      const text = await validateCsv(flags, notes, (done, total) =>
        process.stderr.write(`\rsetting ${done} / ${total}${done === total ? '\n' : ''}`),
      );
      flushNotes(notes);
      writeCsv(out, text);
    } else theory(flags, notes);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
