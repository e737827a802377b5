/**
 * The engine's Web Worker: owns tfjs, the backend and the trainer, and answers the protocol of ./protocol.ts.
 * A backend that fails mid-run is replaced by the next one and the run restarts there from round 0.
 */
import * as tf from '@tensorflow/tfjs';
import * as Comlink from 'comlink';
import type { Config } from '../core/config';
import { sumSquares } from '../core/matrix';
import { makeProblem } from '../core/problem';
import { outputs } from '../core/reference';
import { projections } from '../core/theory';
import { chooseBackend } from './backends';
import { toRunFile } from '../core/runFile';
import type { BackendInfo, BackendName, Chunk, EngineApi, Given, LiveUpdate, TheoryBasis } from './protocol';
import { Trainer } from './trainer';

/**
 * NTK cadence: every 10 rounds on small problems; rarer as the (p+1) float64 eigen-solves of n×n matrices
 * grow (∝ (p+1)·n³), so that they stay a small share of the training time.
 */
function ntkEvery(n: number, p: number): number {
  return Math.max(10, Math.round(((p + 1) * n ** 3) / NTK_WORK_PER_ROUND));
}
const NTK_WORK_PER_ROUND = 1e6;

/** Most rounds queued on the device between two read-backs. */
const MAX_BATCH = 16;

let backend: BackendInfo | null = null;
let trainer: Trainer | null = null;
let config: Config | null = null;
let given: Given = {};
let live: LiveUpdate | null = null;
/** Rounds per read-back, adapted to the backend's speed by runFor. */
let batch = 1;
const failed: BackendName[] = [];

function basisOf(c: Config, g: Given): { trainer: Trainer; basis: TheoryBasis } {
  const problem = makeProblem(c, g.data, g.init);
  const { data, init, spectrum } = problem;
  const e0 = outputs(data.X, init.W, init.a).map((u, i) => u - data.y[i]);
  const { vectors: _vectors, ...sp } = spectrum;
  return { trainer: new Trainer(problem, { ntkEvery: ntkEvery(c.n, c.p) }), basis: { spectrum: sp, c0: projections(spectrum, e0), yNorm2: sumSquares(data.y) } };
}

async function recover(error: unknown): Promise<BackendInfo> {
  if (!backend || !config) throw error;
  failed.push(backend.name);
  const reason = error instanceof Error ? error.message : String(error);
  trainer = null;
  backend = await chooseBackend(null, failed);
  backend = { ...backend, note: `${failed[failed.length - 1]} failed (${reason}); continued on ${backend.name} from round 0. ${backend.note}` };
  trainer = basisOf(config, given).trainer;
  if (live) trainer.update(live);
  return backend;
}

const api: EngineApi = {
  async init(requested) {
    backend = await chooseBackend(requested, failed);
    return backend;
  },

  async start(c, g = {}) {
    trainer?.dispose();
    trainer = null;
    config = c;
    given = g;
    live = null;
    batch = 1;
    const built = basisOf(c, g);
    trainer = built.trainer;
    return built.basis;
  },

  async runFor(ms, maxRounds) {
    if (!trainer) throw new Error('start() first');
    const t0 = performance.now();
    const rows: Chunk['rows'] = [];
    let switched: BackendInfo | undefined;
    try {
      rows.push(...(await trainer.flush()));
      // Batches grow from one round while they stay well inside the budget, so a slow backend still
      // answers within about one round and a fast one reads back rarely.
      let done = 0;
      while (done < maxRounds && performance.now() - t0 < ms) {
        const k = Math.min(batch, maxRounds - done);
        const tb = performance.now();
        for (let i = 0; i < k; i++) trainer.step();
        rows.push(...(await trainer.flush()));
        done += k;
        const took = performance.now() - tb;
        if (took < ms / 4) batch = Math.min(2 * batch, MAX_BATCH);
        else if (took > ms) batch = Math.max(1, batch >> 1);
      }
    } catch (e) {
      switched = await recover(e);
      rows.length = 0;
      rows.push(...(await trainer.flush()));
    }
    return { rows, masks: trainer.lastMasks ? trainer.lastMasks.slice() : null, p: trainer.live.p, switched };
  },

  async update(s) {
    live = s;
    trainer?.update(s);
    return (trainer?.round ?? 0) + 1;
  },

  async exportRun() {
    if (!trainer) throw new Error('start() first');
    const { config: c, data, init } = trainer.problem;
    return toRunFile(c, data, init);
  },

  async tensorCount() {
    return tf.memory().numTensors;
  },
};

Comlink.expose(api);
