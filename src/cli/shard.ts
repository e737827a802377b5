/**
 * Grids that fan out: `--shard i/N` runs only the units of shard i (units numbered 0, 1, … in the command's own
 * order — sweep and validate: grid cells; phase: rows of n; altmin-phase: trials — and unit k belongs to shard
 * k mod N + 1), and writes a shard file: the command, its arguments, a digest of every file they name, and each of
 * its units' results. `merge` checks that the shards are of one run, each given once and none missing, and writes
 * exactly what the unsharded command writes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { UsageError } from './args';
import { readText } from './inputs';

export const SHARD_FORMAT = 'subnet-lab-shard/1';

/** Shard i of N, i from 1. */
export interface Shard {
  index: number;
  of: number;
}

const MAX_SHARDS = 100_000;
/** More units than any grid the commands accept. */
const MAX_UNITS = 10_000_000;

/** --shard "i/N", or null when absent. */
export function shardFlag(flags: Map<string, string>): Shard | null {
  const raw = flags.get('shard');
  if (raw === undefined) return null;
  const m = /^(\d{1,6})\/(\d{1,6})$/.exec(raw);
  const index = m ? Number(m[1]) : NaN;
  const of = m ? Number(m[2]) : NaN;
  if (!m || of < 1 || of > MAX_SHARDS || index < 1 || index > of)
    throw new UsageError(`--shard must be i/N with N from 1 to ${MAX_SHARDS} and i from 1 to N, got "${raw}"`);
  return { index, of };
}

/** Whether unit k is this shard's (every unit, unsharded). */
export function owns(shard: Shard | null, unit: number): boolean {
  return !shard || unit % shard.of === shard.index - 1;
}

/** How many of `units` units are this shard's. */
export function ownedCount(shard: Shard | null, units: number): number {
  return shard ? Math.ceil(Math.max(0, units - shard.index + 1) / shard.of) : units;
}

/** The file the shard writes. */
export interface ShardFile {
  format: typeof SHARD_FORMAT;
  command: string;
  /** Every flag but --shard and --out, as given. */
  args: Record<string, string>;
  /** sha256 of each file the flags name (--config, --data, --init), by flag. */
  files: Record<string, string>;
  shard: number;
  of: number;
  units: number;
  /** What comes before the units' results in the merged output (a CSV header), or null. */
  head: string | null;
  /** Unit number → its result. */
  results: Record<string, unknown>;
}

const FILE_FLAGS = ['config', 'data', 'init'];

/** The shard file of a command's own units. Non-finite numbers are kept (as strings JSON can hold). */
export function shardText(
  command: string,
  flags: Map<string, string>,
  shard: Shard,
  units: number,
  head: string | null,
  results: Map<number, unknown>,
): string {
  const args = Object.fromEntries([...flags].filter(([k]) => k !== 'shard' && k !== 'out').sort());
  const files: Record<string, string> = {};
  for (const k of FILE_FLAGS) {
    const file = flags.get(k);
    if (file === undefined) continue;
    try {
      files[k] = createHash('sha256').update(readFileSync(file)).digest('hex');
    } catch {
      // A link given as --config names no file.
    }
  }
  const body: ShardFile = {
    format: SHARD_FORMAT,
    command,
    args,
    files,
    shard: shard.index,
    of: shard.of,
    units,
    head,
    results: Object.fromEntries(results),
  };
  return JSON.stringify(body, (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? `${v}` : v)) + '\n';
}

/** Reads the numbers shardText kept as strings back. */
export function numberOf(v: unknown): number {
  return typeof v === 'string' ? Number(v) : (v as number);
}

function readShard(name: string): ShardFile {
  let v: unknown;
  try {
    v = JSON.parse(readText(name, 'shard'));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${name} is not a shard file (not JSON)`);
  }
  const f = v as ShardFile;
  const isRecord = (x: unknown) => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (!isRecord(v) || f.format !== SHARD_FORMAT)
    throw new UsageError(`${name} is not a shard file (its format is not ${SHARD_FORMAT})`);
  const ok =
    typeof f.command === 'string' &&
    isRecord(f.args) &&
    isRecord(f.files) &&
    Number.isInteger(f.shard) &&
    Number.isInteger(f.of) &&
    Number.isInteger(f.units) &&
    f.of >= 1 &&
    f.of <= MAX_SHARDS &&
    f.units >= 0 &&
    f.units <= MAX_UNITS &&
    (f.head === null || typeof f.head === 'string') &&
    isRecord(f.results);
  if (!ok) throw new UsageError(`${name} is a damaged shard file (a field is missing or of the wrong type)`);
  return f;
}

/** How two shards' runs differ, in words, or null when they are of one run. */
function difference(a: ShardFile, b: ShardFile): string | null {
  if (a.command !== b.command) return `one is of ${a.command}, the other of ${b.command}`;
  for (const k of new Set([...Object.keys(a.args), ...Object.keys(b.args)]))
    if (a.args[k] !== b.args[k])
      return `--${k} differs ("${a.args[k] ?? '(none)'}" against "${b.args[k] ?? '(none)'}")`;
  for (const k of FILE_FLAGS) if (a.files[k] !== b.files[k]) return `the file given as --${k} differs in content`;
  if (a.of !== b.of) return `one is of ${a.of} shards, the other of ${b.of}`;
  if (a.units !== b.units || a.head !== b.head) return 'their grids differ';
  return null;
}

/** The shards, checked to be one whole run: every shard once, each holding exactly its own units. */
export function readShards(names: readonly string[]): { command: string; head: string | null; results: unknown[] } {
  if (!names.length) throw new UsageError('merge needs the shard files: merge FILE… --out FILE');
  const shards = names.map(readShard);
  const first = shards[0];
  const seen = new Map<number, string>();
  shards.forEach((s, i) => {
    const diff = difference(first, s);
    if (diff) throw new UsageError(`${names[i]} is not a shard of the same run as ${names[0]}: ${diff}`);
    if (s.shard < 1 || s.shard > s.of) throw new UsageError(`${names[i]} says it is shard ${s.shard} of ${s.of}`);
    const twice = seen.get(s.shard);
    if (twice !== undefined) throw new UsageError(`shard ${s.shard}/${s.of} is given twice: ${twice} and ${names[i]}`);
    seen.set(s.shard, names[i]);
    for (let k = s.shard - 1; k < s.units; k += s.of)
      if (!(String(k) in s.results)) throw new UsageError(`${names[i]} lacks the result of its unit ${k}`);
    if (Object.keys(s.results).length !== ownedCount({ index: s.shard, of: s.of }, s.units))
      throw new UsageError(`${names[i]} holds results of units that are not its own`);
  });
  const missing = Array.from({ length: first.of }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length)
    throw new UsageError(
      `missing shard${missing.length > 1 ? 's' : ''} ${missing
        .slice(0, 10)
        .map((i) => `${i}/${first.of}`)
        .join(', ')}${missing.length > 10 ? ` and ${missing.length - 10} more` : ''}`,
    );
  const ordered = shards.slice().sort((a, b) => a.shard - b.shard);
  return {
    command: first.command,
    head: first.head,
    results: Array.from({ length: first.units }, (_, k) => ordered[k % first.of].results[String(k)]),
  };
}

/** A CSV from its header and each unit's lines, in unit order. */
export function csvText(head: string, results: readonly unknown[]): string {
  return [head, ...results.flatMap((r) => r as string[])].join('\n') + '\n';
}

/** A CSV's header and its rows. */
export function splitCsv(text: string): { head: string; lines: string[] } {
  const [head, ...lines] = text.replace(/\n$/, '').split('\n');
  return { head, lines };
}

/**
 * What a CSV command writes: unsharded, the CSV of every unit; sharded, the shard file of its own units. `empty` is
 * the command's CSV of no rows (its header); `results` holds each unit's CSV, keyed by unit number.
 */
export function csvOrShard(
  command: string,
  flags: Map<string, string>,
  shard: Shard | null,
  units: number,
  empty: string,
  results: Map<number, string>,
): string {
  const { head } = splitCsv(empty);
  const lines = new Map([...results].map(([k, csv]) => [k, splitCsv(csv).lines]));
  if (shard) return shardText(command, flags, shard, units, head, lines);
  return csvText(
    head,
    [...lines.keys()].sort((a, b) => a - b).map((k) => lines.get(k)),
  );
}
