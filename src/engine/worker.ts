/**
 * The engine's Web Worker: owns tfjs, the backend and the trainers (the main run and any compared runs, stepped
 * in lockstep and read back together), and answers the protocol of ./protocol.ts. A backend that fails mid-run
 * is replaced by the next one and the runs restart there from round 0.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as Comlink from 'comlink';

import { theoryBasis } from '../core/masked/basis';
import type { Config } from '../core/masked/config';
import { functionSample, pointsSample } from '../core/masked/functionView';
import { masksInputs } from '../core/masked/inputNoise';
import { followedModes } from '../core/masked/modes';
import { noiseSample } from '../core/masked/noiseView';
import { type FullProblem, type Problem, startProblem, withSettings } from '../core/masked/problem';
import { toRunFile } from '../core/masked/runFile';
import { predictionApplies } from '../core/masked/summary';
import type { Eigenbasis, Scales } from '../core/masked/theory';
import { automaticCandidates, chooseBackend, measureBackends } from './backends';
import { guarded } from './lifeline';
import { MIN_GAP, NtkPace } from './ntkPace';
import type {
  BackendInfo,
  BackendName,
  Checkpoint,
  Chunk,
  EngineApi,
  Given,
  LiveUpdate,
  RunSample,
  TheoryBasis,
} from './protocol';
import { flushTogether, Trainer } from './trainer';

/** Most rounds queued on the device between two read-backs. */
const MAX_BATCH = 16;

let backend: BackendInfo | null = null;
/** The backend the link forces, or null: the automatic choice by measurement. */
let forced: BackendName | null = null;
/** The automatic choice per shape class, measured once. */
const measured = new Map<string, BackendName>();
let trainers: Trainer[] = [];
let configs: Config[] = [];
let given: Given = {};
let live: (LiveUpdate | null)[] = [];
/** Rounds per read-back, adapted to the backend's speed by runFor. */
let batch = 1;
const failed: BackendName[] = [];

/** The main run's mode directions (THEORY.md I.3), where the spectrum is there at the start. */
function modeDirections(problem: Problem): Float64Array | undefined {
  const sp = problem.spectrum as Eigenbasis | null;
  if (!sp) return undefined;
  return Float64Array.from(followedModes(sp.n).flatMap((i) => Array.from(sp.vectors[i])));
}

function build(problem: Problem, cs: Config[]): { trainers: Trainer[]; basis: TheoryBasis | null; scales: Scales } {
  // Only the main run's NTK and modes are plotted; compared runs skip the eigen-solves.
  return {
    trainers: cs.map((c, i) =>
      i === 0
        ? new Trainer(problem, { ntkEvery: MIN_GAP, modes: modeDirections(problem) })
        : new Trainer(withSettings(problem, c), { ntkEvery: 0 }),
    ),
    basis: problem.spectrum ? theoryBasis(problem as FullProblem) : null,
    scales: problem.scales,
  };
}

function disposeAll(): void {
  for (const t of trainers) t.dispose();
  trainers = [];
}

/** The main run's NTK cadence, from measured times; when the last call ended, and the measurements seen so far. */
let pace = new NtkPace();
let lastEnd: number | null = null;
let ntkSeen = 0;

function resetPace(): void {
  pace = new NtkPace();
  lastEnd = null;
  ntkSeen = 0;
}

/** Counts a call's rounds and time toward the NTK cadence, and sets the next gap after each measurement. */
function paceNtk(t0: number, rounds: number): void {
  const main = trainers[0];
  const now = performance.now();
  if (lastEnd !== null) pace.idle(t0 - lastEnd);
  lastEnd = now;
  if (!main) return;
  if (main.ntkCount === ntkSeen) {
    pace.ran(rounds, now - t0);
    return;
  }
  ntkSeen = main.ntkCount;
  main.ntkEvery = pace.measured(rounds, now - t0);
}

/**
 * A backend that fails mid-run (a lost GPU device, a failed submission) is replaced by the next one, and the runs go on
 * there from the last checkpoint (round 0 if there is none).
 */
async function recover(error: unknown): Promise<BackendInfo> {
  if (!backend || !configs.length) throw error;
  failed.push(backend.name);
  const reason = error instanceof Error ? error.message : String(error);
  trainers = [];
  backend = await chooseBackend(null, failed);
  const from = lastCheckpoint?.runs[0].round ?? 0;
  backend = {
    ...backend,
    note: `${failed[failed.length - 1]} failed (${reason}); continued on ${backend.name} from round ${from}. ${backend.note}`,
  };
  trainers = build(startProblem(configs[0], given.data, given.init), configs).trainers;
  resetPace();
  live.forEach((s, i) => s && trainers[i].update(s));
  if (lastCheckpoint) trainers.forEach((t, i) => t.restore((lastCheckpoint as Checkpoint).runs[i]));
  return backend;
}

/** The last checkpoint handed to the page, kept here too: a lost device resumes from it without the page. */
let lastCheckpoint: Checkpoint | null = null;
/** Set when the WebGPU device is lost: the next round fails over to another backend. */
let deviceLost: string | null = null;
/** Rejects when the device is lost, so that a read-back the lost device will never answer does not wait forever. */
let lostSignal: Promise<never> = new Promise(() => {});

/** Listens for the loss of the WebGPU device (a driver reset, a GPU process crash, a switch of GPUs). */
function watchDevice(): void {
  if (tf.getBackend() !== 'webgpu') return;
  const device = (tf.backend() as unknown as { device?: GPUDevice }).device;
  if (!device) return;
  lostSignal = device.lost.then((info) => {
    deviceLost = `the WebGPU device was lost (${info.message || info.reason || 'no reason given'})`;
    throw new Error(deviceLost);
  });
  lostSignal.catch(() => undefined);
}

/** Reads every run's metrics back, or fails at once when the device is lost meanwhile. */
function flushAll() {
  return Promise.race([flushTogether(trainers), lostSignal]);
}

// A test-only hook: destroys the WebGPU device, as a driver reset would (e2e/faults.spec.ts calls it in the worker).
(self as unknown as { subnetLabLoseDevice: () => void }).subnetLabLoseDevice = () =>
  (tf.backend() as unknown as { device?: GPUDevice }).device?.destroy();

/** Sizes within a factor of two, and the same scheme shape, train at about the same rate on a backend. */
function shapeClass(c: Config): string {
  const b = (v: number) => Math.round(Math.log2(v));
  return [b(c.n), b(c.d), b(c.m), c.p, c.tau, c.mask, c.act, c.layers].join('|');
}

/** The fastest backend for this problem's shape class: measured on its first start, then remembered. */
async function automaticBackend(problem: Problem): Promise<BackendInfo> {
  const key = shapeClass(problem.config);
  const known = measured.get(key);
  if (known)
    return backend?.name === known ? backend : { ...(await chooseBackend(known, failed)), note: backend?.note ?? '' };
  const { names, skipped } = await automaticCandidates();
  const rates = await measureBackends(
    names.filter((n) => !failed.includes(n)),
    () => {
      const t = new Trainer(problem, { ntkEvery: 0 });
      return {
        round: async () => {
          t.step();
          await t.flush();
        },
        dispose: () => t.dispose(),
      };
    },
  );
  const best = rates.find((r) => r.rate > 0);
  if (!best)
    throw new Error(`no backend could train this configuration (${rates.map((r) => r.name).join(', ')} failed)`);
  measured.set(key, best.name);
  const info = await chooseBackend(best.name, failed);
  const c = problem.config;
  const list = rates.map((r) => `${r.name} ${r.rate >= 10 ? r.rate.toFixed(0) : r.rate.toPrecision(2)}`).join(', ');
  return {
    ...info,
    note: `Measured on this configuration (n = ${c.n}, d = ${c.d}, m = ${c.m}, p = ${c.p}, τ = ${c.tau}), rounds/s: ${list}; chose the fastest.${skipped.length ? ` Skipped: ${skipped.join('; ')}.` : ''}`,
  };
}

/**
 * What each run computes now (THEORY.md I.1): around the circle (d = 2) and at the training points; under Gaussian input
 * masks, the main run's input-noise numbers (J.1).
 */
async function sample(points: number): Promise<RunSample[]> {
  return Promise.all(
    trainers.map(async (t, i) => {
      const problem = t.problem as FullProblem;
      const now = await t.weights();
      const s = { ...problem.scheme, ...t.live, categorical: t.live.mask === 'categorical' };
      const lazy = predictionApplies({ ...problem.config, ...t.live }) && problem.spectrum !== null;
      return {
        round: t.round,
        circle:
          problem.data.X.cols === 2 && points > 0
            ? functionSample(problem, now, t.lastMasks, s, t.round, points, lazy)
            : null,
        points: pointsSample(problem, now, t.lastMasks, s.xi),
        noise: i === 0 && masksInputs(t.live) ? noiseSample(problem, now, t.live.nu, t.round, points) : null,
      };
    }),
  );
}

const api: EngineApi = {
  ...guarded,
  sample,

  async init(requested) {
    forced = requested;
    backend = await chooseBackend(requested, failed);
    return backend;
  },

  async start(cs, g = {}) {
    disposeAll();
    configs = cs;
    given = g;
    live = cs.map(() => null);
    batch = 1;
    lastCheckpoint = null;
    const problem = startProblem(cs[0], g.data, g.init);
    if (!forced) backend = await automaticBackend(problem);
    const built = build(problem, cs);
    trainers = built.trainers;
    resetPace();
    watchDevice();
    return { basis: built.basis, scales: built.scales, backend: backend as BackendInfo };
  },

  async resume(cs, g = {}, checkpoint) {
    const started = await api.start(cs, g);
    trainers.forEach((t, i) => t.restore(checkpoint.runs[i]));
    live = checkpoint.runs.map((r) => ({ ...r.settings }));
    lastCheckpoint = checkpoint;
    return started;
  },

  async checkpoint() {
    if (!trainers.length) throw new Error('start() first');
    // Nothing waits to be read back between two calls: runFor reads everything it ran.
    lastCheckpoint = { runs: await Promise.race([Promise.all(trainers.map((t) => t.snapshot())), lostSignal]) };
    return lastCheckpoint;
  },

  async runFor(ms, maxRounds) {
    if (!trainers.length) throw new Error('start() first');
    const t0 = performance.now();
    const runs: Chunk['runs'] = trainers.map(() => []);
    const take = (rows: Chunk['runs']) => rows.forEach((r, i) => runs[i].push(...r));
    let switched: BackendInfo | undefined;
    let done = 0;
    try {
      if (deviceLost) throw new Error(deviceLost);
      take(await flushAll());
      // Batches grow from one round while they stay well inside the budget, so a slow backend still
      // answers within about one round and a fast one reads back rarely.
      while (done < maxRounds && performance.now() - t0 < ms) {
        const k = Math.min(batch, maxRounds - done);
        const tb = performance.now();
        // Run by run within a batch (each run's shapes stay hot; bench/compare.ts), all at the same round at each read-back.
        for (const t of trainers) for (let i = 0; i < k; i++) t.step();
        take(await flushAll());
        done += k;
        const took = performance.now() - tb;
        if (took < ms / 4) batch = Math.min(2 * batch, MAX_BATCH);
        else if (took > ms) batch = Math.max(1, batch >> 1);
      }
    } catch (e) {
      deviceLost = null;
      lostSignal = new Promise(() => {});
      switched = await recover(e);
      runs.forEach((r) => (r.length = 0));
      take(await flushTogether(trainers));
    }
    paceNtk(t0, switched ? 0 : done);
    const main = trainers[0];
    return {
      runs,
      modes: main.takeModes(),
      masks: main.lastMasks ? main.lastMasks.slice() : null,
      moves: main.lastMoves,
      p: main.live.p,
      switched,
      resumedFrom: switched ? (lastCheckpoint?.runs[0].round ?? 0) : undefined,
    };
  },

  async update(run, s) {
    live[run] = s;
    trainers[run]?.update(s);
    return (trainers[0]?.round ?? 0) + 1;
  },

  async exportRun() {
    if (!trainers.length) throw new Error('start() first');
    const { config: c, data, init } = trainers[0].problem;
    return toRunFile(c, data, init);
  },

  async tensorCount() {
    return tf.memory().numTensors;
  },
};

Comlink.expose(api);
