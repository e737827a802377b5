/**
 * The recovery phase transition (ISIT 2019 Fig. 1a, THEORY.md F): for each sample size n and trial, a fresh
 * teacher and data, each start and method run from the same data, and a trial counts as recovered when
 * ‖W^T − W*‖ < 0.01 (relative, as the paper). One trial is the unit of work (the worker and the CLI share it).
 */
import type { Mat } from '../math/matrix';
import { Rng, streamSeed } from '../math/rng';
import type { AltMinConfig, AltMinStart } from './config';
import { gdStepAuto, type Method, runAltMin, runGd } from './run';
import { makeStart, makeTeacher, startStream, type Teacher } from './teacher';

/** "Recovery is said to be successful if ‖W^T − W*‖_F/‖W* + I‖_F < 0.01" (ISIT Sec. IV). */
export const RECOVERY_TOL = 0.01;

export interface TrialSpec {
  n: number;
  trial: number;
}

export interface TrialResult extends TrialSpec {
  /** One entry per (start, method): the final distance. */
  runs: { start: AltMinStart; method: Method; dist: number }[];
}

export interface PhaseRow {
  n: number;
  method: Method;
  start: AltMinStart;
  recovered: number;
  trials: number;
}

/** Every trial of the phase transition, n slowest. */
export function phaseTrials(ns: readonly number[], trials: number): TrialSpec[] {
  return ns.flatMap((n) => Array.from({ length: trials }, (_, trial) => ({ n, trial })));
}

/** The seed of one trial: its data, teacher and starts are its own and do not depend on the other trials. */
export function trialSeed(seed: number, spec: TrialSpec): number {
  return streamSeed(seed, `altmin-trial ${spec.n} ${spec.trial}`);
}

export function runTrial(
  c: AltMinConfig,
  spec: TrialSpec,
  starts: readonly AltMinStart[],
  methods: readonly Method[],
): TrialResult {
  const seed = trialSeed(c.seed, spec);
  const teacher = makeTeacher({ ...c, n: spec.n }, seed);
  const runs: TrialResult['runs'] = [];
  for (const start of starts) {
    const W0 = makeStart({ ...c, start }, teacher, startStream(seed));
    for (const method of methods) {
      const tr =
        method === 'altmin'
          ? runAltMin(teacher, W0, c.iters)
          : runGd(teacher, W0, c.gdIters, gdStep(c, teacher, W0, seed));
      runs.push({ start, method, dist: tr.dist[tr.dist.length - 1] });
    }
  }
  return { ...spec, runs };
}

/** GD's step for a run: the config's η, or the paper's step at the start. */
export function gdStep(c: Pick<AltMinConfig, 'eta'>, teacher: Teacher, W0: Mat, seed: number): number {
  return c.eta === 'auto' ? gdStepAuto(teacher, W0, Rng.stream(seed, 'altmin-lanczos')) : c.eta;
}

/** Counts per (n, method, start) over the finished trials, in the order n, method, start. */
export function phaseRows(results: readonly TrialResult[]): PhaseRow[] {
  const rows = new Map<string, PhaseRow>();
  for (const r of results)
    for (const run of r.runs) {
      const key = `${r.n}|${run.method}|${run.start}`;
      const row = rows.get(key) ?? { n: r.n, method: run.method, start: run.start, recovered: 0, trials: 0 };
      row.trials++;
      if (run.dist < RECOVERY_TOL) row.recovered++;
      rows.set(key, row);
    }
  return [...rows.values()].sort(
    (a, b) => a.n - b.n || a.method.localeCompare(b.method) || a.start.localeCompare(b.start),
  );
}

export function phaseCsv(rows: readonly PhaseRow[]): string {
  return (
    [
      'n,method,start,recovered,trials',
      ...rows.map((r) => `${r.n},${r.method},${r.start},${r.recovered},${r.trials}`),
    ].join('\n') + '\n'
  );
}
