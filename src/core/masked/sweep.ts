/**
 * Sweeps as the app and the CLI share them: the kinds of the paper's Figure 2 (converged error over p × ξ at
 * fixed τ, against width m, against τ), the floor against the input noise ν (THEORY.md J.1) and the plateau against τ
 * on full and on split data (J.2); the cells each kind trains over a base config, the rule that decides the converged
 * error, and the results as CSV (one row per cell: grid values, converged, settled, radius, rounds).
 */
import { fitLine, type LineFit } from '../math/fit';
import { type Config, type ConfigKey, parseOver } from './config';
import type { ConvergeRule } from './converge';
import { type Cell, type Grid, gridCells } from './grid';
import { masksInputs } from './inputNoise';
import { splitsData } from './split';

export interface CellResult {
  /** Mean err over the trailing window (NaN when the run diverged). */
  converged: number;
  /** Whether the last two windows agree within the tolerance. */
  settled: boolean;
  /** R_lazy at this cell (NaN where the prediction is withheld: input masks, split data). */
  radius: number;
  rounds: number;
  /** Rounds the cell's predicted mean curve takes to reach its neighbourhood (THEORY.md H.1), where it was asked. */
  needs?: number;
  /** Whether the cell trained past them: false for a cell still falling at the cap. */
  reached?: boolean;
}

/** How a sweep's cells train: all the same rounds (the CLI), or each to its own predicted plateau under a cap. */
export type SweepPlan = { mode: 'fixed'; rounds: number } | { mode: 'plateau'; cap: number };

/** The fewest rounds a cell trains to its plateau (two windows of its converged error need a few dozen rounds). */
const MIN_CELL_ROUNDS = 200;

/**
 * The rounds a cell trains to reach its plateau: its predicted settle time (H.1) with the converged error's last two
 * windows (a fifth of the rounds) after it — at least MIN_CELL_ROUNDS, at most the cap, where it is still falling.
 */
export function cellRounds(settle: number, cap: number): { rounds: number; reached: boolean } {
  const rounds = Math.max(MIN_CELL_ROUNDS, Math.ceil(settle * 1.25));
  return rounds <= cap ? { rounds, reached: true } : { rounds: cap, reached: false };
}

export const SWEEP_KINDS = {
  'p-xi': {
    label: 'p × ξ heatmap (fixed τ)',
    keys: ['p', 'xi'],
    values: ['1,2,3,4,5,6,7,8,9,10', '0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1'],
  },
  m: { label: 'against width m', keys: ['m'], values: ['64,128,256,512,1024,2048'] },
  tau: { label: 'against local steps τ', keys: ['tau'], values: ['1,2,4,8,16'] },
  nu: { label: 'against input noise ν', keys: ['nu'], values: ['0.05,0.1,0.2,0.4,0.8'] },
  'split-tau': { label: 'against τ, full and split data', keys: ['split', 'tau'], values: ['0,1', '1,2,4,8'] },
} as const satisfies Record<string, { label: string; keys: ConfigKey[]; values: string[] }>;
export type SweepKind = keyof typeof SWEEP_KINDS;

/** The most cells one sweep may hold. */
export const MAX_CELLS = 400;

/**
 * The config every cell starts from: the p × ξ and τ sweeps train the custom scheme (Bernoulli masks and the
 * given τ for p × ξ, the current masks for τ) so that no preset fixes the swept keys; the ν sweep turns the Gaussian
 * input masks on; the width sweep keeps the scheme.
 */
export function sweepBase(kind: SweepKind, current: Config, tau: number = current.tau): Config {
  if (kind === 'p-xi') return parseOver(current, { scheme: 'custom', mask: 'bernoulli', tau: String(tau) }).config;
  if (kind === 'tau' || kind === 'split-tau') return parseOver(current, { scheme: 'custom' }).config;
  if (kind === 'nu') return parseOver(current, { inputmask: 'gauss' }).config;
  return current;
}

/** The trailing window the converged error averages over: a tenth of the rounds. */
export function sweepRule(rounds: number, tol = 0.05): ConvergeRule {
  return { window: Math.max(1, Math.floor(rounds / 10)), tol };
}

export type CellsResult = { ok: true; cells: Cell[] } | { ok: false; error: string };

/** The cells of a sweep from value lists written "1,2,4" (one list per key of the kind); τ fixes p × ξ's τ. */
export function sweepCells(kind: SweepKind, current: Config, lists: string[], tau: number = current.tau): CellsResult {
  const { keys } = SWEEP_KINDS[kind];
  const grid: Grid = { keys: [...keys], values: [] };
  for (const [i, key] of keys.entries()) {
    const values = lists[i]
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    const bad = values.find((v) => !Number.isFinite(Number(v)));
    if (!values.length) return { ok: false, error: `Give at least one value of ${key}.` };
    if (bad !== undefined)
      return { ok: false, error: `"${bad.slice(0, 20)}" in the values of ${key} is not a number.` };
    grid.values.push(values);
  }
  const total = grid.values.reduce((n, v) => n * v.length, 1);
  if (total > MAX_CELLS) return { ok: false, error: `${total} cells is more than ${MAX_CELLS}; use fewer values.` };
  return { ok: true, cells: gridCells(sweepBase(kind, current, tau), grid) };
}

/** The CSV of a sweep: a header, then one row per cell with a result, in grid order. */
export function sweepCsv(keys: readonly string[], rows: { at: Record<string, string>; result: CellResult }[]): string {
  const lines = [[...keys, 'converged', 'settled', 'radius', 'rounds'].join(',')];
  for (const { at, result: r } of rows)
    lines.push(
      [...keys.map((k) => at[k]), String(r.converged), String(r.settled), String(r.radius), String(r.rounds)].join(','),
    );
  return lines.join('\n') + '\n';
}

/**
 * How the converged error scales with a swept value: the least-squares slope of log(converged) against log(value) over
 * the cells where both are positive, with its 95 % interval (the floor against ν: slope 2 if it grows like the masks'
 * variance, 1 like their standard deviation, THEORY.md J.1).
 */
export function logSlope(points: readonly { value: number; converged: number }[]): LineFit | null {
  const ok = points.filter((p) => p.value > 0 && p.converged > 0 && Number.isFinite(p.converged));
  return fitLine(ok.map((p) => [Math.log(p.value), Math.log(p.converged)]));
}

/** The most floats one batch's widest tensor ([n, cells·p·m]) may hold. */
const BATCH_FLOATS = 2 ** 22;

/** Keys that may differ between the cells of one batch (engine/sweepBatch.ts); every other key must agree. */
const PER_CELL: readonly ConfigKey[] = ['scheme', 'xi', 'tau', 'eta', 'mask'];

/**
 * The sweep's cells in batches that train as one program: cells that agree on every key but ξ, τ, η and the masks
 * (so on the data, the initialization, m and p), split where a batch would pass BATCH_FLOATS. A cell whose second
 * layer trains, whose inputs are masked or whose data are split is a batch of its own: it trains alone, through the
 * live run's trainer (engine/sweepCell.ts), which has those rounds. Returns the cells' indices (in grid order within a batch), the costliest batch
 * first (work ∝ cells·p·m·τ), so that a pool of workers taking them in turn ends close together.
 */
export function sweepBatches(configs: readonly Config[]): number[][] {
  const open = new Map<string, number[]>();
  const out: number[][] = [];
  configs.forEach((c, i) => {
    if (c.layers === 'both' || masksInputs(c) || splitsData(c)) return out.push([i]);
    const key = JSON.stringify(Object.entries(c).filter(([k]) => !PER_CELL.includes(k as ConfigKey)));
    let batch = open.get(key);
    if (!batch || (batch.length + 1) * c.n * c.p * c.m > BATCH_FLOATS) {
      batch = [];
      open.set(key, batch);
      out.push(batch);
    }
    batch.push(i);
  });
  const cost = (batch: number[]) => batch.reduce((w, i) => w + configs[i].p * configs[i].m * configs[i].tau, 0);
  return out.sort((a, b) => cost(b) - cost(a));
}
