/**
 * A Web Worker behind Comlink that is known to be alive. A worker can die without a word — out of memory, a WASM trap,
 * the browser reclaiming it, or `self.close()` — and then every call to it waits forever. Here every call fails at
 * once when the worker is found dead: a call that takes longer than its deadline (four times the slowest call seen,
 * and at least a few seconds) sends a ping, and a worker that cannot answer it in time is dead. An `error` event
 * kills it too. The owner hears of the death once, and can start a fresh worker with `replace()`.
 */
import * as Comlink from 'comlink';

export class WorkerDied extends Error {}

/** How often overdue calls are looked at, the least deadline, and how long a ping may take. */
const WATCH_MS = 1000;
const MIN_DEADLINE_MS = 3000;
const PING_MS = 3000;

interface Pingable {
  ping(): boolean | Promise<boolean>;
}

export class GuardedWorker<Api extends Pingable> {
  api!: Comlink.Remote<Api>;
  private worker!: Worker;
  private death!: { promise: Promise<never>; reject: (e: Error) => void };
  private dead = false;
  private readonly inFlight = new Map<number, number>();
  private next = 0;
  private slowest = 0;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly make: () => Worker,
    private readonly onDeath: (reason: string) => void,
  ) {
    this.spawn();
    this.timer = setInterval(() => void this.watch(), WATCH_MS);
  }

  private spawn(): void {
    this.worker = this.make();
    this.api = Comlink.wrap<Api>(this.worker);
    this.dead = false;
    let reject: (e: Error) => void = () => undefined;
    const promise = new Promise<never>((_, r) => (reject = r));
    promise.catch(() => undefined);
    this.death = { promise, reject };
    this.worker.addEventListener('error', (e) => this.kill(`it failed: ${e.message || 'an error in the worker'}`));
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
    return Promise.race([f(this.api), this.death.promise]).finally(() => {
      this.inFlight.delete(id);
      this.slowest = Math.max(this.slowest, performance.now() - t0);
    });
  }

  private async watch(): Promise<void> {
    if (this.dead || !this.inFlight.size) return;
    const oldest = Math.min(...this.inFlight.values());
    if (performance.now() - oldest < Math.max(MIN_DEADLINE_MS, 4 * this.slowest)) return;
    const answered = await Promise.race([
      Promise.resolve(this.api.ping()).then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), PING_MS)),
    ]);
    if (!answered) this.kill('it stopped answering');
  }

  /** Declares the worker dead: every call to it fails, and the owner is told once. */
  kill(reason: string): void {
    if (this.dead) return;
    this.dead = true;
    this.worker.terminate();
    this.inFlight.clear();
    this.death.reject(new WorkerDied(reason));
    this.onDeath(reason);
  }

  /** A fresh worker in place of a dead one (what the old one held is gone). */
  replace(): void {
    if (!this.dead) this.worker.terminate();
    this.spawn();
  }

  dispose(): void {
    clearInterval(this.timer);
    this.worker.terminate();
  }
}
