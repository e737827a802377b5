/**
 * `lesson check FILE`: validates a lesson file (format, links that open without corrections, goals that name known
 * metrics and keys) and then checks it step by step as engine/lessonCheck.ts does — each step's solution must reach
 * its goal, its own link must not, and no threshold may lie within NOISE_MARGIN × the run's own noise of where the
 * step starts; each step reports its value, threshold and margin. `lesson init` writes a starter lesson from a link.
 */
import { type Lesson, LESSON_FORMAT, parseLesson } from '../core/lessons/format';
import { linkProblems, readLink } from '../core/link';
import { checkStep, type StepOutcome } from '../engine/lessonCheck';

/** Checks every step of a lesson file's text; the refusal's message when the file is refused. */
export async function checkLesson(
  text: string,
  maxRounds: number,
  onStep: (o: StepOutcome) => void,
): Promise<{ lesson: Lesson | null; error: string | null; outcomes: StepOutcome[] }> {
  const parsed = parseLesson(text);
  if (!parsed.ok) return { lesson: null, error: parsed.error, outcomes: [] };
  const outcomes: StepOutcome[] = [];
  for (const [i, step] of parsed.lesson.steps.entries()) {
    const o = await checkStep(step, i, maxRounds);
    outcomes.push(o);
    onStep(o);
  }
  return { lesson: parsed.lesson, error: null, outcomes };
}

/**
 * A starter lesson from a link (`lesson init LINK`): one step on the link, its text and goal to fill in, and a goal
 * that lesson check accepts once its threshold is set. The link must open as written.
 */
export function starterLesson(query: string): string {
  const q = query.trim().replace(/^.*\?/, '');
  const problems = linkProblems(q);
  if (problems.length) throw new Error(`the link would be corrected: ${problems[0]}`);
  const view = readLink(q).view;
  const step = {
    title: 'First step',
    text: 'What to look at, in a few sentences. {Play} and watch the error plot.',
    link: q,
    ...(view === 'train' ? { focus: 'error' } : {}),
    question: { text: 'A question to think about.', answer: 'Its answer, shown behind a reveal.' },
  };
  return `${JSON.stringify({ format: LESSON_FORMAT, id: 'my-lesson', title: 'My lesson', summary: 'What the lesson teaches, in one sentence.', steps: [step] }, null, 2)}\n`;
}
