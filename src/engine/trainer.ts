/**
 * The training engine: network state on the device (first layer W, second layer a), one masked round per step,
 * metrics queued on the device and read back as one packed tensor per flush (never a synchronous read in the loop),
 * the NTK every few rounds with its λ_min solved in float64, its drift from round 0 and a histogram of the neurons'
 * moves. Scheme settings (the input masks and the split of the data too) can change between rounds; the tensor count
 * stays flat.
 */
import * as tf from '@tensorflow/tfjs-core';

import type { Config } from '../core/masked/config';
import type { Weights } from '../core/masked/init';
import { inputStream, masksInputs, sampleInputMasks } from '../core/masked/inputNoise';
import { type MaskKind, sampleMasks } from '../core/masked/masks';
import { blankRow, type MetricRow } from '../core/masked/metrics';
import type { ModeRow } from '../core/masked/modes';
import { lazyTheoryApplies, netOf } from '../core/masked/network';
import { DEFER_SPECTRUM_N, maskStream, type Problem } from '../core/masked/problem';
import { shareWeights, splitOwners, splitsData } from '../core/masked/split';
import { predictionWithheld } from '../core/masked/summary';
import { type Eigenbasis, radiusNow } from '../core/masked/theory';
import { type LogHistogram, logHistogram } from '../core/math/histogram';
import { mat, quadForm, transpose } from '../core/math/matrix';
import type { Rng, RngState } from '../core/math/rng';
import { activate } from './activation';
import {
  empiricalNtk,
  flipWeights,
  type NetworkKind,
  networkMetrics,
  type NetworkTensors,
  type NtkFactors,
  ntkFactors,
} from './measure';
import { neuronGroups, type NtkProfile, type NtkRound, solveNtks } from './ntkSolve';
import { maskedRound, planMasks } from './round';

/** The knobs that may change from one round to the next. */
export interface LiveSettings {
  xi: number;
  p: number;
  tau: number;
  /** Resolved step size. */
  eta: number;
  mask: MaskKind;
  aggregate: 'keep' | 'zero';
  inputmask: Config['inputmask'];
  nu: number;
  split: number;
}

export interface TrainerOptions {
  /** Compute the NTKs every this many rounds (0: never). */
  ntkEvery?: number;
  /**
   * Unit directions (K rows of n, row-major) in which to measure the residual every round: (v_i·e_k)², read back with
   * the metrics (THEORY.md I.3, the modes view).
   */
  modes?: Float64Array;
  /**
   * Find λ_min from products H·v instead of forming the n × n kernels (default false: products cost more at every size
   * up to n = 4096 on wasm, bench/RESULTS.md; they remain a check of the formed kernels that shares none of their
   * arithmetic). The drift ‖H − H(0)‖ is then not measured.
   */
  matrixFree?: boolean;
  /** Where the NTK measurements' time goes, summed (bench/ntkMin.ts). */
  profile?: NtkProfile;
}

/** Everything a run needs to go on exactly from where it was (its data and initialization are rebuilt from the problem). */
export interface TrainerSnapshot {
  round: number;
  /** [d, m] and [1, m], as on the device. */
  W: Float32Array;
  a: Float32Array;
  rng: RngState;
  /** The input masks' stream. */
  inputRng: RngState;
  ntk0: Float32Array | null;
  kSigmaTrace0: number;
  settings: LiveSettings;
  /** The last measurement's eigenvector of H (the next one starts from it). */
  warm?: Float64Array | null;
  /** The round of the last NTK measurement, null before the first (absent: the last multiple of the cadence). */
  lastNtk?: number | null;
}

export interface Pending {
  round: number;
  /** [err, surrErr, maxMove, flipFrac, then (v_i·e_k)² for each mode direction]. */
  packed: tf.Tensor1D;
  /** The NTK's factors and the round's subnetworks, for λ_min of H and every H^l. */
  ntk?: NtkRound;
  /** [m] each neuron's move, with the NTK. */
  moves?: tf.Tensor1D;
  /** H(0), formed with the first NTK measured after round 0 (large n skips round 0's), for the drift. */
  ntk0?: tf.Tensor2D;
  /** [n, n] conjugate kernel K_σ(W) = (1/m)σ(XW)σ(XW)ᵀ, with the NTK in the lazy setting (where the full spectrum is there). */
  kSigma?: tf.Tensor2D;
  /** The settings of the round it measures (R_now uses them). */
  settings: LiveSettings;
}

export function liveSettingsOf(problem: Problem): LiveSettings {
  const c = problem.config;
  return {
    xi: c.xi,
    p: c.p,
    tau: c.tau,
    eta: problem.eta,
    mask: c.mask,
    aggregate: c.aggregate,
    inputmask: c.inputmask,
    nu: c.nu,
    split: c.split,
  };
}

export class Trainer {
  round = 0;
  /** Masks of the latest round (p·m, row l = subnetwork l), for the neuron strip. */
  lastMasks: Float32Array | null = null;
  /** Histogram of ‖w_r − w_r(0)‖ at the latest NTK round. */
  lastMoves: LogHistogram | null = null;
  private settings: LiveSettings;
  private readonly net: NetworkTensors;
  private readonly kind: NetworkKind;
  private W: tf.Tensor2D;
  /** [1, m] second layer (raw a_r). */
  private a: tf.Tensor2D;
  /** The NTK at round 0, for ‖H(k) − H(0)‖/‖H(0)‖. */
  private ntk0: Float32Array | null = null;
  /** tr K_σ(W_0). */
  private kSigmaTrace0 = NaN;
  private readonly rng: Rng;
  private readonly inputRng: Rng;
  /** The share weights of split data, for the p they were made for. */
  private shares: { p: number; weights: Float64Array } | null = null;
  private pending: Pending[] = [];
  /**
   * Rounds from one NTK measurement to the next (0: never); the app's worker sets it from measured times (ntkPace.ts),
   * and a new value counts from the last measurement.
   */
  ntkEvery: number;
  /** NTK measurements solved so far. */
  ntkCount = 0;
  /** The round of the last NTK measurement (null: none yet; the first comes at round 0, or after ntkEvery at large n). */
  private lastNtk: number | null = null;
  private readonly n: number;
  /** [K, n] the mode directions, or null. */
  private readonly modeBasis: tf.Tensor2D | null;
  /** (v_i·e_k)² of the rounds read back and not yet taken. */
  private modeRows: ModeRow[] = [];
  private readonly matrixFree: boolean;
  private readonly profile?: NtkProfile;
  /** The eigenvector of the last λ_min of H. */
  private warm: Float64Array | null = null;
  /**
   * φ(XW) and φ′(XW) of the current weights, as the last metrics measured them, under the strictness they used: the next
   * round's first local step starts from them instead of a forward pass of its own.
   */
  private forward: { A: tf.Tensor2D; D: tf.Tensor2D; strict: boolean } | null = null;

  constructor(
    readonly problem: Problem,
    opts: TrainerOptions = {},
  ) {
    const { data, init } = problem;
    const [n, d, m] = [data.X.rows, data.X.cols, init.W.rows];
    this.n = n;
    this.ntkEvery = opts.ntkEvery ?? 10;
    this.matrixFree = opts.matrixFree ?? false;
    this.profile = opts.profile;
    this.modeBasis = opts.modes?.length ? tf.tensor2d(Float32Array.from(opts.modes), [opts.modes.length / n, n]) : null;
    this.settings = liveSettingsOf(problem);
    this.rng = maskStream(problem.config);
    this.inputRng = inputStream(problem.config.seed);
    const Wt = transpose(init.W);
    const network = netOf(problem.config, m);
    this.kind = { ...network, lazy: lazyTheoryApplies(problem.config) && init.a.every((v) => Math.abs(v) === 1) };
    this.net = tf.tidy(() => {
      const X = tf.tensor2d(Float32Array.from(data.X.data), [n, d]);
      const W0 = tf.tensor2d(Float32Array.from(Wt.data), [d, m]);
      return {
        X,
        XT: tf.transpose(X),
        y: tf.tensor2d(Float32Array.from(data.y), [n, 1]),
        W0,
        a0: tf.tensor2d(Float32Array.from(init.a), [1, m]),
        ...flipWeights(activate(X, W0, network.act).S),
        XXt: tf.matMul(X, X, false, true) as tf.Tensor2D,
      };
    });
    this.W = tf.clone(this.net.W0);
    this.a = tf.clone(this.net.a0);
    this.enqueue(null, null);
  }

  /** Changes ξ, p, τ, η, mask, aggregation, the input masks or the split from the next round on. */
  update(settings: Partial<LiveSettings>): void {
    this.settings = { ...this.settings, ...settings };
  }

  get live(): Readonly<LiveSettings> {
    return this.settings;
  }

  /** Runs one global round on the device; its metrics wait in the queue until `flush`. */
  step(): void {
    const s = this.settings;
    const { config: c, init } = this.problem;
    const m = init.W.rows;
    const maskData = sampleMasks(this.rng, s.mask, s.p, m, s.xi);
    this.lastMasks = maskData;
    const inputs = masksInputs(s) ? sampleInputMasks(this.inputRng, c.n, c.d, s.nu) : null;
    const plan = planMasks(
      maskData,
      s.p,
      init.a,
      s.xi,
      s.mask === 'categorical',
      s.aggregate === 'keep',
      this.kind.outScale,
      splitsData(s) ? this.shareWeights(s.p) : null,
    );
    const fwd = this.forward?.strict === plan.strict ? this.forward : null;
    const { W, a, surrErr } = tf.tidy(() => ({
      ...maskedRound(
        {
          ...this.net,
          W: this.W,
          a: this.a,
          act: this.kind.act,
          inputMasks: inputs ? tf.tensor2d(inputs, [c.n, c.d]) : undefined,
          first: fwd ?? undefined,
        },
        plan,
        s.tau,
        s.eta,
        this.kind.trainSecond,
      ),
    }));
    this.W.dispose();
    this.W = W;
    if (a !== this.a) {
      this.a.dispose();
      this.a = a;
    }
    this.round += 1;
    this.enqueue(surrErr, maskData);
    surrErr.dispose();
  }

  /** Each worker's weight of each sample when the data are split among p workers (drawn once per p from the seed). */
  private shareWeights(p: number): Float64Array {
    if (this.shares?.p !== p) {
      const { seed, n } = this.problem.config;
      this.shares = { p, weights: shareWeights(splitOwners(seed, n, p), p) };
    }
    return this.shares.weights;
  }

  /**
   * Queues the round's metrics. Above DEFER_SPECTRUM_N samples round 0's NTK is left out (it would hold up the
   * start by seconds); the first NTK measured later brings H(0) along for the drift.
   */
  private enqueue(surrErr: tf.Scalar | null, masks: Float32Array | null): void {
    const next =
      this.lastNtk === null ? (this.n <= DEFER_SPECTRUM_N ? 0 : this.ntkEvery) : this.lastNtk + this.ntkEvery;
    const dueNtk = this.ntkEvery > 0 && this.round >= next;
    if (dueNtk) this.lastNtk = this.round;
    const needH0 =
      dueNtk && !this.matrixFree && this.round > 0 && !this.ntk0 && !this.pending.some((b) => b.ntk0 || b.ntk);
    const { xi, p } = this.settings;
    const m = this.problem.init.W.rows;
    const strict = this.settings.aggregate === 'zero';
    this.dropForward();
    const entry = tf.tidy(() => {
      const { packed, activated, moves, residual } = networkMetrics(
        this.net,
        this.kind,
        this.W,
        this.a,
        surrErr ?? tf.scalar(NaN),
        strict,
      );
      const out: Omit<Pending, 'round' | 'settings' | 'ntk'> & {
        factors?: NtkFactors;
        forward: { A: tf.Tensor2D; D: tf.Tensor2D };
      } = {
        packed: this.modeBasis
          ? (tf.concat([packed, tf.reshape(tf.square(tf.matMul(this.modeBasis, residual)), [-1])]) as tf.Tensor1D)
          : packed,
        forward: { A: activated.A, D: activated.D },
      };
      if (dueNtk) {
        out.factors = ntkFactors(this.kind, activated, this.a);
        out.moves = moves;
      }
      if (dueNtk && !this.matrixFree) {
        if (this.kind.lazy && this.problem.spectrum && !predictionWithheld(this.settings))
          out.kSigma = tf.div(tf.matMul(activated.A, tf.transpose(activated.A)), m) as tf.Tensor2D;
        if (needH0)
          out.ntk0 = empiricalNtk(
            this.net.XXt,
            this.kind,
            activate(this.net.X, this.net.W0, this.kind.act),
            this.net.a0,
          );
      }
      return out;
    });
    const { factors, forward, ...rest } = entry;
    this.forward = { ...forward, strict };
    const ntk: NtkRound | undefined = factors && {
      factors,
      ...(masks ? neuronGroups(masks, p, m) : { groups: [], rest: null }),
      xi,
    };
    this.pending.push({ round: this.round, settings: this.settings, ...rest, ntk });
  }

  /** Reads every queued metric back (one packed read, plus the NTKs due) and returns the rows in order. */
  async flush(): Promise<MetricRow[]> {
    return (await flushTogether([this]))[0];
  }

  /** Hands the queued metrics over (for flushTogether) and empties the queue. */
  takePending(): Pending[] {
    const batch = this.pending;
    this.pending = [];
    return batch;
  }

  /** One row from its packed values and its NTKs (read back here, solved in float64). */
  async decode(b: Pending, values: Float32Array, at: number): Promise<MetricRow> {
    if (this.modeBasis) {
      const K = this.modeBasis.shape[0];
      this.modeRows.push({ round: b.round, values: values.slice(at + 4, at + 4 + K) });
    }
    const row: MetricRow = {
      ...blankRow(b.round),
      err: values[at],
      surrErr: values[at + 1],
      maxMove: values[at + 2],
      flipFrac: values[at + 3],
    };
    if (b.ntk0) this.ntk0 = (await b.ntk0.data()) as Float32Array;
    if (b.ntk) {
      const got = await solveNtks(b.ntk, {
        X: this.net.X,
        XT: this.net.XT,
        XXt: this.net.XXt,
        formed: !this.matrixFree,
        warm: this.warm,
        profile: this.profile,
      });
      this.warm = got.vector ?? this.warm;
      row.ntkMin = got.min;
      row.ntkMinBound = got.bound;
      row.subNtkMin = got.subMin;
      row.subNtkMax = got.subMax;
      row.subNtkBound = got.subBound;
      if (got.kernel) row.ntkShift = this.drift(got.kernel);
      this.ntkCount += 1;
    }
    if (b.moves) this.lastMoves = logHistogram(await b.moves.data());
    if (b.kSigma) Object.assign(row, this.radiusOf(await b.kSigma.data(), b.settings));
    return row;
  }

  /** ‖H − H(0)‖_F/‖H(0)‖_F; the first kernel measured is H(0) where round 0's was not. */
  private drift(H: Float32Array): number {
    this.ntk0 ??= H;
    let diff = 0;
    let norm = 0;
    for (let i = 0; i < H.length; i++) {
      diff += (H[i] - this.ntk0[i]) ** 2;
      norm += this.ntk0[i] ** 2;
    }
    return Math.sqrt(diff / norm);
  }

  /** R_now and tr K_σ(W_k)/tr K_σ(W_0) from K_σ(W_k) and the round's settings (THEORY.md H.2). */
  private radiusOf(K: ArrayLike<number>, s: LiveSettings): { radiusNow: number; kSigmaRatio: number } {
    const sp = this.problem.spectrum as Eigenbasis;
    const kt = sp.vectors.map((v) => quadForm(mat(this.n, this.n, K), v));
    let tr = 0;
    for (let i = 0; i < this.n; i++) tr += K[i * this.n + i];
    if (Number.isNaN(this.kSigmaTrace0)) this.kSigmaTrace0 = tr;
    const scheme = {
      xi: s.xi,
      p: s.p,
      tau: s.tau,
      eta: s.eta,
      kappa: this.problem.config.kappa,
      categorical: s.mask === 'categorical',
    };
    return { radiusNow: radiusNow(sp, scheme, kt), kSigmaRatio: tr / this.kSigmaTrace0 };
  }

  /** Runs `rounds` rounds, flushing every `readEvery`, and returns all rows read (including any queued before). */
  async run(rounds: number, readEvery = 10, onRows?: (rows: MetricRow[]) => void): Promise<MetricRow[]> {
    const out: MetricRow[] = [];
    for (let k = 0; k < rounds; k++) {
      this.step();
      if ((k + 1) % readEvery === 0 || k === rounds - 1) {
        const rows = await this.flush();
        onRows?.(rows);
        out.push(...rows);
      }
    }
    return out;
  }

  /**
   * The run's state, to resume it exactly elsewhere (a new worker, another backend). Taken between rounds with nothing
   * waiting to be read back.
   */
  async snapshot(): Promise<TrainerSnapshot> {
    if (this.pending.length) throw new Error('snapshot with metrics still to read back');
    return {
      round: this.round,
      W: (await this.W.data()) as Float32Array,
      a: (await this.a.data()) as Float32Array,
      rng: this.rng.state(),
      inputRng: this.inputRng.state(),
      ntk0: this.ntk0 ? this.ntk0.slice() : null,
      kSigmaTrace0: this.kSigmaTrace0,
      settings: { ...this.settings },
      warm: this.warm ? this.warm.slice() : null,
      lastNtk: this.lastNtk,
    };
  }

  /** Forgets the kept forward pass (new weights, or the trainer ends). */
  private dropForward(): void {
    if (this.forward) tf.dispose([this.forward.A, this.forward.D]);
    this.forward = null;
  }

  /** Continues from a snapshot: the rounds that follow are the ones that would have followed it. */
  restore(s: TrainerSnapshot): void {
    this.dropForward();
    for (const b of this.pending) disposePending(b);
    this.pending = [];
    this.W.dispose();
    this.a.dispose();
    const [d, m] = this.net.W0.shape;
    this.W = tf.tensor2d(s.W, [d, m]);
    this.a = tf.tensor2d(s.a, [1, m]);
    this.round = s.round;
    this.rng.restore(s.rng);
    this.inputRng.restore(s.inputRng);
    this.ntk0 = s.ntk0;
    this.kSigmaTrace0 = s.kSigmaTrace0;
    this.warm = s.warm ?? null;
    this.lastNtk =
      s.lastNtk !== undefined ? s.lastNtk : Math.floor(s.round / Math.max(this.ntkEvery, 1)) * this.ntkEvery;
    this.settings = { ...s.settings };
    this.modeRows = [];
  }

  /** The modes measured since the last call, in round order. */
  takeModes(): ModeRow[] {
    const rows = this.modeRows;
    this.modeRows = [];
    return rows;
  }

  /** Current weights in the core's layout (m rows of d), for export or a later `--init`. */
  async weights(): Promise<Weights> {
    const [d, m] = this.W.shape;
    const Wt = mat(d, m, await this.W.data());
    return { W: transpose(Wt), a: Float64Array.from(await this.a.data()) };
  }

  dispose(): void {
    this.dropForward();
    for (const b of this.pending) disposePending(b);
    this.pending = [];
    this.W.dispose();
    this.a.dispose();
    this.modeBasis?.dispose();
    for (const t of Object.values(this.net)) t.dispose();
  }
}

function disposePending(b: Pending): void {
  b.packed.dispose();
  b.ntk?.factors.C.dispose();
  b.ntk?.factors.sA?.dispose();
  b.moves?.dispose();
  b.kSigma?.dispose();
  b.ntk0?.dispose();
}

/**
 * Reads the queued metrics of several trainers (runs in lockstep) back in one packed read from the device;
 * returns each trainer's rows in order.
 */
export async function flushTogether(trainers: Trainer[]): Promise<MetricRow[][]> {
  const batches = trainers.map((t) => t.takePending());
  const all = batches.flat();
  if (!all.length) return trainers.map(() => []);
  // One read for all: the packed rows side by side (a trainer with mode directions packs more per round).
  const joined = tf.concat(all.map((b) => b.packed));
  const values = (await joined.data()) as Float32Array;
  joined.dispose();
  const out: MetricRow[][] = [];
  let at = 0;
  for (const [i, batch] of batches.entries()) {
    const rows: MetricRow[] = [];
    for (const b of batch) {
      rows.push(await trainers[i].decode(b, values, at));
      at += b.packed.size;
      disposePending(b);
    }
    out.push(rows);
  }
  return out;
}
