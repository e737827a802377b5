/**
 * Typed settings tables, as every configuration of the app uses them (the training run, AltMin, the regimes view):
 * one entry per key with its kind, default, range and meaning. Parsing takes a JSON object, a link's query string
 * or URLSearchParams, never throws, ignores unknown keys, and clamps or defaults bad values with one message in
 * words per key; serializing writes the keys in table order.
 */

export interface NumSpec {
  kind: 'int' | 'number';
  min: number;
  max: number;
}
export interface EnumSpec {
  kind: 'enum';
  options: readonly string[];
}
/** A number or a word ("auto" unless `word` names another). */
export interface AutoSpec {
  kind: 'eta';
  min: number;
  max: number;
  word?: string;
  /** Whole numbers only. */
  whole?: boolean;
}
/** A comma-separated list of whole numbers, each in [min, max], at most `maxLength` of them. */
export interface ListSpec {
  kind: 'list';
  min: number;
  max: number;
  maxLength: number;
}

export type KeySpec = (NumSpec | EnumSpec | AutoSpec | ListSpec) & {
  /** Short name shown next to the control. */
  label: string;
  /** What the key means, in plain words (tooltips, README, CLI help). */
  help: string;
};

export type Table<C> = { [K in keyof C]: KeySpec & { default: C[K] } };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const MAX_SHOWN = 24;

/** A raw value as it may be shown in a message: short, printable, never markup (the UI renders it as text). */
export function showRaw(raw: unknown): string {
  const s = typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? String(raw));
  // Control characters are exactly what this replaces.
  // eslint-disable-next-line no-control-regex
  const printable = s.replace(/[\u0000-\u001f\u007f]/g, '?');
  return printable.length > MAX_SHOWN ? `${printable.slice(0, MAX_SHOWN)}…` : printable;
}

function toNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw === 'string' && NUMBER.test(raw.trim())) {
    const v = Number(raw.trim());
    return Number.isFinite(v) ? v : null;
  }
  return null;
}

export function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : String(+v.toPrecision(6));
}

function clampNumber(
  spec: NumSpec | AutoSpec | ListSpec,
  label: string,
  name: string,
  v: number,
  whole: boolean,
  messages: string[],
): number {
  let out = v;
  if (whole && !Number.isInteger(out)) {
    out = Math.round(out);
    messages.push(`${name} is not a whole number; rounded to ${fmt(out)}.`);
  }
  if (out < spec.min || out > spec.max) {
    const clamped = Math.min(spec.max, Math.max(spec.min, out));
    const side =
      out < spec.min ? `below the smallest ${label}, ${fmt(spec.min)}` : `above the largest ${label}, ${fmt(spec.max)}`;
    messages.push(`${name} is ${side}; clamped to ${fmt(clamped)}.`);
    out = clamped;
  }
  return out;
}

function parseList(
  spec: ListSpec & { label: string },
  key: string,
  raw: unknown,
  dflt: unknown,
  messages: string[],
): unknown {
  const text = typeof raw === 'string' ? raw : Array.isArray(raw) ? raw.join(',') : String(raw);
  const parts = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const values = parts.map(toNumber);
  if (!parts.length || values.some((v) => v === null)) {
    messages.push(`${key} = "${showRaw(raw)}" is not a list of numbers like 8,16,32; using ${String(dflt)}.`);
    return dflt;
  }
  const out: number[] = [];
  for (const v of values) {
    const c = clampNumber(spec, spec.label, `${key} value ${fmt(v as number)}`, v as number, true, messages);
    if (!out.includes(c)) out.push(c);
  }
  out.sort((a, b) => a - b);
  if (out.length > spec.maxLength) {
    messages.push(
      `${key} lists ${out.length} values; the most is ${spec.maxLength}, so only the first ${spec.maxLength} are kept.`,
    );
    out.length = spec.maxLength;
  }
  return out.join(',');
}

/** One key's value from its raw text or JSON value (the default, with a message, when it cannot be read). */
export function parseValue(
  spec: KeySpec & { default: unknown },
  key: string,
  raw: unknown,
  messages: string[],
): unknown {
  const dflt = spec.default;
  const name = `${key} = "${showRaw(raw)}"`;
  if (spec.kind === 'enum') {
    const s = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
    if (spec.options.includes(s)) return s;
    messages.push(`${name} is not one of ${spec.options.join(', ')}; using ${String(dflt)}.`);
    return dflt;
  }
  if (spec.kind === 'list') return parseList(spec, key, raw, dflt, messages);
  const word = spec.kind === 'eta' ? (spec.word ?? 'auto') : null;
  if (word !== null && typeof raw === 'string' && raw.trim().toLowerCase() === word) return word;
  const v = toNumber(raw);
  if (v === null) {
    const what = spec.kind === 'int' ? 'a whole number' : word !== null ? `a number or "${word}"` : 'a number';
    messages.push(`${name} is not ${what}; using the default ${String(dflt)}.`);
    return dflt;
  }
  const whole = spec.kind === 'int' || (spec.kind === 'eta' && spec.whole === true);
  return clampNumber(spec, spec.label, name, v, whole, messages);
}

export function defaultsOf<C>(table: Table<C>): C {
  const out = {} as Record<keyof C, unknown>;
  for (const k of Object.keys(table) as (keyof C)[]) out[k] = table[k].default;
  return out as C;
}

/** Parses the keys of `raw` that the table knows over `base`; returns the result and the keys that were given. */
export function parseKeys<C>(
  table: Table<C>,
  base: C,
  raw: Record<string, unknown>,
  messages: string[],
): { config: C; given: Set<keyof C> } {
  const config = { ...base };
  const given = new Set<keyof C>();
  for (const key of Object.keys(table) as (keyof C & string)[]) {
    if (!(key in raw) || raw[key] === undefined) continue;
    given.add(key);
    (config as Record<keyof C, unknown>)[key] = parseValue(table[key], key, raw[key], messages);
  }
  return { config, given };
}

/** A JSON object, a link or query string, or URLSearchParams as a plain record (first value of a repeated key). */
export function toRecord(
  input: Record<string, unknown> | URLSearchParams | string | null | undefined,
  messages: string[],
): Record<string, unknown> {
  if (input === null || input === undefined) return {};
  if (typeof input === 'string') {
    const q = input.includes('?') ? input.slice(input.indexOf('?') + 1) : input;
    return toRecord(safeParams(q.split('#')[0], messages), messages);
  }
  if (input instanceof URLSearchParams) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of input) if (!(k in out)) out[k] = v;
    return out;
  }
  if (typeof input !== 'object' || Array.isArray(input)) {
    messages.push('The configuration is not a set of key = value pairs; using the defaults.');
    return {};
  }
  return input;
}

function safeParams(q: string, messages: string[]): URLSearchParams {
  try {
    return new URLSearchParams(q);
  } catch {
    messages.push('The link could not be read; using the defaults.');
    return new URLSearchParams();
  }
}

/** The settings as a query string (no leading "?"), keys in table order. */
export function serializeTable<C>(table: Table<C>, config: C): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(table) as (keyof C & string)[]) params.set(key, String(config[key]));
  return params.toString();
}
