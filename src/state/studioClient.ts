/**
 * The lesson editor's side of the app: opens the editor on a draft (a new lesson, the one kept in this browser, a
 * copy of a lesson), captures the app as it is as a step — its link with only the keys that differ from the defaults,
 * the panel in focus — opens a step's link or its solution, takes the current settings as a step's solution, measures
 * each step's own link while the app shows it (what a student who only waits sees), checks the draft in a Web Worker
 * exactly as `lesson check` does, and hands the lesson out (its file, its `#lesson=` link).
 */
import { minimalQuery, sameSettings, solutionFrom } from '../core/lessons/capture';
import { type Lesson, solvedLink } from '../core/lessons/format';
import { encodeLesson } from '../core/lessons/share';
import { linkQuery, readLink } from '../core/link';
import { PANELS } from '../core/panels';
import type { LessonCheckApi } from '../engine/protocol';
import { useAltMin } from './altminStore';
import { applyLink, type Clients } from './applyLink';
import { GuardedWorker } from './guardedWorker';
import { type LessonClient, namedKeys, noiseNow, snapshotNow } from './lessonClient';
import { useLesson } from './lessonStore';
import { usePace } from './pace';
import { useRegimes } from './regimesStore';
import { useRun } from './store';
import {
  type CheckState,
  type Draft,
  draftOf,
  draftRefusal,
  type DraftStep,
  draftText,
  edit,
  editStep,
  emptyDraft,
  newUid,
  readDraft,
  startDraft,
  storedDraft,
  useStudio,
} from './studioStore';
import { useView } from './view';
import { startWorker } from './workerScript';

/** The most rounds the check trains a step for (lesson check's default). */
const MAX_ROUNDS = 20_000;
/** How often the steps' own links are measured while the app shows one. */
const MEASURE_MS = 500;

export class StudioClient {
  private checker: GuardedWorker<LessonCheckApi> | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly lessons: LessonClient,
    private readonly clients: Clients,
  ) {
    // A lesson opened for a student (a file dropped on the page, a Start) ends the editing; the draft stays.
    useLesson.subscribe((s, prev) => {
      if (s.lesson && !prev.lesson && useStudio.getState().open) this.close();
    });
  }

  /** Opens the editor on a draft; a student's lesson that is open closes (the editor shows the app as it is). */
  private open(d: Draft): void {
    if (useLesson.getState().lesson) this.lessons.close();
    useLesson.setState({ listOpen: false, welcome: false });
    startDraft(d);
    this.timer ??= setInterval(() => this.measure(), MEASURE_MS);
  }

  newLesson(): void {
    this.open(emptyDraft());
  }

  /** The draft this session was editing, or the one kept in this browser; null when there is none. */
  lastDraft(): Draft | null {
    const { draft } = useStudio.getState();
    return draft.steps.length ? draft : storedDraft();
  }

  continueDraft(): void {
    const d = this.lastDraft();
    if (d) this.open(d);
  }

  /** Edits a lesson: a built-in one as a copy (its own id and title), a custom one as it is. */
  editLesson(lesson: Lesson, builtIn: boolean): void {
    const d = draftOf(lesson);
    this.open(builtIn ? { ...d, id: `${lesson.id}-copy`.slice(0, 64), title: `${lesson.title} (copy)` } : d);
  }

  /** Opens a lesson file (or a draft saved before it was finished) in the editor; false when it is neither. */
  openFile(text: string): boolean {
    const d = readDraft(text);
    if (!d) {
      useStudio.setState({ message: 'That file is not a lesson (not JSON with a list of steps).' });
      return false;
    }
    this.open(d);
    return true;
  }

  close(): void {
    this.cancelCheck();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    useStudio.setState({ open: false, message: null });
  }

  /** The app's link now: its view and settings (no backend, presentation or embed keys). */
  currentQuery(): string {
    const { config, compare } = useRun.getState();
    return linkQuery({
      view: useView.getState().view,
      config,
      compare,
      altmin: useAltMin.getState().config,
      phase: useRegimes.getState().settings,
      backend: null,
      presenting: false,
      pace: usePace.getState(),
      embed: null,
    });
  }

  /** "Add this as a step": the app as it is, and the panel in focus, as a new step after the others. */
  addStep(): void {
    const link = minimalQuery(this.currentQuery());
    const view = readLink(link).view;
    const { focus, draft } = useStudio.getState();
    const step: DraftStep = {
      uid: newUid(),
      title: '',
      text: '',
      link,
      focus: focus && PANELS[focus] === view ? focus : null,
      control: null,
      goal: null,
      solution: null,
      question: null,
      lock: [],
      hide: [],
    };
    edit((d) => ({ ...d, steps: [...d.steps, step] }), undefined, draft.steps.length);
    this.measure();
  }

  /** The step's link from the app as it is now; what belonged to another view (focus, goal, locks…) is cleared. */
  recapture(i: number): void {
    const step = useStudio.getState().draft.steps[i];
    if (!step) return;
    const link = minimalQuery(this.currentQuery());
    const same = readLink(link).view === readLink(step.link).view;
    editStep(i, same ? { link } : { link, focus: null, control: null, goal: null, solution: null, lock: [], hide: [] });
    this.measure();
  }

  /** Opens the step's link (or its solution over it), paused, as the student's step opens. */
  async openStep(i: number, solved = false): Promise<void> {
    const step = useStudio.getState().draft.steps[i];
    if (!step) return;
    this.clients.engine.pause();
    await applyLink(
      readLink(solved && step.solution !== null ? solvedLink(step.link, step.solution) : step.link),
      this.clients,
    );
  }

  /** "Use the current settings as the solution" for step i; false (with the reason shown) from another view. */
  useSolution(i: number): boolean {
    const step = useStudio.getState().draft.steps[i];
    if (!step) return false;
    const solution = solutionFrom(step.link, this.currentQuery());
    if (solution === null) {
      useStudio.setState({
        message: `A solution stays in its step's view: open the ${readLink(step.link).view} view and set it up there.`,
      });
      return false;
    }
    editStep(i, { solution });
    return true;
  }

  /** Records each step's own link as measured, for every step whose settings the app shows now. */
  private measure(): void {
    const { draft, starts } = useStudio.getState();
    const now = this.currentQuery();
    const round = useRun.getState().history.round.at(-1) ?? 0;
    let next: typeof starts | null = null;
    for (const step of draft.steps) {
      if (!sameSettings(step.link, now)) continue;
      const named = namedKeys(step);
      const values = snapshotNow(named).runs[0] ?? {};
      const old = starts[step.uid];
      if (old && old.round === round && JSON.stringify(old.values) === JSON.stringify(values)) continue;
      next ??= { ...starts };
      next[step.uid] = { values, noise: noiseNow(named), round };
    }
    if (next) useStudio.setState({ starts: next });
  }

  /** Checks every step of the draft in a worker, as `lesson check` does; each step's outcome shows as it comes. */
  async check(): Promise<void> {
    this.cancelCheck();
    const { draft } = useStudio.getState();
    const refusal = draftRefusal(draft);
    const set = (patch: Partial<CheckState>) => useStudio.setState((s) => ({ check: { ...s.check, ...patch } }));
    if (refusal) {
      set({ running: false, text: null, outcomes: [], current: null, error: refusal });
      return;
    }
    const text = draftText(draft);
    const worker = new GuardedWorker<LessonCheckApi>(() => startWorker('lessoncheck'));
    this.checker = worker;
    set({ running: true, text, outcomes: draft.steps.map(() => null), current: 0, error: null });
    try {
      // The command line's default backend, so that the page and `lesson check` measure the same runs.
      await worker.call((api) => api.init('wasm'), false);
      for (let i = 0; i < draft.steps.length; i++) {
        set({ current: i });
        const outcome = await worker.call((api) => api.step(text, i, MAX_ROUNDS), false);
        if (this.checker !== worker) return;
        useStudio.setState((s) => ({
          check: { ...s.check, outcomes: s.check.outcomes.map((o, k) => (k === i ? outcome : o)) },
        }));
      }
      set({ running: false, current: null });
    } catch (e) {
      if (this.checker === worker)
        set({ running: false, current: null, error: `The check stopped: ${e instanceof Error ? e.message : e}` });
    } finally {
      if (this.checker === worker) {
        worker.dispose();
        this.checker = null;
      }
    }
  }

  cancelCheck(): void {
    if (!this.checker) return;
    this.checker.dispose();
    this.checker = null;
    useStudio.setState((s) => ({ check: { ...s.check, running: false, current: null, error: 'Check cancelled.' } }));
  }

  /** The draft's `#lesson=` address on this page's site (`query`: any keys before it), or null while it is refused. */
  async lessonAddress(query = ''): Promise<string | null> {
    const { draft } = useStudio.getState();
    if (draftRefusal(draft)) return null;
    return `${location.origin}${location.pathname}${query}#lesson=${await encodeLesson(draftText(draft))}`;
  }
}
