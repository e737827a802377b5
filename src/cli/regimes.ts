/**
 * The width-regime commands: `regimes` prints each regime's required width at the configuration's n (THEORY.md E) as
 * JSON; `phase` trains the measured phase diagram — full-batch GD on the configuration's network setting, every
 * width and seed of one n in one program — and writes one CSV row per (n, m); `--shard i/N` trains only shard i's
 * rows of n (./shard.ts).
 */
import { type Dataset, parseUserData } from '../core/masked/datasets';
import {
  dataAt,
  listOf,
  parsePhaseSettings,
  type PhaseCell,
  phaseCell,
  phaseCellsCsv,
  phaseConfig,
  phaseTooLarge,
  widthsAt,
} from '../core/regimes/regimes';
import { runPhaseRow } from '../engine/phaseRow';
import { intFlag, numberFlag, UsageError } from './args';
import { readConfig, readText } from './inputs';
import { csvOrShard, ownedCount, owns, shardFlag } from './shard';

function readData(flags: Map<string, string>, notes: string[]): Dataset | undefined {
  const file = flags.get('data');
  if (!file) return undefined;
  const res = parseUserData(readText(file, 'data'));
  if (!res.ok) throw new UsageError(`data ${file}: ${res.error}`);
  notes.push(...res.notes);
  return res.data;
}

export function regimesJson(flags: Map<string, string>, notes: string[]): string {
  const delta = numberFlag(flags, 'delta', 0.1, 1e-9, 1);
  const rounds = intFlag(flags, 'rounds', 1000, 1, 1e9);
  const config = readConfig(flags.get('config'), notes);
  const given = readData(flags, notes);
  const data = given ?? (dataAt(config, config.n) as Dataset);
  if (given && (given.X.rows !== config.n || given.X.cols !== config.d))
    notes.push(`n and d are taken from the data: n = ${given.X.rows}, d = ${given.X.cols}.`);
  const { lambda0, widths } = widthsAt(config, data, delta, rounds);
  if (!Number.isFinite(widths.du))
    notes.push(
      'λ_0 = λ_min(H^∞) is 0 (duplicate or parallel rows): Du’s width, this paper’s and m_req are infinite (printed as null).',
    );
  notes.push('Widths are orders with their constants set to 1 (THEORY.md E); mReq is a heuristic (C.5).');
  const finite = (v: number) => (Number.isFinite(v) ? v : null);
  const report = {
    n: data.X.rows,
    d: data.X.cols,
    lambda0,
    delta,
    rounds,
    ...Object.fromEntries(Object.entries(widths).map(([k, v]) => [k, finite(v)])),
  };
  return JSON.stringify(report, null, 2) + '\n';
}

export async function phaseCsv(
  flags: Map<string, string>,
  notes: string[],
  progress: (done: number, total: number) => void,
): Promise<string> {
  const base = readConfig(flags.get('config'), notes);
  const parsed = parsePhaseSettings({
    ns: flags.get('n'),
    ms: flags.get('m'),
    seeds: flags.get('seeds'),
    rounds: flags.get('rounds'),
    eps: flags.get('eps'),
  });
  // The table's message ends with the value it would use instead; the command refuses the argument.
  if (parsed.messages.length)
    throw new UsageError(
      parsed.messages[0]
        .replace(/^(ns|ms) = /, (_, k) => `--${k === 'ns' ? 'n' : 'm'} `)
        .replace(/^(\w+) = /, '--$1 ')
        .replace(/; (using|clamped to|rounded to) .*$/, '.'),
    );
  const { settings } = parsed;
  const config = phaseConfig(base, 'current');
  if (base.scheme !== 'gd')
    notes.push(`phase trains full-batch GD, the algorithm of the width theorems; scheme = ${base.scheme} is not used.`);
  const given = readData(flags, notes);
  const d = given ? given.X.cols : config.d;
  const ns = listOf(settings.ns);
  const ms = listOf(settings.ms);
  const refusal = phaseTooLarge(ns, ms, d, settings.seeds, settings.rounds);
  if (refusal) throw new UsageError(refusal);
  const shard = shardFlag(flags);
  const results = new Map<number, string>();
  for (const [i, n] of ns.entries()) {
    if (!owns(shard, i)) continue;
    const data = dataAt({ ...config, d }, n, given);
    if (!data) throw new UsageError(`--n ${n} is more than the ${given?.X.rows} rows of the data`);
    const rows = await runPhaseRow({ ...config, n, d }, data, ms, settings.seeds, settings.rounds);
    const cells: PhaseCell[] = rows.map((runs, j) => phaseCell(n, ms[j], d, runs, settings.eps, settings.rounds));
    results.set(i, phaseCellsCsv(cells));
    progress(results.size, ownedCount(shard, ns.length));
  }
  return csvOrShard('phase', flags, shard, ns.length, phaseCellsCsv([]), results);
}
