/**
 * The typed protocol between the page and the engine's Web Worker (carried by Comlink). Types only: the page
 * imports these without pulling tfjs into the main thread.
 */
import type { AltMinConfig, AltMinStart } from '../core/altmin/config';
import type { TrialResult, TrialSpec } from '../core/altmin/phase';
import type { Method } from '../core/altmin/run';
import type { AltMinTraces } from '../core/altmin/traces';
import type { BackendName } from '../core/link';
import type { TheoryBasis } from '../core/masked/basis';
import type { Config } from '../core/masked/config';
import type { Dataset } from '../core/masked/datasets';
import type { FunctionSample, PointsSample } from '../core/masked/functionView';
import type { Weights } from '../core/masked/init';
import type { DeviceLimits } from '../core/masked/limits';
import type { MetricRow } from '../core/masked/metrics';
import type { ModeRow } from '../core/masked/modes';
import type { NoiseSample } from '../core/masked/noiseView';
import type { RunFile } from '../core/masked/runFile';
import type { CellResult, SweepPlan } from '../core/masked/sweep';
import type { Scales } from '../core/masked/theory';
import type { LogHistogram } from '../core/math/histogram';
import type { PhaseRun, Widths } from '../core/regimes/regimes';
import type { StepOutcome } from './lessonCheck';
export type { ConditionReport, StepOutcome } from './lessonCheck';
import type { TrainerSnapshot } from './trainer';

export { type BackendName, BACKENDS } from '../core/link';

/** What a Web Worker of the app does (engine/entry.ts: the Worker's name picks it). */
export type WorkerRole = 'engine' | 'sweep' | 'regimes' | 'theory' | 'altmin' | 'lessoncheck';

export interface BackendInfo {
  name: BackendName;
  /** GPU adapter description, or the CPU path used. */
  adapter: string;
  /** Why this backend: what was tried and skipped, in words. */
  note: string;
  limits: DeviceLimits;
}

export type { TheoryBasis } from '../core/masked/basis';

/** Data and initial weights supplied by the user instead of generated from the seed. */
export interface Given {
  data?: Dataset;
  init?: Weights;
}

export interface LiveUpdate {
  xi: number;
  p: number;
  tau: number;
  eta: number;
  mask: Config['mask'];
  aggregate: Config['aggregate'];
  inputmask: Config['inputmask'];
  nu: number;
  split: number;
}

export interface Chunk {
  /** Each run's new rows (the main run first, then the compared runs), all up to the same round. */
  runs: MetricRow[][];
  /** The main run's (v_i·e_k)² in its followed directions (THEORY.md I.3), one row per new round; empty without them. */
  modes: ModeRow[];
  /** The main run's latest masks (p·m) for the neuron strip. */
  masks: Float32Array | null;
  /** Histogram of the main run's neuron moves ‖w_r − w_r(0)‖ at its latest NTK round. */
  moves: LogHistogram | null;
  p: number;
  /** Set when the backend failed and the runs went on on another one from the last checkpoint (`resumedFrom`). */
  switched?: BackendInfo;
  resumedFrom?: number;
}

/**
 * A started run: the backend, λ_0 and λ_max (what the step size needs), and the theory basis — or null above
 * EXACT_EIGEN_MAX_N samples, where the page computes it off the training path (TheoryApi).
 */
export interface Started {
  backend: BackendInfo;
  scales: Scales;
  basis: TheoryBasis | null;
}

/** The theory worker (float64, no tfjs): the full spectrum of a large problem, while the engine already trains. */
export interface TheoryApi extends Guarded {
  basis(config: Config, given?: Given): TheoryBasis;
}

/**
 * What one run computes now: around the circle (d = 2 data, else null) and at its training points; for the main run
 * under Gaussian input masks, the input-noise panel's numbers (THEORY.md J.1; null otherwise).
 */
export interface RunSample {
  round: number;
  circle: FunctionSample | null;
  points: PointsSample;
  noise: NoiseSample | null;
}

/** Every run's state at one round: what a new worker needs to go on exactly from there (types only: no tfjs). */
export interface Checkpoint {
  runs: TrainerSnapshot[];
}

/** What every worker answers so that the page knows it is alive (engine/lifeline.ts). */
export interface Guarded {
  /** Answers at once when the worker's event loop is free. */
  ping(): boolean;
  /** Holds the Web Lock `name` until the worker ends; true once it is held (false where Web Locks are missing). */
  lifeline(name: string): Promise<boolean>;
}

export interface EngineApi extends Guarded {
  /** Every run's state now, between rounds. */
  checkpoint(): Promise<Checkpoint>;
  /** start(), then every run restored from the checkpoint: the rounds after it are those that would have followed. */
  resume(configs: Config[], given: Given | undefined, checkpoint: Checkpoint): Promise<Started>;
  /** Each run's function now, `points` angles around the circle (0: the training points only). */
  sample(points: number): Promise<RunSample[]>;
  /** The requested backend if it works (else the next that does); without one, a provisional choice that start() measures. */
  init(requested: BackendName | null): Promise<BackendInfo>;
  /**
   * Builds data and initialization from the first config (or uses the given data and weights) and one trainer
   * per config on them — the main run, then up to three compared runs that share its problem (the NTKs are
   * measured for the main run only). Unless a backend was requested, a configuration of a new shape class is first
   * timed on every candidate backend and the fastest taken. The round-0 rows come with the next chunk.
   */
  start(configs: Config[], given?: Given): Promise<Started>;
  /** The main run's config, data and initial weights. */
  exportRun(): Promise<RunFile>;
  /** Runs all runs in lockstep for about `ms` milliseconds (at most `maxRounds` rounds) and returns their metrics. */
  runFor(ms: number, maxRounds: number): Promise<Chunk>;
  /** Changes one run's ξ, p, τ, η, mask, aggregation, input masks or split; returns the first round that uses them. */
  update(run: number, settings: LiveUpdate): Promise<number>;
  tensorCount(): Promise<number>;
}

/**
 * The sweep worker's protocol: a backend, then one batch of cells at a time, trained as one program
 * (core/masked/sweep.ts sweepBatches); the page cancels by ending the worker.
 */
export interface SweepApi extends Guarded {
  init(requested: BackendName | null): Promise<BackendInfo>;
  cells(configs: Config[], plan: SweepPlan, given?: Given): Promise<CellResult[]>;
}

/** The AltMin worker (float64, no tfjs): both methods from one start, or one trial of the phase transition. */
export interface AltMinApi extends Guarded {
  traces(config: AltMinConfig): AltMinTraces;
  trial(config: AltMinConfig, spec: TrialSpec, starts: AltMinStart[], methods: Method[]): TrialResult;
}

/** One regime curve point: λ_0 of the data at n and each regime's width there (THEORY.md E). */
export interface RegimePoint {
  n: number;
  lambda0: number;
  widths: Widths;
}

/** The regimes view's worker: the curves (float64) and one row of the phase diagram per call (tfjs). */
export interface RegimesApi extends Guarded {
  init(requested: BackendName | null): Promise<BackendInfo>;
  curves(config: Config, ns: number[], given?: Dataset): RegimePoint[];
  row(config: Config, n: number, ms: number[], seeds: number, rounds: number, given?: Dataset): Promise<PhaseRun[][]>;
}

/**
 * The lesson editor's check (engine/lessonCheck.ts, exactly as `lesson check` runs it), on a backend of its own beside
 * the live run's: one step of a lesson file's text per call, so that the page shows each step's outcome as it comes
 * and cancels by ending the worker.
 */
export interface LessonCheckApi extends Guarded {
  init(requested: BackendName | null): Promise<BackendInfo>;
  /** Checks step `index` (from 0) of the lesson file's text, training at most `maxRounds` rounds; rejects with the refusal of a file the format refuses. */
  step(text: string, index: number, maxRounds: number): Promise<StepOutcome>;
}
