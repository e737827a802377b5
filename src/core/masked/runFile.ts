/**
 * A run as one JSON file: its configuration (as a link's query string), its data and its initial weights.
 * The app exports and imports it; the CLI trains from it (`--run`). Loading it back gives the same run.
 */
import { toRows } from '../math/matrix';
import { type Config, parseConfig, serializeConfig } from './config';
import { type Dataset, fromRows } from './datasets';
import { type Weights, weightsFromJson } from './init';

export const RUN_FORMAT = 'subnet-lab-run';

export interface RunFile {
  format: typeof RUN_FORMAT;
  version: 1;
  config: string;
  data: { X: number[][]; y: number[] };
  init: { W: number[][]; a: number[] };
}

export function toRunFile(config: Config, data: Dataset, init: Weights): RunFile {
  return {
    format: RUN_FORMAT,
    version: 1,
    config: serializeConfig(config),
    data: { X: toRows(data.X), y: Array.from(data.y) },
    init: { W: toRows(init.W), a: Array.from(init.a) },
  };
}

export type LoadedRun =
  { ok: true; config: Config; data: Dataset; init: Weights; messages: string[] } | { ok: false; error: string };

export function parseRunFile(text: string): LoadedRun {
  let obj: Partial<RunFile>;
  try {
    obj = JSON.parse(text) as Partial<RunFile>;
  } catch {
    return { ok: false, error: 'The run file is not valid JSON.' };
  }
  if (!obj || obj.format !== RUN_FORMAT || typeof obj.config !== 'string' || !obj.data || !obj.init)
    return {
      ok: false,
      error: `This is not a Subnet Lab run file (expected "format": "${RUN_FORMAT}" with config, data and init).`,
    };
  const { config, messages } = parseConfig(obj.config);
  const data = fromRows(obj.data.X as number[][], obj.data.y as number[]);
  if (!data.ok) return { ok: false, error: `The run's data: ${data.error}` };
  const init = weightsFromJson(obj.init, data.data.X.cols);
  if (!init.ok) return { ok: false, error: `The run's initial weights: ${init.error}` };
  const fixed: Config = { ...config, n: data.data.X.rows, d: data.data.X.cols, m: init.weights.W.rows };
  return { ok: true, config: fixed, data: data.data, init: init.weights, messages };
}
