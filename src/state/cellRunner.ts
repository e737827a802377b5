/**
 * Runs a list of independent jobs (sweep cells, phase-transition trials) on a pool of Web Workers, one job per
 * call, each result reported as it arrives. Cancel terminates the workers, so a long job stops at once; finished
 * results stay with the caller. Sweeps, the AltMin phase transition and the regimes phase diagram share it.
 */
import * as Comlink from 'comlink';

export type RunEnd = 'done' | 'cancelled';

export class CellRunner<Api> {
  private workers: Worker[] = [];
  private cancelled = false;

  constructor(private readonly makeWorker: () => Worker) {}

  get running(): boolean {
    return this.workers.length > 0;
  }

  /**
   * Runs every job on `size` workers (each first set up by `setup`); `onResult(i, r)` for job i. Resolves 'done' or
   * 'cancelled'; rejects with the first job's error (the other workers are stopped).
   */
  async run<Job, Result>(
    jobs: readonly Job[],
    size: number,
    call: (api: Comlink.Remote<Api>, job: Job) => Promise<Result>,
    onResult: (i: number, result: Result) => void,
    setup?: (api: Comlink.Remote<Api>) => Promise<unknown>,
  ): Promise<RunEnd> {
    if (this.running) throw new Error('already running');
    this.cancelled = false;
    const pool = Array.from({ length: Math.max(1, Math.min(size, jobs.length)) }, () => this.makeWorker());
    this.workers = pool;
    let next = 0;
    const lane = async (worker: Worker) => {
      const api = Comlink.wrap<Api>(worker);
      if (setup) await setup(api);
      while (!this.cancelled && next < jobs.length) {
        const i = next++;
        const result = await call(api, jobs[i]);
        if (this.cancelled) return;
        onResult(i, result);
      }
    };
    try {
      await Promise.race([Promise.all(pool.map(lane)), this.whenCancelled()]);
    } finally {
      if (this.workers === pool) this.stop();
    }
    return this.cancelled ? 'cancelled' : 'done';
  }

  private cancelWaiters: (() => void)[] = [];

  private whenCancelled(): Promise<void> {
    return new Promise((resolve) => this.cancelWaiters.push(resolve));
  }

  /** Stops every worker now. */
  cancel(): void {
    if (!this.running) return;
    this.cancelled = true;
    this.stop();
  }

  private stop(): void {
    for (const w of this.workers) w.terminate();
    this.workers = [];
    for (const f of this.cancelWaiters.splice(0)) f();
  }
}

/** Workers a pool may use here: the device's cores, at most four. */
export function poolSize(): number {
  return Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1));
}
