/**
 * One call at a time in a fresh Web Worker, where only the newest call matters (results that follow the settings:
 * AltMin's traces, the regimes curves, a large problem's spectrum): a newer call ends the older worker at once, and
 * an older call's result or error is dropped. A worker that dies answers with its reason instead of never.
 */
import type * as Comlink from 'comlink';

import type { Guarded } from '../engine/protocol';
import { GuardedWorker, WorkerDied } from './guardedWorker';

export type Outcome<R> = { ok: true; value: R } | { ok: false; error: string } | null;

export class LatestCall<Api extends Guarded> {
  private worker: GuardedWorker<Api> | null = null;

  constructor(private readonly make: () => Worker) {}

  /** The call's result, its error in words, or null when a newer call (or cancel) superseded it. */
  async run<R>(call: (api: Comlink.Remote<Api>) => Promise<R>): Promise<Outcome<R>> {
    this.cancel();
    const worker = new GuardedWorker<Api>(this.make);
    this.worker = worker;
    try {
      const value = await worker.call(call);
      return this.worker === worker ? { ok: true, value } : null;
    } catch (e) {
      if (this.worker !== worker) return null;
      const error =
        e instanceof WorkerDied ? `its worker stopped (${e.message})` : e instanceof Error ? e.message : String(e);
      return { ok: false, error };
    } finally {
      if (this.worker === worker) this.cancel();
    }
  }

  /** Ends the call in flight, if any. */
  cancel(): void {
    this.worker?.dispose();
    this.worker = null;
  }
}
