/**
 * Lessons on the page: opens a built-in lesson or a lesson file's text at a step — the step's link applied to its
 * view (the training run restarts from it, the regimes and AltMin views take its settings) — moves between steps,
 * and watches the step's goal: a few times a second it builds the open view's snapshot (core/lessons/snapshot.ts)
 * and evaluates the goal, which then stays reached for that visit of the step. The lesson editor reads the same
 * snapshot, and the run's own noise beside it.
 */
import { parseLesson, solvedLink, type Step } from '../core/lessons/format';
import { evaluateGoal, type Snapshot } from '../core/lessons/goals';
import { encodeLesson } from '../core/lessons/share';
import {
  altminMetrics,
  configValues,
  type Freshness,
  type Metrics,
  regimesMetrics,
  trainMetrics,
  trainNoise,
} from '../core/lessons/snapshot';
import { readLink } from '../core/link';
import type { AltMinClient } from './altminClient';
import { useAltMin } from './altminStore';
import { applyLink } from './applyLink';
import { BUILT_IN } from './builtinLessons';
import type { EngineClient } from './engineClient';
import type { LessonRequest } from './lessonLink';
import { useLesson } from './lessonStore';
import { mirrorLink } from './mirror';
import type { RegimesClient } from './regimesClient';
import { useRegimes } from './regimesStore';
import { useRun } from './store';
import { useView } from './view';

/** How often the goal is checked while anything changes. */
const CHECK_MS = 250;

/** The settings a step names — its link's keys and those its goal compares — whose change makes earlier numbers stale. */
export function namedKeys(step: Step): Set<string> {
  const keys = new Set(new URLSearchParams(step.link).keys());
  for (const c of step.goal?.conditions ?? []) if (c.config !== undefined) keys.add(c.config);
  return keys;
}

/**
 * The snapshot of the open view that a step's goal is evaluated against. In the training view only measurements the
 * step's own run made count: after the round of the last change of a setting the step names (none: after round 0, so
 * the numbers a step opens with never reach its goal).
 */
export function snapshotNow(named: ReadonlySet<string>): Snapshot {
  const view = useView.getState().view;
  const run = useRun.getState();
  if (view === 'altmin') {
    const a = useAltMin.getState();
    return {
      view,
      config: configValues(a.config),
      // Traces still being computed are the last configuration's: they do not count.
      runs: [altminMetrics(a.traceStatus === 'done' ? a.traces : null, a.results.length, a.total)],
    };
  }
  if (view === 'regimes') {
    const r = useRegimes.getState();
    return {
      view,
      config: configValues(run.config, r.ran?.settings ?? r.settings),
      runs: [regimesMetrics(r.cells, r.rowsDone, r.rowsTotal, r.ran?.d ?? run.config.d)],
    };
  }
  const histories = [run.history, ...run.compareHistories];
  const f = freshness(named);
  return {
    view,
    config: configValues(run.config),
    runs: [run.config, ...run.compare]
      .slice(0, histories.length)
      .map((c, i) =>
        trainMetrics(c, histories[i], run.basis, i === 0 ? f : { fresh: 0, since: 0, status: run.status }),
      ),
  };
}

/** Which of the main run's measurements count for a step naming the settings `named` (see snapshotNow). */
function freshness(named: ReadonlySet<string>): Freshness {
  const run = useRun.getState();
  const since = run.markers.at(-1)?.round ?? 0;
  const changed = run.markers.filter((m) => m.keys.some((k) => named.has(k))).at(-1);
  return { fresh: changed ? changed.round - 1 : 0, since, status: run.status };
}

/**
 * The main training run's own noise in each metric, counted as snapshotNow counts its values (what `lesson check`
 * measures as the run's noise); nothing outside the training view, whose results are not noisy round by round.
 */
export function noiseNow(named: ReadonlySet<string>): Metrics {
  if (useView.getState().view !== 'train') return {};
  const run = useRun.getState();
  return trainNoise(run.config, run.history, run.basis, freshness(named));
}

export class LessonClient {
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The run the open step set up (null while it is being set up): its goal reads that run and the ones after it. */
  private stepRun: number | null = null;
  private readonly goalListeners = new Set<(step: number) => void>();

  constructor(
    private readonly engine: EngineClient,
    private readonly regimes: RegimesClient,
    private readonly altmin: AltMinClient,
  ) {
    const schedule = () => this.scheduleCheck();
    useRun.subscribe(schedule);
    useRegimes.subscribe(schedule);
    useAltMin.subscribe(schedule);
    useView.subscribe(schedule);
  }

  /** Called with the step (from 1) whenever a step's goal is first reached. */
  onGoal(f: (step: number) => void): () => void {
    this.goalListeners.add(f);
    return () => this.goalListeners.delete(f);
  }

  /**
   * Puts a lesson the address asked for in the store before the engine starts, and returns the query the app should
   * boot with: the step's link with the address's other keys set over it.
   */
  prepare(req: LessonRequest): string {
    // The app's first run (the boot's) is the step's own.
    this.stepRun = useRun.getState().runId + 1;
    useLesson.setState({
      lesson: req.lesson,
      custom: req.text === null ? null : { text: req.text, fragment: null },
      step: req.step,
      message: req.message,
    });
    if (req.text !== null) void this.encode(req.text);
    return solvedLink(req.lesson.steps[req.step].link, req.overrides);
  }

  private async encode(text: string): Promise<void> {
    const fragment = await encodeLesson(text);
    if (useLesson.getState().custom?.text !== text) return;
    useLesson.setState({ custom: { text, fragment } });
    mirrorLink();
  }

  /** Opens a built-in lesson by id at a step (from 0), the step's link with `overrides` set over it. */
  async openBuiltIn(id: string, step = 0, overrides = ''): Promise<boolean> {
    const lesson = BUILT_IN.find((l) => l.id === id);
    if (!lesson) {
      useLesson.setState({
        listOpen: true,
        message: `There is no built-in lesson "${id.slice(0, 40)}". Choose one of these, or open a lesson file.`,
      });
      return false;
    }
    useLesson.setState({ lesson, custom: null, listOpen: false, welcome: false, message: null });
    await this.goTo(step, overrides);
    return true;
  }

  /** Opens a lesson from its file text at a step; rejects with the refusal's message, changing nothing else. */
  async openText(text: string, step = 0, overrides = ''): Promise<void> {
    const res = parseLesson(text);
    if (!res.ok) {
      useLesson.setState({ message: res.error });
      throw new Error(res.error);
    }
    useLesson.setState({
      lesson: res.lesson,
      custom: { text, fragment: null },
      listOpen: false,
      welcome: false,
      message: null,
    });
    const fragment = await encodeLesson(text);
    if (useLesson.getState().custom?.text === text) useLesson.setState({ custom: { text, fragment } });
    await this.goTo(step, overrides);
  }

  /** Opens step i (from 0, clamped to the lesson): its view and configuration, from a fresh start. */
  async goTo(i: number, overrides = ''): Promise<void> {
    const { lesson } = useLesson.getState();
    if (!lesson) return;
    const index = Math.max(0, Math.min(lesson.steps.length - 1, i));
    const step = lesson.steps[index];
    const link = readLink(overrides ? solvedLink(step.link, overrides) : step.link);
    this.stepRun = null;
    // A step starts paused: its task says when to press Play.
    this.engine.pause();
    // A new step opens over the view, except on a projector, where the lesson stays one line until asked for.
    useLesson.setState({
      step: index,
      goal: null,
      reached: false,
      revealed: false,
      collapsed: useView.getState().presenting,
    });
    await applyLink(link, { engine: this.engine, regimes: this.regimes, altmin: this.altmin });
    this.stepRun = useRun.getState().runId;
    this.scheduleCheck();
  }

  /** Applies the step's solution (a fresh start from the solved link). */
  showSolution(): Promise<void> {
    const { lesson, step } = useLesson.getState();
    const solution = lesson?.steps[step].solution;
    return solution === null || solution === undefined ? Promise.resolve() : this.goTo(step, solution);
  }

  close(): void {
    useLesson.setState({ lesson: null, custom: null, goal: null, reached: false, message: null });
    mirrorLink();
  }

  private scheduleCheck(): void {
    if (this.timer || !useLesson.getState().lesson) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.check();
    }, CHECK_MS);
  }

  private check(): void {
    const { lesson, step, reached } = useLesson.getState();
    const s = lesson?.steps[step];
    if (!s?.goal) return;
    if (readLink(s.link).view !== useView.getState().view) return;
    // Until the step's own run has started, the numbers on screen are the last step's: nothing is measured yet.
    const own = this.stepRun !== null && useRun.getState().runId >= this.stepRun;
    const goal = evaluateGoal(s.goal, own ? snapshotNow(namedKeys(s)) : { view: 'train', config: {}, runs: [] });
    useLesson.setState({ goal, reached: reached || goal.reached });
    if (!reached && goal.reached) for (const f of this.goalListeners) f(step + 1);
  }
}
