/** The regimes view's state (zustand): its settings, the regime curves, and the phase diagram's cells and progress. */
import { create } from 'zustand';

import { defaultPhaseSettings, type PhaseCell, type PhaseSettingsT } from '../core/regimes/regimes';
import type { RegimePoint } from '../engine/protocol';
import type { JobStatus } from './altminStore';

export interface RegimesState {
  settings: PhaseSettingsT;
  messages: string[];
  curvesStatus: JobStatus;
  curves: RegimePoint[];
  /** What the curves were computed for (d, data and seed of the training view), to recompute when it changes. */
  curvesKey: string;
  phaseStatus: JobStatus;
  phaseMessage: string | null;
  /** The settings and d the diagram ran with (the form may have changed since). */
  ran: { settings: PhaseSettingsT; d: number } | null;
  cells: PhaseCell[];
  /** Jobs lost with their worker twice, in words (the rest ran). */
  failures: string[];
  /** Work done and in all (operations estimated per row), for progress and time left. */
  workDone: number;
  workTotal: number;
  rowsDone: number;
  rowsTotal: number;
  elapsedMs: number;
}

export const useRegimes = create<RegimesState>(() => ({
  settings: defaultPhaseSettings(),
  messages: [],
  curvesStatus: 'idle',
  curves: [],
  curvesKey: '',
  phaseStatus: 'idle',
  phaseMessage: null,
  ran: null,
  cells: [],
  failures: [],
  workDone: 0,
  workTotal: 0,
  rowsDone: 0,
  rowsTotal: 0,
  elapsedMs: 0,
}));
