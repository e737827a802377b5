/**
 * A lesson asked for by the address: `?lesson=ID&step=N` (a built-in lesson, steps from 1) or a whole lesson in the
 * fragment (`#lesson=…`), and any other keys of the query, which are set over the step's link (a shared link keeps
 * the settings its sender had moved to). Bad requests come back as a message in words.
 */
import { type Lesson, parseLesson } from '../core/lessons/format';
import { decodeLesson, lessonFragment } from '../core/lessons/share';
import { showRaw } from '../core/table';
import { BUILT_IN } from './builtinLessons';

export interface LessonRequest {
  lesson: Lesson;
  /** The file text of a lesson that is not built in. */
  text: string | null;
  /** From 0. */
  step: number;
  /** The query without its lesson keys, to set over the step's link. */
  overrides: string;
  message: string | null;
}

export type LessonAsk = { ok: true; request: LessonRequest } | { ok: false; message: string } | null;

export async function lessonFromAddress(search: string, hash: string): Promise<LessonAsk> {
  const params = new URLSearchParams(search);
  const id = params.get('lesson');
  const fragment = lessonFragment(hash);
  if (id === null && fragment === null) return null;
  let lesson: Lesson | undefined;
  let text: string | null = null;
  if (fragment !== null) {
    const decoded = await decodeLesson(fragment);
    if (!decoded.ok) return { ok: false, message: decoded.error };
    const res = parseLesson(decoded.text);
    if (!res.ok) return { ok: false, message: res.error };
    lesson = res.lesson;
    text = decoded.text;
  } else {
    lesson = BUILT_IN.find((l) => l.id === id);
    if (!lesson)
      return {
        ok: false,
        message: `There is no built-in lesson "${showRaw(id)}". Choose one of these, or open a lesson file.`,
      };
  }
  const raw = params.get('step');
  const n = lesson.steps.length;
  const asked = raw === null ? 1 : Number(raw);
  const step = Number.isInteger(asked) ? Math.max(1, Math.min(n, asked)) : 1;
  const message =
    raw !== null && step !== asked
      ? `step = "${showRaw(raw)}" is not a step of "${lesson.title}" (1 to ${n}); opening step ${step}.`
      : null;
  params.delete('lesson');
  params.delete('step');
  return { ok: true, request: { lesson, text, step: step - 1, overrides: params.toString(), message } };
}
