/**
 * The typed protocol between the page and the engine's Web Worker (carried by Comlink). Types only: the page
 * imports these without pulling tfjs into the main thread.
 */
import type { Config } from '../core/config';
import type { Dataset } from '../core/datasets';
import type { Weights } from '../core/init';
import type { DeviceLimits } from '../core/limits';
import type { MetricRow } from '../core/metrics';
import type { RunFile } from '../core/runFile';
import type { Spectrum } from '../core/theory';

export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

export interface BackendInfo {
  name: BackendName;
  /** GPU adapter description, or the CPU path used. */
  adapter: string;
  /** Why this backend: what was tried and skipped, in words. */
  note: string;
  limits: DeviceLimits;
}

/** What the page needs to compute every prediction itself (no n×n eigenvectors cross the boundary). */
export interface TheoryBasis {
  spectrum: Spectrum;
  /** (v_i·e_0)² for the run's own initialization. */
  c0: Float64Array;
  yNorm2: number;
}

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
}

export interface Chunk {
  rows: MetricRow[];
  /** The latest round's masks (p·m) for the neuron strip. */
  masks: Float32Array | null;
  p: number;
  /** Set when the backend failed and the run restarted from round 0 on another one. */
  switched?: BackendInfo;
}

export interface EngineApi {
  /** Chooses the backend: the requested one if it works, else WebGPU (a real adapter), WebGL, WASM, CPU. */
  init(requested: BackendName | null): Promise<BackendInfo>;
  /**
   * Builds data, initialization and trainer for a config (or uses the given data and weights); the round-0 row
   * comes with the next chunk.
   */
  start(config: Config, given?: Given): Promise<TheoryBasis>;
  /** The current run's config, data and initial weights. */
  exportRun(): Promise<RunFile>;
  /** Runs rounds for about `ms` milliseconds (at most `maxRounds`) and returns their metrics. */
  runFor(ms: number, maxRounds: number): Promise<Chunk>;
  /** Changes ξ, p, τ, η, mask or aggregation; returns the first round that uses them. */
  update(settings: LiveUpdate): Promise<number>;
  tensorCount(): Promise<number>;
}
