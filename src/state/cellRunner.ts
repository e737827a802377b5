/**
 * Runs a list of independent jobs (sweep cells, phase-transition trials) on a pool of Web Workers, one job per
 * call, each result reported as it arrives. Cancel ends the workers, so a long job stops at once; finished
 * results stay with the caller. A worker that dies mid-job is replaced and its job run again once on the new one;
 * a job whose worker dies twice is reported failed with the reason, and the others go on. Sweeps, the AltMin phase
 * transition and the regimes phase diagram share it.
 */
import type * as Comlink from 'comlink';

import type { Guarded } from '../engine/protocol';
import { GuardedWorker, WorkerDied } from './guardedWorker';

export type RunEnd = 'done' | 'cancelled';

/** How many times a job runs at most when its worker dies under it. */
const TRIES = 2;

export interface Handlers<Result> {
  onResult: (i: number, result: Result) => void;
  /** Job i was lost twice with its worker: why, in words. */
  onFailed: (i: number, reason: string) => void;
}

export class CellRunner<Api extends Guarded> {
  private workers: GuardedWorker<Api>[] = [];
  private cancelled = false;

  constructor(private readonly makeWorker: () => Worker) {}

  get running(): boolean {
    return this.workers.length > 0;
  }

  /**
   * Runs every job on `size` workers (each first set up by `setup`). Resolves 'done' or 'cancelled'; rejects with
   * the first job's error (the other workers are stopped).
   */
  async run<Job, Result>(
    jobs: readonly Job[],
    size: number,
    call: (api: Comlink.Remote<Api>, job: Job) => Promise<Result>,
    { onResult, onFailed }: Handlers<Result>,
    setup?: (api: Comlink.Remote<Api>) => Promise<unknown>,
  ): Promise<RunEnd> {
    if (this.running) throw new Error('already running');
    this.cancelled = false;
    const pool = Array.from(
      { length: Math.max(1, Math.min(size, jobs.length)) },
      () => new GuardedWorker<Api>(this.makeWorker),
    );
    this.workers = pool;
    let next = 0;
    const lane = async (worker: GuardedWorker<Api>) => {
      let fresh = true;
      while (!this.cancelled && next < jobs.length) {
        const i = next++;
        for (let tries = 1; ; tries++) {
          try {
            if (fresh && setup) await worker.call(setup);
            fresh = false;
            const result = await worker.call((api) => call(api, jobs[i]));
            if (!this.cancelled) onResult(i, result);
            break;
          } catch (e) {
            // A worker that dies while it sets up or runs job i: a new one, and job i once more.
            if (!(e instanceof WorkerDied) || this.cancelled) throw e;
            worker.replace();
            fresh = true;
            if (tries < TRIES) continue;
            onFailed(i, `its worker stopped twice (${e.message})`);
            break;
          }
        }
      }
    };
    try {
      await Promise.race([Promise.all(pool.map(lane)), this.whenCancelled()]);
    } catch (e) {
      if (!this.cancelled) throw e;
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
    for (const w of this.workers) w.dispose();
    this.workers = [];
    for (const f of this.cancelWaiters.splice(0)) f();
  }
}

/** Workers a pool may use here: the device's cores, at most four. */
export function poolSize(): number {
  return Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1));
}
