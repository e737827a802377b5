/**
 * The page's side of the engine: starts the worker, runs the play loop (the worker trains, the page only
 * awaits messages), appends metrics to the store, and applies configuration changes — live for ξ, p, τ, η,
 * mask, aggregation, the input masks and the split of the data, a restart for everything else and for a change of the
 * compared runs. Refuses
 * configurations too large for the device and pauses runs that diverge.
 */

import { runLabel, withProblem } from '../core/masked/compare';
import { type Config, type ConfigKey, MAX_WIDTH } from '../core/masked/config';
import { tooLargeTogether } from '../core/masked/limits';
import {
  DIVERGENCE_FACTOR,
  divergingRow,
  emptyHistory,
  type History,
  keepUpTo,
  type MetricRow,
  pushRow,
} from '../core/masked/metrics';
import type { RunFile } from '../core/masked/runFile';
import { schemeOf } from '../core/masked/summary';
import { etaStable, type Scales } from '../core/masked/theory';
import { MODE_RULE, thinHistory, thinRows } from '../core/masked/thinning';
import type { BackendName, Checkpoint, Chunk, EngineApi, Given, LiveUpdate, TheoryApi } from '../engine/protocol';
import { GuardedWorker, WorkerDied } from './guardedWorker';
import { LatestCall } from './latestCall';
import { mirrorLink } from './mirror';
import { usePace } from './pace';
import { useRun } from './store';
import { startWorker } from './workerScript';

/** Keys that change the problem itself: a new initialization. */
const RESTART_KEYS: ConfigKey[] = [
  'm',
  'n',
  'd',
  'kappa',
  'data',
  'freq',
  'spacing',
  'seed',
  'act',
  'layers',
  'init',
  'ratio',
];
/** The worker trains for about this long between two read-backs at full speed (sized by time, not by rounds). */
const CHUNK_MS = 100;
/** A checkpoint at most this often while training; a second death this soon after a recovery ends the attempts. */
const CHECKPOINT_MS = 3000;
const AGAIN_MS = 10_000;
/** The function views' sampling: at most this often while training, at this many angles around the circle. */
const SAMPLE_MS = 400;
const SAMPLE_POINTS = 200;
/** The longest a paced loop sleeps at once, so that Pause answers at once. */
const PACE_WAIT_MS = 100;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Lets waiting input run: the Scheduler API's yield where the browser has it, else a message-channel turn. */
function yieldToInput(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}
/** The main run's latest round. */
const lastRound = () => useRun.getState().history.round.at(-1) ?? 0;

export class EngineClient {
  /** The engine's worker, known to be alive: a call fails at once when it dies (see recover); made on first use. */
  private worker: GuardedWorker<EngineApi> | null = null;
  /** The latest checkpoint: every run's state at one round, to resume from when the worker dies. */
  private saved: { checkpoint: Checkpoint; round: number } | null = null;
  private savedAt = -Infinity;
  /** The recovery under way after a death, and when the last one ended (a second death soon after: give up). */
  private recovering: Promise<void> | null = null;
  private recoveredAt = -Infinity;
  private playing = false;
  private loop: Promise<void> | null = null;
  private busy: Promise<unknown> = Promise.resolve();
  /** The full spectrum of a large problem, computed beside the training (a newer start drops an older one). */
  private readonly spectrum = new LatestCall<TheoryApi>(() => startWorker('theory'));
  /** When the runs' functions were last sampled. */
  private sampledAt = 0;
  /** User data and weights in use instead of the seed's; dropped when a restart key changes. */
  private given: Given = {};

  private get engine(): GuardedWorker<EngineApi> {
    this.worker ??= new GuardedWorker<EngineApi>(
      () => startWorker('engine'),
      (reason) => this.died(reason),
      true,
    );
    return this.worker;
  }

  /** Serializes calls to the worker so that steps, restarts and the loop never interleave. */
  private exclusive<T>(f: () => Promise<T>): Promise<T> {
    const next = this.busy.then(f, f);
    this.busy = next.catch(() => undefined);
    return next;
  }

  /**
   * Puts the link's configuration in the store at once, then — once `when` settles (an embed waits until it is first
   * seen) — starts the engine's worker and the run.
   */
  async boot(
    config: Config,
    compare: Config[],
    messages: string[],
    forced: BackendName | null,
    when: Promise<void> = Promise.resolve(),
  ): Promise<void> {
    useRun.setState({ config, compare, linkMessages: messages, forcedBackend: forced, status: 'starting' });
    mirrorLink();
    await when;
    try {
      const backend = await this.engine.call((a) => a.init(forced), false);
      useRun.setState({ backend });
      await this.restart();
    } catch (e) {
      useRun.setState({
        status: 'error',
        notice: `The engine could not start: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  }

  /** New data and initialization from the current config (also "reset": the same seed gives the same start). */
  async restart(): Promise<void> {
    const resume = this.playing;
    await this.stopLoop();
    const started = this.exclusive(async () => {
      this.spectrum.cancel();
      // After a worker that could not be kept alive, Reset starts a fresh one.
      if (!this.engine.alive) {
        this.engine.replace();
        useRun.setState({ backend: await this.engine.call((a) => a.init(useRun.getState().forcedBackend), false) });
      }
      const { config, compare, backend } = useRun.getState();
      const runs = [config, ...compare];
      const refusal = backend ? tooLargeTogether(runs, backend.limits, MAX_WIDTH) : null;
      const fresh = {
        history: emptyHistory(),
        compareHistories: compare.map(() => emptyHistory()),
        modeHistory: [],
        samples: [],
        version: useRun.getState().version + 1,
        runId: useRun.getState().runId + 1,
      };
      if (refusal) {
        useRun.setState({
          status: 'refused',
          notice: refusal,
          basis: null,
          scales: null,
          basisPending: false,
          ...fresh,
        });
        return;
      }
      useRun.setState({
        status: 'starting',
        compiling: true,
        notice: null,
        markers: [],
        masks: null,
        moves: null,
        basis: null,
        basisPending: false,
        ...fresh,
      });
      const { basis, scales, backend: chosen } = await this.engine.call((a) => a.start(runs, this.given), false);
      useRun.setState({ backend: chosen, scales });
      for (const [i, run] of runs.entries()) await this.engine.call((a) => a.update(i, this.liveOf(run, scales)));
      useRun.setState({ basis, basisPending: !basis });
      if (!basis) void this.computeBasis(config);
      this.ingest(await this.engine.call((a) => a.runFor(0, 0)), 0);
      useRun.setState({ status: 'ready' });
      this.saved = null;
      this.savedAt = -Infinity;
    });
    try {
      await started;
    } catch (e) {
      this.fail(e);
      return;
    }
    if (resume && useRun.getState().status === 'ready') this.play();
  }

  /**
   * The full spectrum of a large problem (n > 256), in a float64 worker of its own while the engine trains; the
   * predictions appear when it arrives.
   */
  private async computeBasis(config: Config): Promise<void> {
    const out = await this.spectrum.run((api) => api.basis(config, this.given));
    if (out?.ok) useRun.setState({ basis: out.value, basisPending: false });
    else if (out)
      useRun.setState({ basisPending: false, notice: `The spectrum of H^∞ could not be computed: ${out.error}` });
  }

  private liveOf(config: Config, scales: Scales): LiveUpdate {
    const s = schemeOf(config, scales);
    return {
      xi: s.xi,
      p: s.p,
      tau: s.tau,
      eta: s.eta,
      mask: config.mask,
      aggregate: config.aggregate,
      inputmask: config.inputmask,
      nu: config.nu,
      split: config.split,
    };
  }

  /** Applies a new configuration: live where the run can continue, a restart otherwise. */
  async setConfig(next: Config): Promise<void> {
    const prev = useRun.getState().config;
    useRun.setState((s) => ({ config: next, compare: s.compare.map((c) => withProblem(next, c)) }));
    mirrorLink();
    const { scales, status } = useRun.getState();
    const newProblem = RESTART_KEYS.some((k) => prev[k] !== next[k]);
    if (newProblem) this.given = {};
    if (!scales || newProblem || status === 'refused' || status === 'error') {
      await this.restart();
      return;
    }
    const changed = (
      ['scheme', 'xi', 'p', 'tau', 'eta', 'mask', 'aggregate', 'inputmask', 'nu', 'split'] as ConfigKey[]
    ).filter((k) => prev[k] !== next[k]);
    if (!changed.length) return;
    if (prev.p !== next.p || prev.mask !== next.mask) useRun.setState({ compiling: true });
    const round = await this.exclusive(() => this.engine.call((a) => a.update(0, this.liveOf(next, scales))));
    // A checkpoint with the new settings, so that a resumed run changes them at the same round.
    this.savedAt = -Infinity;
    const label = changed.map((k) => `${k} = ${String(next[k])}`).join(', ');
    useRun.setState((s) => ({ markers: [...s.markers, { round, label, keys: changed }] }));
  }

  /** Replaces the compared runs (each over the main run's problem) and starts all runs again from round 0. */
  async setCompare(compare: Config[], main: Config = useRun.getState().config): Promise<void> {
    const prev = useRun.getState().config;
    if (RESTART_KEYS.some((k) => prev[k] !== main[k])) this.given = {};
    useRun.setState({ config: main, compare: compare.map((c) => withProblem(main, c)) });
    mirrorLink();
    await this.restart();
  }

  play(): void {
    const { status } = useRun.getState();
    if (this.playing || !['ready', 'paused'].includes(status)) return;
    this.playing = true;
    useRun.setState({ status: 'running' });
    // A round to stop at that is already behind the run is passed: Play goes on from there.
    const start = lastRound();
    const { until } = usePace.getState();
    const stopAt = until !== 'none' && until > start ? until : null;
    this.loop = (async () => {
      let paced: { speed: number; t0: number; r0: number } | null = null;
      let lastIngest = performance.now();
      while (this.playing) {
        const last = lastRound();
        if (stopAt !== null && last >= stopAt) {
          this.pause();
          break;
        }
        const cap = stopAt === null ? 1e9 : stopAt - last;
        const { speed } = usePace.getState();
        let rounds = cap;
        if (speed !== 'full') {
          if (!paced || paced.speed !== speed) paced = { speed, t0: performance.now(), r0: last };
          const due = paced.r0 + Math.floor((speed * (performance.now() - paced.t0)) / 1000) - last;
          if (due <= 0) {
            const next = paced.t0 + ((last + 1 - paced.r0) / speed) * 1000;
            await sleep(Math.min(PACE_WAIT_MS, Math.max(4, next - performance.now())));
            continue;
          }
          rounds = Math.min(cap, due);
        } else paced = null;
        const t0 = performance.now();
        const chunk = await this.exclusive(() =>
          this.engine.call((a) => a.runFor(speed === 'full' ? CHUNK_MS : 1e9, rounds)),
        );
        const now = performance.now();
        // The rate a viewer sees: device time at full speed, wall time when paced.
        this.ingest(chunk, speed === 'full' ? now - t0 : now - lastIngest);
        lastIngest = now;
        // A click, a key or a drag waiting since the chunk came in goes first.
        await yieldToInput();
      }
    })().catch((e) => (e instanceof WorkerDied ? undefined : this.fail(e)));
  }

  /** Plays now, or — pressed while the engine is still starting — as soon as the run is ready. */
  playSoon(): void {
    if (useRun.getState().status !== 'starting') return this.play();
    useRun.setState({ playPending: true });
    void this.whenStarted().then(
      () => {
        if (!useRun.getState().playPending) return;
        useRun.setState({ playPending: false });
        this.play();
      },
      () => useRun.setState({ playPending: false }),
    );
  }

  pause(): void {
    if (useRun.getState().playPending) useRun.setState({ playPending: false });
    if (!this.playing) return;
    this.playing = false;
    if (useRun.getState().status === 'running') useRun.setState({ status: 'paused' });
  }

  private async stopLoop(): Promise<void> {
    this.playing = false;
    await this.loop;
    this.loop = null;
  }

  /** Resolves once the engine can train (at once if it can); rejects with the reason when it could not start. */
  whenStarted(): Promise<void> {
    return new Promise((resolve, reject) => {
      const settled = (s: { status: string; notice: string | null }) => {
        if (s.status === 'starting') return false;
        if (s.status === 'refused' || s.status === 'error') reject(new Error(s.notice ?? `the engine is ${s.status}`));
        else resolve();
        return true;
      };
      if (settled(useRun.getState())) return;
      const unsubscribe = useRun.subscribe((s) => settled(s) && unsubscribe());
    });
  }

  /** Runs exactly k rounds (the loop paused) once the engine has started; resolves when they are in the history. */
  async step(k: number): Promise<void> {
    await this.whenStarted();
    await this.recovering;
    await this.stopLoop();
    const st = useRun.getState().status;
    if (!['ready', 'paused', 'running'].includes(st)) return;
    useRun.setState({ status: 'paused' });
    const target = lastRound() + k;
    while (useRun.getState().status === 'paused') {
      const last = lastRound();
      if (last >= target) break;
      const t0 = performance.now();
      try {
        const chunk = await this.exclusive(() => this.engine.call((a) => a.runFor(1e9, target - last)));
        this.ingest(chunk, performance.now() - t0);
      } catch (e) {
        // The worker died: a new one resumes the run, and the rounds still to go are run there.
        if (!(e instanceof WorkerDied)) throw e;
        await this.recovering;
      }
    }
    await this.sample();
  }

  /** Starts a run from given data (and weights): an uploaded dataset or an imported run file. */
  async load(config: Config, given: Given, messages: string[]): Promise<void> {
    this.given = given;
    useRun.setState((s) => ({ config, compare: s.compare.map((c) => withProblem(config, c)), linkMessages: messages }));
    mirrorLink();
    await this.restart();
  }

  /** The user's data and weights in use instead of the seed's (empty when the seed's are used). */
  givenProblem(): Given {
    return this.given;
  }

  exportRun(): Promise<RunFile> {
    return this.exclusive(() => this.engine.call((a) => a.exportRun()));
  }

  tensorCount(): Promise<number> {
    return this.exclusive(() => this.engine.call((a) => a.tensorCount()));
  }

  private ingest(chunk: Chunk, ms: number): void {
    const state = useRun.getState();
    const histories: History[] = [state.history, ...state.compareHistories];
    // The backend failed and the runs went on on another from the last checkpoint: the rounds after it come again.
    const from = chunk.switched ? (chunk.resumedFrom ?? -1) : Infinity;
    if (chunk.switched) {
      histories.forEach((h) => keepUpTo(h, from));
      useRun.setState((s) => ({ backend: chunk.switched, markers: s.markers.filter((m) => m.round <= from) }));
    }
    chunk.runs.forEach((rows, i) => rows.forEach((row) => pushRow(histories[i], row)));
    // Long sessions stay in bounded memory: the older rounds are thinned (core/masked/thinning.ts).
    histories.forEach((h) => thinHistory(h));
    const modeHistory = chunk.switched ? state.modeHistory.filter((r) => r.round <= from) : state.modeHistory;
    modeHistory.push(...chunk.modes);
    thinRows(modeHistory, MODE_RULE);
    const rounds = chunk.runs[0].filter((r) => r.round > 0).length;
    const rate = ms > 0 && rounds > 0 ? (1000 * rounds) / ms : state.roundsPerSec;
    useRun.setState({
      history: histories[0],
      compareHistories: histories.slice(1),
      modeHistory,
      version: state.version + 1,
      roundsPerSec: state.roundsPerSec ? 0.7 * state.roundsPerSec + 0.3 * rate : rate,
      masks: chunk.masks ?? state.masks,
      moves: chunk.moves ?? state.moves,
      maskRows: chunk.p,
      compiling: state.compiling && rounds === 0,
    });
    chunk.runs.forEach((rows, i) => this.checkDivergence(rows, i));
    if (performance.now() - this.sampledAt > SAMPLE_MS) void this.sample();
    if (performance.now() - this.savedAt > CHECKPOINT_MS && !this.recovering) void this.save();
  }

  /** Takes a checkpoint of every run (cheap: each run's weights, its round and its mask stream's state). */
  private async save(): Promise<void> {
    this.savedAt = performance.now();
    try {
      const checkpoint = await this.exclusive(() => this.engine.call((a) => a.checkpoint()));
      this.saved = { checkpoint, round: checkpoint.runs[0].round };
    } catch {
      /* the worker died or restarted meanwhile: the last checkpoint stands */
    }
  }

  /** The worker died: a new one resumes every run from the last checkpoint, on the same backend. */
  private died(reason: string): void {
    const resume = this.playing || useRun.getState().status === 'running';
    this.playing = false;
    // The replacement died before it could resume: no third worker (a worker that cannot start would loop for ever).
    if (this.recovering) {
      useRun.setState({
        status: 'error',
        notice: `The engine's worker could not be started again (${reason}). Reload the page, or try another backend (backend=cpu in the link).`,
      });
      return;
    }
    this.recovering = this.exclusive(() => this.recover(reason, resume)).finally(() => (this.recovering = null));
  }

  private async recover(reason: string, resume: boolean): Promise<void> {
    const { backend, config, compare, history } = useRun.getState();
    const at = history.round.at(-1) ?? 0;
    const again = performance.now() - this.recoveredAt < AGAIN_MS;
    useRun.setState({ status: 'recovering', compiling: true });
    this.engine.replace();
    try {
      const info = await this.engine.call((a) => a.init(backend?.name ?? null), false);
      useRun.setState({ backend: { ...info, note: backend?.note ?? info.note } });
      if (again) {
        useRun.setState({
          status: 'error',
          notice: `The engine's worker stopped again right after resuming (${reason}): the run is paused at round ${at}. This configuration may be more than this device can hold — try a smaller width, or Reset.`,
        });
        return;
      }
      // Without a checkpoint the run starts again from its seed, which reproduces it from round 0.
      const saved = this.saved;
      const from = saved?.round ?? 0;
      const runs = [config, ...compare];
      if (saved) await this.engine.call((a) => a.resume(runs, this.given, saved.checkpoint), false);
      else await this.engine.call((a) => a.start(runs, this.given), false);
      const s = useRun.getState();
      for (const h of [s.history, ...s.compareHistories]) keepUpTo(h, saved ? from : -1);
      useRun.setState({ modeHistory: s.modeHistory.filter((r) => saved && r.round <= from) });
      if (!saved) {
        for (const [i, run] of runs.entries())
          await this.engine.call((a) => a.update(i, this.liveOf(run, s.scales as Scales)));
        this.ingest(await this.engine.call((a) => a.runFor(0, 0)), 0);
      }
      // The rounds after the checkpoint are trained again, exactly as they ran, up to where the run was: the history
      // keeps every round once and loses none.
      if (at > from) this.ingest(await this.engine.call((a) => a.runFor(1e9, at - from), false), 0);
      this.recoveredAt = performance.now();
      useRun.setState({
        status: 'paused',
        version: useRun.getState().version + 1,
        notice: `The engine's worker stopped at round ${at} (${reason}); a new one resumed the run from round ${from} on ${(backend?.name ?? '').toUpperCase()}${at > from ? ` and trained again to round ${at}` : ''}: the same run, every round kept once.`,
      });
      if (resume) setTimeout(() => this.play(), 0);
    } catch (e) {
      // A replacement that died too has been reported (died); anything else stops the run with its reason.
      if (!(e instanceof WorkerDied)) this.fail(e);
    }
  }

  /**
   * What each run computes now (the function and predictions views), measured at most every SAMPLE_MS while it
   * trains and after every step — whether or not their panels are open, so that the automation API has it.
   */
  async sample(): Promise<void> {
    this.sampledAt = performance.now();
    const { config } = useRun.getState();
    try {
      const samples = await this.exclusive(() => this.engine.call((a) => a.sample(config.d === 2 ? SAMPLE_POINTS : 0)));
      useRun.setState({ samples });
    } catch {
      /* a restart replaced the runs meanwhile: the next chunk samples again */
    }
  }

  private checkDivergence(rows: MetricRow[], run: number): void {
    const { history, scales, config: main, compare, status } = useRun.getState();
    const err0 = history.err[0];
    const bad = divergingRow(rows, err0);
    if (!bad || !scales || status === 'diverged') return;
    this.playing = false;
    const config = run === 0 ? main : compare[run - 1];
    const who = compare.length
      ? `${run === 0 ? 'The main run' : `Compared run ${run + 1}`} (${runLabel(config)}): `
      : '';
    const s = schemeOf(config, scales);
    const limit = etaStable(scales, s.xi);
    const what = Number.isFinite(bad.err)
      ? `the error grew over ${DIVERGENCE_FACTOR}× its start`
      : 'the error is no longer a finite number';
    const why =
      s.eta >= limit
        ? `The step size η = ${s.eta.toPrecision(3)} is above the stability limit 2ξ/λ_max = ${limit.toPrecision(3)}: lower η, or use "auto", then Reset.`
        : `The step size η = ${s.eta.toPrecision(3)} is below the lazy-limit stability bound 2ξ/λ_max = ${limit.toPrecision(3)}, but this finite network still diverged: lower η, then Reset.`;
    const last = rows.at(-1)?.round ?? bad.round;
    const where = last > bad.round ? `; training paused at round ${last}` : '; training paused there';
    useRun.setState({
      status: 'diverged',
      notice: `${who}The run diverged at round ${bad.round}: ${what}${where}. ${why}`,
    });
  }

  private fail(e: unknown): void {
    this.playing = false;
    useRun.setState({ status: 'error', notice: `The engine stopped: ${e instanceof Error ? e.message : String(e)}` });
  }
}
