/**
 * Runs a sweep from the page: pauses the live run, starts a sweep worker on the live run's backend, trains the
 * cells one after another on the live run's data (uploaded data included) and stores each result as it comes;
 * cancel ends the worker (a long cell stops at once) and keeps the finished cells. Sweeps too large for the
 * device are refused before anything runs.
 */
import * as Comlink from 'comlink';
import { MAX_WIDTH } from '../core/config';
import { tooLarge } from '../core/limits';
import { sweepCells, sweepRule } from '../core/sweep';
import type { SweepApi } from '../engine/protocol';
import type { EngineClient } from './engineClient';
import { useRun } from './store';
import { useSweep, type SweepCell } from './sweepStore';

export class SweepClient {
  private worker: Worker | null = null;

  constructor(private readonly engine: EngineClient) {}

  async start(): Promise<void> {
    if (this.worker) return;
    const { kind, lists, rounds, tau } = useSweep.getState();
    const { config, backend } = useRun.getState();
    const made = sweepCells(kind, config, lists, tau);
    if (!made.ok) {
      useSweep.setState({ status: 'error', message: made.error });
      return;
    }
    const big = backend && made.cells.map((c) => tooLarge(c.config, backend.limits, MAX_WIDTH)).find(Boolean);
    if (big) {
      useSweep.setState({ status: 'error', message: `A cell of this sweep is too large for the device. ${big}` });
      return;
    }
    this.engine.pause();
    const worker = new Worker(new URL('../engine/sweepWorker.ts', import.meta.url), { type: 'module' });
    this.worker = worker;
    const api = Comlink.wrap<SweepApi>(worker);
    const cells: SweepCell[] = made.cells.map((c) => ({ ...c, result: null }));
    const notes = cells.flatMap((c) => c.messages.map((m) => `${Object.entries(c.at).map(([k, v]) => `${k} = ${v}`).join(', ')}: ${m}`));
    useSweep.setState({ status: 'running', message: null, notes, ranKind: kind, cells, done: 0, elapsedMs: 0 });
    const t0 = performance.now();
    try {
      await api.init(backend?.name ?? null);
      const rule = sweepRule(rounds);
      const given = this.engine.givenProblem();
      for (let i = 0; i < cells.length && this.worker === worker; i++) {
        const result = await api.cell(cells[i].config, rounds, rule, given);
        if (this.worker !== worker) return;
        cells[i] = { ...cells[i], result };
        useSweep.setState({ cells: [...cells], done: i + 1, elapsedMs: performance.now() - t0 });
      }
      useSweep.setState({ status: 'done' });
    } catch (e) {
      if (this.worker === worker) useSweep.setState({ status: 'error', message: `The sweep stopped: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      if (this.worker === worker) this.stopWorker();
    }
  }

  /** Stops the sweep now; the finished cells stay. */
  cancel(): void {
    if (!this.worker) return;
    this.stopWorker();
    useSweep.setState({ status: 'cancelled' });
  }

  private stopWorker(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
