/**
 * One call at a time in a fresh Web Worker, where only the newest call matters (results that follow the settings:
 * AltMin's traces, the regimes curves, a large problem's spectrum): a newer call ends the older worker at once, and
 * an older call's result or error is dropped.
 */
import * as Comlink from 'comlink';

export type Outcome<R> = { ok: true; value: R } | { ok: false; error: string } | null;

export class LatestCall<Api> {
  private worker: Worker | null = null;

  constructor(private readonly make: () => Worker) {}

  /** The call's result, its error in words, or null when a newer call (or cancel) superseded it. */
  async run<R>(call: (api: Comlink.Remote<Api>) => Promise<R>): Promise<Outcome<R>> {
    this.cancel();
    const worker = this.make();
    this.worker = worker;
    try {
      const value = await call(Comlink.wrap<Api>(worker));
      return this.worker === worker ? { ok: true, value } : null;
    } catch (e) {
      return this.worker === worker ? { ok: false, error: e instanceof Error ? e.message : String(e) } : null;
    } finally {
      if (this.worker === worker) this.cancel();
    }
  }

  /** Ends the call in flight, if any. */
  cancel(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
