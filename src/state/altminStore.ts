/** The AltMin view's state (zustand): its settings, the two traces from one start, and the phase transition's trials. */
import { create } from 'zustand';

import { type AltMinConfig, defaultAltMin } from '../core/altmin/config';
import type { TrialResult } from '../core/altmin/phase';
import type { AltMinTraces } from '../core/altmin/traces';

export type JobStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface AltMinState {
  config: AltMinConfig;
  /** What the link or a control asked for that was changed, in words. */
  messages: string[];
  traceStatus: JobStatus;
  /** Why the traces could not run, in words. */
  traceMessage: string | null;
  traces: AltMinTraces | null;
  /** Seconds the last traces took in the worker. */
  traceSeconds: number;
  phaseStatus: JobStatus;
  phaseMessage: string | null;
  /** The settings the phase transition ran with (the form may have changed since). */
  phaseConfig: AltMinConfig | null;
  results: TrialResult[];
  /** Jobs lost with their worker twice, in words (the rest ran). */
  failures: string[];
  total: number;
  elapsedMs: number;
}

export const useAltMin = create<AltMinState>(() => ({
  config: defaultAltMin(),
  messages: [],
  traceStatus: 'idle',
  traceMessage: null,
  traces: null,
  traceSeconds: 0,
  phaseStatus: 'idle',
  phaseMessage: null,
  phaseConfig: null,
  results: [],
  failures: [],
  total: 0,
  elapsedMs: 0,
}));
