/**
 * The lesson editor (zustand): the draft lesson — steps that need not be valid yet while they are written — the step
 * being edited, undo and redo, the panel in focus for the next step, each step's own link as measured, the check's
 * outcomes, and whether the draft is kept in this browser. Every edit goes through `edit`, which records it for undo
 * and stores the draft (localStore) where storage is allowed; where it is refused the editor says so.
 */
import { create } from 'zustand';

import { type Lesson, LESSON_FORMAT, parseLesson, type Step } from '../core/lessons/format';
import type { Metrics } from '../core/lessons/snapshot';
import { lessonText } from '../core/lessons/write';
import type { PanelName } from '../core/panels';
import type { StepOutcome } from '../engine/protocol';
import { localStore } from '../platform/storage';

/** A step of the draft: a lesson step with an id of its own that survives reordering. */
export interface DraftStep extends Step {
  uid: string;
}

export interface Draft {
  id: string;
  title: string;
  summary: string;
  steps: DraftStep[];
}

/** A step's own link as measured while the app showed it: what a student who only waits sees. */
export interface Measured {
  values: Metrics;
  noise: Metrics;
  round: number;
}

export interface CheckState {
  running: boolean;
  /** The lesson text checked (a later edit makes the outcomes those of an older draft). */
  text: string | null;
  /** One per step of the checked text, null until that step is checked. */
  outcomes: (StepOutcome | null)[];
  /** The step being checked (from 0), or null. */
  current: number | null;
  /** Why the check could not run or stopped, in words. */
  error: string | null;
}

export interface StudioState {
  open: boolean;
  draft: Draft;
  /** The step being edited (from 0), or null. */
  selected: number | null;
  past: Draft[];
  future: Draft[];
  /** The panel the next captured step focuses ("Focus this panel"). */
  focus: PanelName | null;
  /** Each step's own link as measured, by step uid. */
  starts: Record<string, Measured>;
  check: CheckState;
  /** The draft is kept in this browser (false: storage is refused here, and only a file keeps it). */
  kept: boolean;
  /** The lesson text last saved as a file (null: not saved). */
  saved: string | null;
  /** What the last action could not do, in words. */
  message: string | null;
}

const DRAFT_KEY = 'subnet-lab-studio-draft';
/** Undo steps kept. */
const UNDO_DEPTH = 100;
/** Edits of one field within this time are one undo step (typing a title is one edit, not one per letter). */
const MERGE_MS = 1500;

let uids = 0;
export const newUid = (): string => `s${Date.now().toString(36)}${(++uids).toString(36)}`;

export function emptyDraft(): Draft {
  return { id: 'my-lesson', title: 'My lesson', summary: '', steps: [] };
}

/** A lesson (a built-in one, a file) as a draft to edit. */
export function draftOf(l: Lesson): Draft {
  return { id: l.id, title: l.title, summary: l.summary, steps: l.steps.map((s) => ({ ...s, uid: newUid() })) };
}

/** The draft as a lesson (its steps as they are, valid or not). */
export function draftLesson(d: Draft): Lesson {
  return { id: d.id, title: d.title, summary: d.summary, steps: d.steps.map(({ uid: _, ...s }) => s) };
}

/** The draft's file text. */
export const draftText = (d: Draft): string => lessonText(draftLesson(d));

/** Why the draft is not a lesson the app opens yet, in the format's words (null: it is one). */
export function draftRefusal(d: Draft): string | null {
  if (!d.steps.length) return 'Add a step first.';
  if (!d.summary.trim()) return 'Give the lesson a summary (under “Lesson” at the top of the editor).';
  const res = parseLesson(draftText(d));
  return res.ok ? null : res.error;
}

const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);

/**
 * A draft from stored or saved JSON, read leniently (a draft saved before it was finished has empty fields the
 * format refuses): null when it is not a draft at all.
 */
export function readDraft(text: string): Draft | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null || !Array.isArray((raw as { steps?: unknown }).steps)) return null;
  const parsed = parseLesson(text);
  if (parsed.ok) return draftOf(parsed.lesson);
  const r = raw as Record<string, unknown>;
  const steps = (r.steps as unknown[]).flatMap((v): DraftStep[] => {
    if (typeof v !== 'object' || v === null) return [];
    const s = v as Record<string, unknown>;
    const q = s.question as Record<string, unknown> | null | undefined;
    // Goals are kept only where they parse: a step of a draft can always be given its goal again.
    const goal = parseLesson(
      JSON.stringify({
        format: LESSON_FORMAT,
        id: 'x',
        title: 't',
        summary: 's',
        steps: [{ title: 't', text: 't', link: str(s.link), goal: s.goal }],
      }),
    );
    return [
      {
        uid: newUid(),
        title: str(s.title),
        text: str(s.text),
        link: str(s.link),
        focus: (typeof s.focus === 'string' ? s.focus : null) as PanelName | null,
        control: typeof s.control === 'string' ? s.control : null,
        goal: goal.ok ? goal.lesson.steps[0].goal : null,
        solution: typeof s.solution === 'string' ? s.solution : null,
        question: q && typeof q === 'object' ? { text: str(q.text), answer: str(q.answer) } : null,
        lock: Array.isArray(s.lock) ? s.lock.filter((x): x is string => typeof x === 'string') : [],
        hide: (Array.isArray(s.hide) ? s.hide.filter((x) => typeof x === 'string') : []) as PanelName[],
      },
    ];
  });
  return { id: str(r.id, 'my-lesson'), title: str(r.title), summary: str(r.summary), steps };
}

/** The draft kept in this browser, if any. */
export function storedDraft(): Draft | null {
  const text = localStore.get(DRAFT_KEY);
  return text === null ? null : readDraft(text);
}

const idle: CheckState = { running: false, text: null, outcomes: [], current: null, error: null };

export const useStudio = create<StudioState>(() => ({
  open: false,
  draft: emptyDraft(),
  selected: null,
  past: [],
  future: [],
  focus: null,
  starts: {},
  check: idle,
  kept: true,
  saved: null,
  message: null,
}));

/** Keeps the draft in this browser; says whether it could. */
function keep(d: Draft): void {
  useStudio.setState({ kept: localStore.set(DRAFT_KEY, draftText(d)) });
}

let lastEdit: { key: string; at: number } | null = null;

/**
 * Changes the draft (and, optionally, the step being edited): one undo step, unless it is another edit of the same
 * field (`merge`, e.g. "title:<uid>") made just after the last.
 */
export function edit(f: (d: Draft) => Draft, merge?: string, selected?: number | null): void {
  const { draft, past } = useStudio.getState();
  const next = f(draft);
  const now = performance.now();
  const merged = merge !== undefined && lastEdit?.key === merge && now - lastEdit.at < MERGE_MS;
  lastEdit = merge !== undefined ? { key: merge, at: now } : null;
  useStudio.setState({
    draft: next,
    past: merged ? past : [...past, draft].slice(-UNDO_DEPTH),
    future: [],
    message: null,
    ...(selected !== undefined ? { selected } : {}),
  });
  keep(next);
}

/** Starts editing a draft (a new one, a stored one, a copy of a lesson); the one before stays one undo away. */
export function startDraft(d: Draft): void {
  const { draft, past, open } = useStudio.getState();
  lastEdit = null;
  useStudio.setState({
    open: true,
    draft: d,
    selected: d.steps.length ? 0 : null,
    past: open || draft.steps.length ? [...past, draft].slice(-UNDO_DEPTH) : past,
    future: [],
    check: idle,
    saved: null,
    message: null,
  });
  keep(d);
}

function travel(from: 'past' | 'future'): void {
  const s = useStudio.getState();
  const stack = s[from];
  if (!stack.length) return;
  const draft = stack[stack.length - 1];
  const other = from === 'past' ? 'future' : 'past';
  lastEdit = null;
  useStudio.setState({
    draft,
    [from]: stack.slice(0, -1),
    [other]: [...s[other], s.draft],
    selected: s.selected === null ? null : Math.min(s.selected, draft.steps.length - 1),
    message: null,
  });
  keep(draft);
}

export const undo = (): void => travel('past');
export const redo = (): void => travel('future');

/** Changes one step of the draft (by index). */
export function editStep(i: number, patch: Partial<Step>, merge?: string): void {
  edit(
    (d) => ({ ...d, steps: d.steps.map((s, k) => (k === i ? { ...s, ...patch } : s)) }),
    merge === undefined ? undefined : `${merge}:${useStudio.getState().draft.steps[i]?.uid}`,
  );
}

/** Moves step i by `by` places (−1 up, +1 down); the moved step stays the one edited. */
export function moveStep(i: number, by: number): void {
  const j = i + by;
  edit(
    (d) => {
      if (j < 0 || j >= d.steps.length) return d;
      const steps = [...d.steps];
      [steps[i], steps[j]] = [steps[j], steps[i]];
      return { ...d, steps };
    },
    undefined,
    Math.max(0, Math.min(useStudio.getState().draft.steps.length - 1, j)),
  );
}

export function duplicateStep(i: number): void {
  edit(
    (d) => ({
      ...d,
      steps: [...d.steps.slice(0, i + 1), { ...d.steps[i], uid: newUid() }, ...d.steps.slice(i + 1)],
    }),
    undefined,
    i + 1,
  );
}

export function deleteStep(i: number): void {
  const n = useStudio.getState().draft.steps.length - 1;
  edit((d) => ({ ...d, steps: d.steps.filter((_, k) => k !== i) }), undefined, n ? Math.min(i, n - 1) : null);
}

export function resetCheck(): void {
  useStudio.setState({ check: idle });
}
