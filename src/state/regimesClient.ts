/**
 * The regimes view's side of its workers: the regime curves over n for the data in use (recomputed when the
 * training view's data or scheme changes), and the measured phase diagram — one row of n per job on a pool of
 * workers, with progress weighted by each row's estimated work, cancel (finished rows stay) and a refusal, with
 * the estimate and the largest grid that fits, before a grid too large to be useful starts.
 */
import { serializeConfig } from '../core/masked/config';
import {
  listOf,
  PHASE_TABLE,
  type PhaseCell,
  phaseCell,
  phaseConfig,
  phaseRowWork,
  type PhaseSettingsT,
  phaseTooLarge,
} from '../core/regimes/regimes';
import { parseKeys } from '../core/table';
import type { RegimesApi } from '../engine/protocol';
import { CellRunner, poolSize } from './cellRunner';
import type { EngineClient } from './engineClient';
import { LatestCall } from './latestCall';
import { mirrorLink } from './mirror';
import { type RegimesState, useRegimes } from './regimesStore';
import { useRun } from './store';
import { startWorker } from './workerScript';

const makeWorker = () => startWorker('regimes');

/** The n at which the curves are evaluated besides the grid's own and the current run's: powers of 2 up to 512. */
const CURVE_NS = [4, 8, 16, 32, 64, 128, 256, 512];
/** Largest n whose λ_0 the view computes (a float64 eigendecomposition of H^∞ each). */
const CURVE_MAX_N = 1024;

export class RegimesClient {
  private readonly curves = new LatestCall<RegimesApi>(makeWorker);
  private readonly runner = new CellRunner<RegimesApi>(makeWorker);

  constructor(private readonly engine: EngineClient) {}

  /** Applies settings as the form or a link gives them (text per key) and says what was corrected. */
  set(patch: Partial<Record<keyof PhaseSettingsT, string | number>>): void {
    const messages: string[] = [];
    const { config: settings } = parseKeys(PHASE_TABLE, useRegimes.getState().settings, patch, messages);
    useRegimes.setState({ settings, messages });
    mirrorLink();
    void this.refreshCurves();
  }

  /** The curves for the training view's data and scheme and the grid's n (skipped when they are already there). */
  async refreshCurves(): Promise<void> {
    const { config } = useRun.getState();
    const given = this.engine.givenProblem().data;
    const top = given ? Math.min(CURVE_MAX_N, given.X.rows) : CURVE_MAX_N;
    const ns = [...new Set([...CURVE_NS, ...listOf(useRegimes.getState().settings.ns), config.n])]
      .filter((n) => n >= 2 && n <= top)
      .sort((a, b) => a - b);
    const key = `${serializeConfig(config)}|${ns.join()}|${given ? given.X.rows : ''}`;
    const st = useRegimes.getState();
    if (st.curvesKey === key && st.curvesStatus !== 'error') return;
    useRegimes.setState({ curvesStatus: 'running', curvesKey: key });
    const out = await this.curves.run((api) => api.curves(config, ns, given));
    if (out?.ok) useRegimes.setState({ curves: out.value, curvesStatus: 'done' });
    else if (out)
      useRegimes.setState({ curvesStatus: 'error', phaseMessage: `The curves could not be computed: ${out.error}` });
  }

  async startPhase(): Promise<void> {
    if (this.runner.running) return;
    const { settings } = useRegimes.getState();
    const { config: base, backend } = useRun.getState();
    const given = this.engine.givenProblem().data;
    const config = phaseConfig(base, settings.setting);
    const d = given ? given.X.cols : config.d;
    const ns = listOf(settings.ns);
    const ms = listOf(settings.ms);
    const refusal =
      phaseTooLarge(ns, ms, d, settings.seeds, settings.rounds) ??
      (given && Math.max(...ns) > given.X.rows
        ? `n = ${Math.max(...ns)} is more than the ${given.X.rows} rows of the data in use.`
        : null);
    if (refusal) {
      useRegimes.setState({ phaseStatus: 'error', phaseMessage: refusal });
      return;
    }
    this.engine.pause();
    const work = ns.map((n) => phaseRowWork(n, d, ms, settings.seeds, settings.rounds));
    const cells: PhaseCell[] = [];
    useRegimes.setState({
      phaseStatus: 'running',
      phaseMessage: null,
      ran: { settings, d },
      cells: [],
      failures: [],
      workDone: 0,
      workTotal: work.reduce((a, b) => a + b, 0),
      rowsDone: 0,
      rowsTotal: ns.length,
      elapsedMs: 0,
    });
    const t0 = performance.now();
    try {
      const end = await this.runner.run(
        ns.map((n, i) => ({ n, i })),
        poolSize(),
        (api, { n }) => api.row({ ...config, d }, n, ms, settings.seeds, settings.rounds, given),
        {
          onResult: (job, rows) => {
            const n = ns[job];
            rows.forEach((runs, j) => cells.push(phaseCell(n, ms[j], d, runs, settings.eps, settings.rounds)));
            // Rows finish in any order on the pool; the cells (and the CSV) stay in the grid's order.
            cells.sort((a, b) => ns.indexOf(a.n) - ns.indexOf(b.n) || ms.indexOf(a.m) - ms.indexOf(b.m));
            this.rowDone(work[job], t0, { cells: [...cells] });
          },
          onFailed: (job, reason) =>
            this.rowDone(work[job], t0, {
              failures: [...useRegimes.getState().failures, `The row n = ${ns[job]} is left out: ${reason}.`],
            }),
        },
        (api) => api.init(backend?.name ?? null),
      );
      useRegimes.setState({ phaseStatus: end });
    } catch (e) {
      useRegimes.setState({
        phaseStatus: 'error',
        phaseMessage: `The phase diagram stopped: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  }

  /** One more row of n finished (or failed), with what it adds to the state. */
  private rowDone(work: number, t0: number, patch: Partial<RegimesState>): void {
    const s = useRegimes.getState();
    useRegimes.setState({
      ...patch,
      workDone: s.workDone + work,
      rowsDone: s.rowsDone + 1,
      elapsedMs: performance.now() - t0,
    });
  }

  cancelPhase(): void {
    this.runner.cancel();
  }
}
