/**
 * The AltMin commands: `altmin` writes one row per iteration (iter, dist, loss; iter 0 = the start) for AltMin or GD
 * from a planted teacher, generated from the config or read from files; `altmin-phase` writes the recovery phase
 * transition (n, method, start, recovered, trials); `--shard i/N` runs only shard i's trials (./shard.ts).
 */
import { existsSync, readFileSync } from 'node:fs';

import {
  type AltMinConfig,
  type AltMinStart,
  altminTooLarge,
  paperStarts,
  parseAltMin,
  phaseNs,
} from '../core/altmin/config';
import { dataFromJson, type FileResult, startFromJson, teacherFromJson } from '../core/altmin/files';
import { gdStep, phaseCsv, phaseRows, phaseTrials, runTrial, type TrialResult } from '../core/altmin/phase';
import { fitRate, type Method, METHODS, runAltMin, runGd } from '../core/altmin/run';
import {
  makeInputs,
  makeStart,
  makeTeacher,
  makeTeacherWeights,
  startStream,
  type Teacher,
  withLabels,
} from '../core/altmin/teacher';
import { Rng } from '../core/math/rng';
import { choiceFlag, intFlag, UsageError } from './args';
import { numberOf, ownedCount, owns, shardFlag, shardText } from './shard';

function readJson<T>(file: string, what: string, parse: (obj: unknown) => FileResult<T>): T {
  if (!existsSync(file)) throw new UsageError(`${what} file not found: ${file}`);
  let obj: unknown;
  try {
    obj = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new UsageError(`${what} file ${file} is not valid JSON`);
  }
  const r = parse(obj);
  if (!r.ok) throw new UsageError(`${what} ${file}: ${r.error}`);
  return r.value;
}

export function readAltMinConfig(spec: string | undefined, notes: string[]): AltMinConfig {
  if (spec === undefined) return parseAltMin({}).config;
  let input: Record<string, unknown> | string = spec;
  if (!spec.includes('=') || existsSync(spec))
    input = readJson(spec, 'config', (o) => ({ ok: true, value: o as Record<string, unknown> }));
  const { config, messages } = parseAltMin(input);
  notes.push(...messages);
  return config;
}

/** The teacher and start from the config, each replaced by its file where one is given (shapes checked). */
function readProblem(
  flags: Map<string, string>,
  c: AltMinConfig,
  notes: string[],
): { teacher: Teacher; W0: ReturnType<typeof makeStart>; config: AltMinConfig } {
  const dataFile = flags.get('data');
  const teacherFile = flags.get('teacher');
  const data = dataFile ? readJson(dataFile, 'data', dataFromJson) : null;
  const d = data ? data.X.cols : c.d;
  const given = teacherFile ? readJson(teacherFile, 'teacher', (o) => teacherFromJson(o, d)) : null;
  const k = given ? given.W.rows : c.model === 'skip' ? d : c.k;
  if (c.model === 'skip' && k !== d)
    throw new UsageError(`the skip model needs k = d, but the teacher has k = ${k} rows of d = ${d}`);
  const config = { ...c, n: data ? data.X.rows : c.n, d, k };
  if (data && (data.X.rows !== c.n || d !== c.d))
    notes.push(`n and d are taken from the data: n = ${config.n}, d = ${d}.`);
  if (given && k !== c.k && c.model === 'general') notes.push(`k is taken from the teacher: k = ${k}.`);
  const tooLarge = altminTooLarge(config);
  if (tooLarge) throw new UsageError(tooLarge);
  const weights = given
    ? { Wstar: given.W, v: given.v }
    : makeTeacherWeights(config, Rng.stream(config.seed, 'altmin-teacher'));
  let teacher: Teacher;
  if (data) {
    teacher = { X: data.X, y: data.y, Wstar: weights.Wstar, v: weights.v, skip: config.model === 'skip' };
    if (!given)
      notes.push(
        'dist is measured against the generated teacher W* (from the seed); give --teacher for the one behind your data.',
      );
  } else {
    teacher = given
      ? withLabels(
          makeInputs(config, Rng.stream(config.seed, 'altmin-data')),
          weights.Wstar,
          weights.v,
          config.model === 'skip',
        )
      : makeTeacher(config);
  }
  const initFile = flags.get('init');
  const W0 = initFile
    ? readJson(initFile, 'init', (o) => startFromJson(o, k, d))
    : makeStart(config, teacher, startStream(config.seed));
  return { teacher, W0, config };
}

export function altminCsv(flags: Map<string, string>, notes: string[]): string {
  const method = choiceFlag(flags, 'method', METHODS, 'altmin');
  const c = readAltMinConfig(flags.get('config'), notes);
  const { teacher, W0, config } = readProblem(flags, c, notes);
  const iters = intFlag(flags, 'iters', method === 'altmin' ? config.iters : config.gdIters, 1, 1_000_000);
  const tr =
    method === 'altmin'
      ? runAltMin(teacher, W0, iters)
      : runGd(teacher, W0, iters, gdStep(config, teacher, W0, config.seed));
  if (tr.eta !== null)
    notes.push(`GD step η = ${tr.eta}${config.eta === 'auto' ? ' (2/(σ²_min + σ²_max) of B/√n at the start)' : ''}.`);
  const minNorm = tr.solves.filter((s) => s === 'min-norm').length;
  if (minNorm)
    notes.push(
      `${minNorm} of ${tr.solves.length} least-squares steps had no unique solution (n < dk or rank-deficient B): the minimum-norm solution was taken.`,
    );
  if (tr.stopped) notes.push(`stopped: ${tr.stopped}.`);
  const fit = fitRate(tr.dist);
  notes.push(
    fit
      ? `fitted rate ρ = ${fit.rho.toPrecision(4)} per iteration (iterations ${fit.from}–${fit.to}).`
      : 'too few iterations above the float64 floor to fit a rate.',
  );
  return ['iter,dist,loss', ...tr.dist.map((d, t) => `${t},${d},${tr.loss[t]}`)].join('\n') + '\n';
}

export function altminPhaseCsv(
  flags: Map<string, string>,
  notes: string[],
  progress: (done: number, total: number) => void,
): string {
  const c = readAltMinConfig(flags.get('config'), notes);
  const parsed = parseAltMin({ ns: flags.get('n') ?? c.ns, trials: flags.get('trials') ?? String(c.trials) });
  // The table's message ends with the value it would use instead; the command refuses the argument.
  if (parsed.messages.length)
    throw new UsageError(
      parsed.messages[0]
        .replace(/^ns = /, '--n ')
        .replace(/^trials = /, '--trials ')
        .replace(/; (using|clamped to|rounded to) .*$/, '.'),
    );
  const config = { ...c, ns: parsed.config.ns, trials: parsed.config.trials };
  const methodFlag = choiceFlag(flags, 'method', ['both', ...METHODS] as const, 'both');
  const methods: Method[] = methodFlag === 'both' ? [...METHODS] : [methodFlag];
  const starts = (flags.get('start')?.split(',') ?? paperStarts(config.model)) as AltMinStart[];
  for (const s of starts) {
    const check = parseAltMin({ model: config.model, start: s });
    if (check.messages.length || check.config.start !== s)
      throw new UsageError(`--start ${s}: ${check.messages[0] ?? `not a start of the ${config.model} model`}`);
  }
  const ns = phaseNs(config);
  for (const n of ns) {
    const tooLarge = altminTooLarge({ ...config, n });
    if (tooLarge) throw new UsageError(tooLarge);
  }
  const trials = phaseTrials(ns, config.trials);
  const shard = shardFlag(flags);
  const results = new Map<number, TrialResult>();
  for (const [k, spec] of trials.entries()) {
    if (!owns(shard, k)) continue;
    results.set(k, runTrial(config, spec, starts, methods));
    progress(results.size, ownedCount(shard, trials.length));
  }
  if (shard) return shardText('altmin-phase', flags, shard, trials.length, null, results);
  return phaseCsv(phaseRows([...results.values()]));
}

/** The merged phase transition from every shard's trials, in trial order. */
export function mergedAltminPhase(results: readonly unknown[]): string {
  const trials = results.map((r) => {
    const t = r as TrialResult;
    return { ...t, runs: t.runs.map((run) => ({ ...run, dist: numberOf(run.dist) })) };
  });
  return phaseCsv(phaseRows(trials));
}
