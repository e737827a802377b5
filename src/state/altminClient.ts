/**
 * The AltMin view's side of its worker: runs AltMin and GD from the current start whenever a setting changes (a
 * newer request ends the older worker at once), and the recovery phase transition on a pool of workers with
 * progress and cancel. Sizes whose iterations would take seconds are refused before anything runs.
 */
import { type AltMinConfig, altminTooLarge, paperStarts, parseAltMinOver, phaseNs } from '../core/altmin/config';
import { phaseTrials } from '../core/altmin/phase';
import { METHODS } from '../core/altmin/run';
import type { AltMinApi } from '../engine/protocol';
import { type AltMinState, useAltMin } from './altminStore';
import { CellRunner, poolSize } from './cellRunner';
import { LatestCall } from './latestCall';
import { mirrorLink } from './mirror';
import { startWorker } from './workerScript';

/** Settings only the phase transition uses. */
const PHASE_ONLY: (keyof AltMinConfig)[] = ['ns', 'trials'];

const makeWorker = () => startWorker('altmin');

export class AltMinClient {
  private readonly traces = new LatestCall<AltMinApi>(makeWorker);
  private readonly runner = new CellRunner<AltMinApi>(makeWorker);

  /**
   * Applies changed settings (as a control or link gives them: text per key), says what was corrected, and re-runs
   * the traces when a setting they use changed.
   */
  set(patch: Partial<Record<keyof AltMinConfig, string | number>>): void {
    const prev = useAltMin.getState().config;
    const { config, messages } = parseAltMinOver(prev, patch);
    useAltMin.setState({ config, messages });
    mirrorLink();
    if ((Object.keys(config) as (keyof AltMinConfig)[]).some((k) => !PHASE_ONLY.includes(k) && config[k] !== prev[k]))
      void this.runTraces();
  }

  /** AltMin and GD from the current start, in a fresh worker (any older run is ended). */
  async runTraces(): Promise<void> {
    const { config } = useAltMin.getState();
    const refusal = altminTooLarge(config);
    if (refusal) {
      this.traces.cancel();
      useAltMin.setState({ traceStatus: 'error', traceMessage: refusal, traces: null });
      return;
    }
    useAltMin.setState({ traceStatus: 'running', traceMessage: null });
    const t0 = performance.now();
    const out = await this.traces.run((api) => api.traces(config));
    if (out?.ok)
      useAltMin.setState({ traceStatus: 'done', traces: out.value, traceSeconds: (performance.now() - t0) / 1000 });
    else if (out) useAltMin.setState({ traceStatus: 'error', traceMessage: `AltMin stopped: ${out.error}` });
  }

  /** The phase transition over the settings' n values and trials: AltMin and GD from the model's two starts. */
  async startPhase(): Promise<void> {
    if (this.runner.running) return;
    const { config } = useAltMin.getState();
    const ns = phaseNs(config);
    const refusal = altminTooLarge({ ...config, n: Math.max(...ns) });
    if (refusal) {
      useAltMin.setState({ phaseStatus: 'error', phaseMessage: refusal });
      return;
    }
    const trials = phaseTrials(ns, config.trials);
    const results: AltMinState['results'] = [];
    useAltMin.setState({
      phaseStatus: 'running',
      phaseMessage: null,
      phaseConfig: config,
      results: [],
      failures: [],
      total: trials.length,
      elapsedMs: 0,
    });
    const t0 = performance.now();
    const starts = paperStarts(config.model);
    try {
      const end = await this.runner.run(
        trials,
        poolSize(),
        (api, spec) => api.trial(config, spec, starts, [...METHODS]),
        {
          onResult: (_, r) => {
            results.push(r);
            useAltMin.setState({ results: [...results], elapsedMs: performance.now() - t0 });
          },
          onFailed: (i, reason) => {
            const failure = `Trial ${trials[i].trial + 1} at n = ${trials[i].n} is left out: ${reason}.`;
            useAltMin.setState((s) => ({ failures: [...s.failures, failure], elapsedMs: performance.now() - t0 }));
          },
        },
      );
      useAltMin.setState({ phaseStatus: end });
    } catch (e) {
      useAltMin.setState({
        phaseStatus: 'error',
        phaseMessage: `The phase transition stopped: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  }

  cancelPhase(): void {
    this.runner.cancel();
  }
}
