/** Reads the CLI's inputs (config, data, initial weights) into a Problem; every failure is a UsageError. */
import { existsSync, readFileSync } from 'node:fs';

import { type Config, parseConfig } from '../core/masked/config';
import { type Dataset, parseUserData } from '../core/masked/datasets';
import { type Weights, weightsFromJson } from '../core/masked/init';
import { type FullProblem, makeData, makeProblem } from '../core/masked/problem';
import { parseRunFile } from '../core/masked/runFile';
import { UsageError } from './args';

export function readText(file: string, what: string): string {
  if (!existsSync(file)) throw new UsageError(`${what} file not found: ${file}`);
  return readFileSync(file, 'utf8');
}

/** A JSON file, or a link / query string (anything containing "="). */
export function readConfig(spec: string | undefined, notes: string[]): Config {
  if (spec === undefined) return parseConfig({}).config;
  let input: Record<string, unknown> | string;
  if (!spec.includes('=') || existsSync(spec)) {
    try {
      input = JSON.parse(readText(spec, 'config')) as Record<string, unknown>;
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(`config file ${spec} is not valid JSON`);
    }
  } else {
    input = spec;
  }
  const { config, messages } = parseConfig(input);
  notes.push(...messages);
  return config;
}

/** The configuration with the data and initial weights that `--data` and `--init` give (n, d and m then follow them). */
export function readInputs(
  flags: Map<string, string>,
  notes: string[],
): { config: Config; data?: Dataset; init?: Weights } {
  const config = readConfig(flags.get('config'), notes);
  let data: Dataset | undefined;
  const dataFile = flags.get('data');
  if (dataFile) {
    const res = parseUserData(readText(dataFile, 'data'));
    if (!res.ok) throw new UsageError(`data ${dataFile}: ${res.error}`);
    notes.push(...res.notes);
    if (res.data.X.rows !== config.n || res.data.X.cols !== config.d)
      notes.push(`n and d are taken from the data: n = ${res.data.X.rows}, d = ${res.data.X.cols}.`);
    data = res.data;
  }
  let init: Weights | undefined;
  const initFile = flags.get('init');
  if (initFile) {
    let obj: unknown;
    try {
      obj = JSON.parse(readText(initFile, 'init'));
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(`init file ${initFile} is not valid JSON`);
    }
    const d = data ? data.X.cols : config.d;
    const res = weightsFromJson(obj, d);
    if (!res.ok) throw new UsageError(`init ${initFile}: ${res.error}`);
    if (res.weights.W.rows !== config.m) notes.push(`m is taken from the init weights: m = ${res.weights.W.rows}.`);
    init = res.weights;
  }
  return {
    config: { ...config, ...(data ? { n: data.X.rows, d: data.X.cols } : {}), ...(init ? { m: init.W.rows } : {}) },
    data,
    init,
  };
}

export function readProblem(flags: Map<string, string>, notes: string[]): FullProblem {
  const runFile = flags.get('run');
  if (runFile) {
    if (['config', 'data', 'init'].some((f) => flags.has(f)))
      throw new UsageError('--run holds config, data and init: give it alone');
    const run = parseRunFile(readText(runFile, 'run'));
    if (!run.ok) throw new UsageError(`run ${runFile}: ${run.error}`);
    notes.push(...run.messages);
    return makeProblem(run.config, run.data, run.init);
  }
  const { config, data, init } = readInputs(flags, notes);
  return makeProblem(config, data ?? makeData(config), init);
}
