/**
 * The app's state (zustand): the configuration (and any compared runs), the run's status, and the metric
 * histories. A history is an append-only set of column arrays mutated in place, with a version counter that
 * plots subscribe to, so thousands of rounds never pass through React state.
 */
import { create } from 'zustand';

import { type Config, defaultConfig } from '../core/masked/config';
import { emptyHistory, type History } from '../core/masked/metrics';
import type { ModeRow } from '../core/masked/modes';
import type { Scales } from '../core/masked/theory';
import type { LogHistogram } from '../core/math/histogram';
import type { BackendInfo, BackendName, RunSample, TheoryBasis } from '../engine/protocol';

export type Status = 'starting' | 'ready' | 'running' | 'paused' | 'recovering' | 'diverged' | 'refused' | 'error';

export interface Marker {
  round: number;
  label: string;
  /** The settings that changed there. */
  keys: string[];
}

export interface RunState {
  config: Config;
  /** What the link asked for that was changed, in words. */
  linkMessages: string[];
  forcedBackend: BackendName | null;
  backend: BackendInfo | null;
  status: Status;
  /** Why the run stopped or was refused, in words. */
  notice: string | null;
  roundsPerSec: number;
  /** Play was pressed while the engine was starting: it plays once the run is ready. */
  playPending: boolean;
  /** New shapes are compiling on the device (first round after a restart or a change of p or mask). */
  compiling: boolean;
  basis: TheoryBasis | null;
  /** λ_0 and λ_max of the started run (all the step size needs); there before the basis at large n. */
  scales: Scales | null;
  /** The basis is being computed off the training path (n > 256). */
  basisPending: boolean;
  /** Compared runs besides the main one: full configs sharing the main run's problem (empty: no comparison). */
  compare: Config[];
  /** The main run's metrics. */
  history: History;
  /** Each compared run's metrics, in lockstep with `history`. */
  compareHistories: History[];
  /** Counts the runs started (a restart, a new configuration): a lesson step's goal reads the run its step set up. */
  runId: number;
  version: number;
  markers: Marker[];
  masks: Float32Array | null;
  maskRows: number;
  /** Histogram of the main run's neuron moves at its latest NTK round. */
  moves: LogHistogram | null;
  /** The main run's (v_i·e_k)² in the followed directions, round by round (THEORY.md I.3). */
  modeHistory: ModeRow[];
  /** What each run computes, as last measured (THEORY.md I.1); empty until the first sample. */
  samples: RunSample[];
}

export const useRun = create<RunState>(() => ({
  config: defaultConfig(),
  linkMessages: [],
  forcedBackend: null,
  backend: null,
  status: 'starting',
  notice: null,
  roundsPerSec: 0,
  playPending: false,
  compiling: false,
  basis: null,
  scales: null,
  basisPending: false,
  compare: [],
  history: emptyHistory(),
  compareHistories: [],
  runId: 0,
  version: 0,
  markers: [],
  masks: null,
  maskRows: 0,
  moves: null,
  modeHistory: [],
  samples: [],
}));
