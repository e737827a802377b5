/**
 * Comparisons: up to four runs on the same data, initialization and seed, each with its own scheme settings.
 * The first run is the main configuration; the others are written in a link as
 * `compare=ist:p=4,msdropout:p=4:xi=0.5` — a scheme, then `:key=value` for each setting that differs from the
 * main run (settings not written are taken from it). Parsing never throws and says in words what it changed.
 */
import { type Config, type ConfigKey, parseOver, PRESETS, type Scheme, showRaw } from './config';

/** The most runs one comparison holds, the main run included. */
export const MAX_RUNS = 4;

/**
 * Settings each compared run has of its own — its scheme, and what its workers see: the input masks and the split of the
 * data; everything else (the problem: m, n, d, κ, data, seed) is shared.
 */
export const RUN_KEYS = [
  'scheme',
  'xi',
  'p',
  'tau',
  'eta',
  'mask',
  'aggregate',
  'inputmask',
  'nu',
  'split',
] as const satisfies readonly ConfigKey[];
type RunKey = (typeof RUN_KEYS)[number];

export interface CompareResult {
  /** The compared runs besides the main one (at most MAX_RUNS − 1). */
  runs: Config[];
  messages: string[];
}

/** A compared run's full config: its own settings over the main run's problem. */
export function withProblem(main: Config, run: Config): Config {
  const out = { ...main };
  for (const k of RUN_KEYS) (out as Record<ConfigKey, unknown>)[k] = run[k];
  return out;
}

export function parseCompare(raw: string, main: Config): CompareResult {
  const messages: string[] = [];
  const parts = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length > MAX_RUNS - 1) {
    messages.push(
      `compare lists ${parts.length} runs; a comparison holds at most ${MAX_RUNS} runs in all, so only the first ${MAX_RUNS - 1} are kept.`,
    );
  }
  const runs: Config[] = [];
  for (const [i, part] of parts.slice(0, MAX_RUNS - 1).entries()) {
    const [scheme, ...pairs] = part.split(':');
    const where = `compared run ${i + 2}`;
    const record: Record<string, unknown> = { scheme };
    for (const pair of pairs) {
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      if (eq < 0 || !(RUN_KEYS as readonly string[]).includes(key) || key === 'scheme') {
        messages.push(
          `${where}: "${showRaw(pair)}" is not one of ${RUN_KEYS.slice(1).join(', ')} = value; ignored (the problem settings are shared with the main run).`,
        );
        continue;
      }
      record[key] = pair.slice(eq + 1);
    }
    const parsed = parseOver(main, record);
    messages.push(...parsed.messages.map((m) => `${where}: ${m}`));
    runs.push(parsed.config);
  }
  return { runs, messages };
}

/** The compared runs as a link value (empty when there are none); parseCompare reads it back to the same runs. */
export function serializeCompare(runs: Config[], main: Config): string {
  return runs
    .map((run) =>
      [
        run.scheme,
        ...RUN_KEYS.filter((k) => written(run, k) && run[k] !== main[k]).map((k) => `${k}=${String(run[k])}`),
      ].join(':'),
    )
    .join(',');
}

/** Whether a setting needs writing at all: not the scheme itself, not fixed by it, not ξ = 1/p of categorical masks. */
function written(run: Config, k: RunKey): boolean {
  return k !== 'scheme' && !(k in PRESETS[run.scheme].fixed) && !(k === 'xi' && run.mask === 'categorical');
}

/** A short name for a run in legends: its scheme and the settings that define it, its input masks and split data. */
export function runLabel(c: Config): string {
  const fixed = PRESETS[c.scheme].fixed;
  const shown: RunKey[] = (['xi', 'p', 'tau'] as const).filter(
    (k) => !(k in fixed) && !(k === 'xi' && c.mask === 'categorical'),
  );
  const names: Record<string, string> = { xi: 'ξ', p: 'p', tau: 'τ' };
  return [
    PRESETS[c.scheme].label,
    ...shown.map((k) => `${names[k]}=${+Number(c[k]).toPrecision(3)}`),
    ...(c.inputmask === 'gauss' ? [`input ν=${+c.nu.toPrecision(3)}`] : []),
    ...(c.split === 1 ? ['split data'] : []),
  ].join(' ');
}

export interface ComparePreset {
  label: string;
  /** The main run's settings. */
  main: Partial<Config> & { scheme: Scheme };
  /** The compared runs' settings, each over the main run. */
  runs: (Partial<Config> & { scheme: Scheme })[];
}

export const COMPARE_PRESETS: ComparePreset[] = [
  { label: 'Dropout vs IST', main: { scheme: 'dropout', xi: 0.5 }, runs: [{ scheme: 'ist', p: 2, tau: 1 }] },
  {
    label: 'All four schemes',
    main: { scheme: 'gd' },
    runs: [
      { scheme: 'dropout', xi: 0.5 },
      { scheme: 'msdropout', xi: 0.5, p: 4 },
      { scheme: 'ist', p: 4, tau: 1 },
    ],
  },
  {
    label: 'IST: full vs split data',
    main: { scheme: 'ist', p: 4, tau: 4, split: 0 },
    runs: [{ scheme: 'ist', p: 4, tau: 4, split: 1 }],
  },
];

/** The main config and compared runs a preset opens, over the current problem. */
export function applyComparePreset(current: Config, preset: ComparePreset): { main: Config; runs: Config[] } {
  const main = parseOver(current, stringify(preset.main)).config;
  return { main, runs: preset.runs.map((r) => parseOver(main, stringify(r)).config) };
}

function stringify(o: Partial<Config>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, String(v)]));
}
