/** The app's sweep state (zustand): the kind, its value lists and rounds, the cells with their results, progress. */
import { create } from 'zustand';

import type { Cell } from '../core/masked/grid';
import { type CellResult, SWEEP_KINDS, type SweepKind } from '../core/masked/sweep';

export type SweepStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface SweepCell extends Cell {
  result: CellResult | null;
  /** Why the cell failed: its worker stopped twice while it ran. */
  failed?: string;
}

export interface SweepState {
  kind: SweepKind;
  /** One comma-separated list of values per key of the kind. */
  lists: string[];
  rounds: number;
  /** The fixed τ of the p × ξ sweep. */
  tau: number;
  status: SweepStatus;
  /** Why the sweep could not start or stopped, in words. */
  message: string | null;
  /** What the config table changed in the cells (clamped values, preset rules), in words. */
  notes: string[];
  /** The kind and keys the cells were made for (the form may have changed since). */
  ranKind: SweepKind;
  cells: SweepCell[];
  done: number;
  /** Milliseconds since the sweep started, updated as cells finish. */
  elapsedMs: number;
  showRadius: boolean;
}

export const DEFAULT_SWEEP_ROUNDS = 3000;

export const useSweep = create<SweepState>(() => ({
  kind: 'p-xi',
  lists: [...SWEEP_KINDS['p-xi'].values],
  rounds: DEFAULT_SWEEP_ROUNDS,
  tau: 1,
  status: 'idle',
  message: null,
  notes: [],
  ranKind: 'p-xi',
  cells: [],
  done: 0,
  elapsedMs: 0,
  showRadius: true,
}));
