/**
 * A Web Worker behind Comlink that is known to be alive. A worker can die without a word — out of memory, a WASM trap,
 * the browser reclaiming it, or `self.close()` — and then every call to it would wait forever. Here every call fails
 * at once with WorkerDied when the worker ends. The worker holds a Web Lock for its whole life (engine/lifeline.ts)
 * and the page is granted that lock the moment it ends, busy or not. Where Web Locks are missing (a page served over
 * plain http from another host) or refused (a frame on another site, platform/storage.ts), a watched worker — one whose calls are short, like the engine's — is pinged when a
 * call runs late (four times the slowest call seen, and at least a few seconds), and is dead when it cannot answer.
 * An `error` event kills it too, and so does a worker that has not loaded and taken its lifeline within 20 s. The owner hears of the death once, and can start a fresh worker with `replace()`.
 */
import * as Comlink from 'comlink';

import type { Guarded } from '../engine/protocol';
import { withLock } from '../platform/storage';

export class WorkerDied extends Error {}

/** How often overdue calls are looked at, the least deadline, and how long a ping may take. */
const WATCH_MS = 1000;
const MIN_DEADLINE_MS = 3000;
const PING_MS = 3000;
/** How long a new worker may take to load and take its lifeline before it is taken for dead. */
const START_MS = 20_000;

let lifelines = 0;

export class GuardedWorker<Api extends Guarded> {
  api!: Comlink.Remote<Api>;
  private worker!: Worker;
  private death!: { promise: Promise<never>; reject: (e: Error) => void };
  /** Settles once the worker holds its lifeline (or cannot): calls wait for it, so a death mid-call is always seen. */
  private ready: Promise<unknown> = Promise.resolve();
  private dead = false;
  /** Whether the worker holds its lifeline (then pings are not needed). */
  private held = false;
  private readonly inFlight = new Map<number, number>();
  private next = 0;
  private slowest = 0;
  private readonly timer: ReturnType<typeof setInterval> | null;

  /** `watch`: ping the worker when a call runs late, where it holds no lifeline (only for workers whose calls are short). */
  constructor(
    private readonly make: () => Worker,
    private readonly onDeath: (reason: string) => void = () => undefined,
    watch = false,
  ) {
    this.spawn();
    this.timer = watch ? setInterval(() => void this.watch(), WATCH_MS) : null;
  }

  private spawn(): void {
    const worker = this.make();
    this.worker = worker;
    this.api = Comlink.wrap<Api>(worker);
    this.dead = false;
    this.held = false;
    let reject: (e: Error) => void = () => undefined;
    const promise = new Promise<never>((_, r) => (reject = r));
    promise.catch(() => undefined);
    this.death = { promise, reject };
    worker.addEventListener('error', (e) => this.kill(`it failed: ${e.message || 'an error in the worker'}`, worker));
    const name = `subnet-lab-worker-${++lifelines}-${Math.random().toString(36).slice(2)}`;
    const started = setTimeout(() => this.kill('it did not start', worker), START_MS);
    this.ready = this.api
      .lifeline(name)
      .then((held) => {
        clearTimeout(started);
        if (!held || this.worker !== worker) return;
        this.held = true;
        // Granted once the worker's own hold on the lock ends: it has ended.
        void withLock(name, async () => this.kill('it ended', worker));
      })
      .catch(() => undefined);
  }

  /** Whether the worker is running (not found dead, replaced or stopped). */
  get alive(): boolean {
    return !this.dead;
  }

  /**
   * A call to the worker, failing with WorkerDied as soon as the worker is found dead. A watched call (the default)
   * lets the watchdog ping the worker when it runs late; starting a run (which may compile shaders for seconds) is not.
   */
  call<T>(f: (api: Comlink.Remote<Api>) => Promise<T>, watched = true): Promise<T> {
    if (this.dead) return Promise.reject(new WorkerDied('the worker is not running'));
    const id = this.next++;
    const t0 = performance.now();
    if (watched) this.inFlight.set(id, t0);
    const api = this.api;
    return Promise.race([this.ready.then(() => f(api)), this.death.promise]).finally(() => {
      this.inFlight.delete(id);
      this.slowest = Math.max(this.slowest, performance.now() - t0);
    });
  }

  private async watch(): Promise<void> {
    if (this.dead || this.held || !this.inFlight.size) return;
    const oldest = Math.min(...this.inFlight.values());
    if (performance.now() - oldest < Math.max(MIN_DEADLINE_MS, 4 * this.slowest)) return;
    const worker = this.worker;
    const answered = await Promise.race([
      Promise.resolve(this.api.ping()).then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), PING_MS)),
    ]);
    if (!answered) this.kill('it stopped answering', worker);
  }

  /** Declares the worker dead (if `worker` is still the current one): every call to it fails, and the owner is told once. */
  private kill(reason: string, worker: Worker): void {
    if (this.dead || this.worker !== worker) return;
    this.dead = true;
    worker.terminate();
    this.inFlight.clear();
    this.death.reject(new WorkerDied(reason));
    this.onDeath(reason);
  }

  /** A fresh worker in place of this one (what the old one held is gone; its calls still in flight fail). */
  replace(): void {
    this.dead = true;
    this.worker.terminate();
    this.inFlight.clear();
    this.death.reject(new WorkerDied('the worker was replaced'));
    this.spawn();
  }

  /** Ends the worker for good; nothing is reported. */
  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.dead = true;
    this.worker.terminate();
    this.death.reject(new WorkerDied('the worker was stopped'));
  }
}
