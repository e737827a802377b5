/**
 * Runs a sweep from the page: pauses the live run, starts sweep workers on the live run's backend (one on a GPU,
 * one per core on the CPU backends), trains the cells on the live run's data (uploaded data included), each until its
 * own predicted plateau under the panel's cap of rounds, a batch at a time (the cells that share a width and p, as one
 * program: core/masked/sweep.ts sweepBatches), and stores each batch's results as they come;
 * cancel ends the workers (a long batch stops at once) and keeps the finished cells. Sweeps too large for the device
 * are refused before anything runs.
 */
import { MAX_WIDTH } from '../core/masked/config';
import { tooLarge } from '../core/masked/limits';
import { sweepBatches, sweepCells } from '../core/masked/sweep';
import type { SweepApi } from '../engine/protocol';
import { CellRunner, poolSize } from './cellRunner';
import type { EngineClient } from './engineClient';
import { useRun } from './store';
import { type SweepCell, useSweep } from './sweepStore';
import { startWorker } from './workerScript';

export class SweepClient {
  private readonly runner = new CellRunner<SweepApi>(() => startWorker('sweep'));

  constructor(private readonly engine: EngineClient) {}

  async start(): Promise<void> {
    if (this.runner.running) return;
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
    const cells: SweepCell[] = made.cells.map((c) => ({ ...c, result: null }));
    const notes = cells.flatMap((c) =>
      c.messages.map(
        (m) =>
          `${Object.entries(c.asked)
            .map(([k, v]) => `${k} = ${v}`)
            .join(', ')}: ${m}`,
      ),
    );
    useSweep.setState({ status: 'running', message: null, notes, ranKind: kind, cells, done: 0, elapsedMs: 0 });
    const t0 = performance.now();
    const given = this.engine.givenProblem();
    let done = 0;
    const batches = sweepBatches(cells.map((c) => c.config));
    try {
      // On a GPU the cells share one device, so one worker; on the CPU backends one worker per core.
      const size = backend?.name === 'webgpu' || backend?.name === 'webgl' ? 1 : poolSize();
      const end = await this.runner.run(
        batches,
        size,
        (api, batch) =>
          api.cells(
            batch.map((i) => cells[i].config),
            { mode: 'plateau', cap: rounds },
            given,
          ),
        {
          onResult: (b, results) => {
            batches[b].forEach((i, j) => (cells[i] = { ...cells[i], result: results[j] }));
            done += batches[b].length;
            useSweep.setState({ cells: [...cells], done, elapsedMs: performance.now() - t0 });
          },
          onFailed: (b, reason) => {
            for (const i of batches[b]) cells[i] = { ...cells[i], failed: reason };
            done += batches[b].length;
            useSweep.setState({ cells: [...cells], done, elapsedMs: performance.now() - t0 });
          },
        },
        (api) => api.init(backend?.name ?? null),
      );
      useSweep.setState({ status: end });
    } catch (e) {
      useSweep.setState({
        status: 'error',
        message: `The sweep stopped: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  }

  /** Stops the sweep now; the finished cells stay. */
  cancel(): void {
    this.runner.cancel();
  }
}
