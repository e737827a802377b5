/**
 * `window.subnetLab`: a small automation API for scripts and tests (documented in the README). It works from the
 * moment it exists: play and step wait for the engine to start (step rejects with the reason when it cannot).
 */
import type { Config } from '../core/masked/config';
import { type History, METRIC_KEYS } from '../core/masked/metrics';
import type { BackendName } from '../engine/protocol';
import type { EngineClient } from './engineClient';
import { useRun } from './store';

export interface SubnetLabApi {
  config(): Config;
  backend(): BackendName | null;
  metrics(): History;
  /** The compared runs' configs and metrics (empty without a comparison). */
  compare(): Config[];
  compareMetrics(): History[];
  messages(): string[];
  status(): string;
  play(): void;
  pause(): void;
  step(k: number): Promise<void>;
  tensorCount(): Promise<number>;
}

export function automationApi(client: EngineClient): SubnetLabApi {
  return {
    config: () => ({ ...useRun.getState().config }),
    backend: () => useRun.getState().backend?.name ?? null,
    metrics: () => copyHistory(useRun.getState().history),
    compare: () => useRun.getState().compare.map((c) => ({ ...c })),
    compareMetrics: () => useRun.getState().compareHistories.map(copyHistory),
    messages: () => [...useRun.getState().linkMessages],
    status: () => useRun.getState().status,
    play: () =>
      void client.whenStarted().then(
        () => client.play(),
        () => undefined,
      ),
    pause: () => client.pause(),
    step: (k) => client.step(Math.max(0, Math.floor(k))),
    tensorCount: () => client.tensorCount(),
  };
}

function copyHistory(h: History): History {
  const out = { round: [...h.round] } as History;
  for (const k of METRIC_KEYS) out[k] = [...h[k]];
  return out;
}
