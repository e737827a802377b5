/**
 * `window.subnetLab`: a small automation API for scripts and tests (documented in the README). It works from the
 * moment it exists: play and step wait for the engine to start (step rejects with the reason when it cannot).
 */
import { linkProblems, readLink } from '../core/link';
import type { Config } from '../core/masked/config';
import type { FunctionSample } from '../core/masked/functionView';
import { type History, METRIC_KEYS } from '../core/masked/metrics';
import type { ModesNow } from '../core/masked/modes';
import type { NoiseSample } from '../core/masked/noiseView';
import type { BackendName } from '../engine/protocol';
import { applyLink, type Clients } from './applyLink';
import type { LessonClient } from './lessonClient';
import { useLesson } from './lessonStore';
import { modesNow } from './modesNow';
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
  /** The open lesson: its id, step (from 1), number of steps and whether the step's goal is reached; null outside one. */
  lesson(): { id: string; step: number; steps: number; goalReached: boolean } | null;
  /** Opens a lesson from its JSON text at its first step; rejects with the refusal's message. */
  openLesson(text: string): Promise<void>;
  /**
   * Opens a configuration given as a link's query string (any view), from a fresh start; resolves, once the run has
   * started, with what the link asked for that was changed or ignored, in words.
   */
  setConfig(query: string): Promise<string[]>;
  /** The main run's function around the circle as last measured (d = 2 data; null otherwise or before the first). */
  function(): FunctionSample | null;
  /** The error in each followed direction of H^∞ at the latest round, measured and predicted (null without the spectrum). */
  modes(): ModesNow | null;
  /**
   * The main run's input-noise numbers as last measured (THEORY.md J.1): the smoothed ReLU at its spread and the expected
   * loss split into the smoothed error and the masks' variance (null without Gaussian input masks, or before the first).
   */
  noise(): NoiseSample | null;
}

export function automationApi(clients: Clients, lessons: LessonClient): SubnetLabApi {
  const client = clients.engine;
  return {
    config: () => ({ ...useRun.getState().config }),
    backend: () => useRun.getState().backend?.name ?? null,
    metrics: () => copyHistory(useRun.getState().history),
    compare: () => useRun.getState().compare.map((c) => ({ ...c })),
    compareMetrics: () => useRun.getState().compareHistories.map(copyHistory),
    messages: () => [...useRun.getState().linkMessages],
    status: () => useRun.getState().status,
    play: () => client.playSoon(),
    pause: () => client.pause(),
    step: (k) => client.step(Math.max(0, Math.floor(k))),
    tensorCount: () => client.tensorCount(),
    lesson: () => {
      const { lesson, step, reached } = useLesson.getState();
      return lesson ? { id: lesson.id, step: step + 1, steps: lesson.steps.length, goalReached: reached } : null;
    },
    function: () => structuredClone(useRun.getState().samples[0]?.circle ?? null),
    modes: () => modesNow(),
    noise: () => structuredClone(useRun.getState().samples[0]?.noise ?? null),
    setConfig: async (query) => {
      if (typeof query !== 'string') throw new Error('setConfig takes a query string such as "scheme=ist&p=4".');
      const link = readLink(query);
      await applyLink(link, clients);
      if (link.view !== 'altmin') await client.whenStarted();
      return linkProblems(query);
    },
    openLesson: (text) =>
      typeof text === 'string'
        ? lessons.openText(text)
        : Promise.reject(new Error('openLesson takes the lesson file\u2019s text (a string).')),
  };
}

function copyHistory(h: History): History {
  const out = { round: [...h.round] } as History;
  for (const k of METRIC_KEYS) out[k] = [...h[k]];
  return out;
}
