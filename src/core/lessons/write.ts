/**
 * A lesson written back as its file: the `subnet-lab-lesson/1` JSON that parseLesson reads, with the fields a step
 * leaves out (no focus, no goal, nothing locked…) omitted and two-space indentation, so that a lesson made in the
 * editor is a file a lecturer can read and diff. parseLesson(lessonText(l)) gives l back.
 */
import { type Lesson, LESSON_FORMAT, type Step } from './format';
import type { Condition, Goal } from './goals';

function conditionJson(c: Condition): Record<string, unknown> {
  return {
    ...(c.config !== undefined ? { config: c.config } : { metric: c.metric }),
    ...(c.run > 1 ? { run: c.run } : {}),
    [c.op]: c.value,
  };
}

function goalJson(g: Goal): Record<string, unknown> {
  return { text: g.text, [g.mode]: g.conditions.map(conditionJson) };
}

/** A step as its file has it: every optional field that is empty left out. */
export function stepJson(s: Step): Record<string, unknown> {
  return {
    title: s.title,
    text: s.text,
    link: s.link,
    ...(s.focus !== null ? { focus: s.focus } : {}),
    ...(s.control !== null ? { control: s.control } : {}),
    ...(s.goal !== null ? { goal: goalJson(s.goal) } : {}),
    ...(s.solution !== null ? { solution: s.solution } : {}),
    ...(s.question !== null ? { question: s.question } : {}),
    ...(s.lock.length ? { lock: s.lock } : {}),
    ...(s.hide.length ? { hide: s.hide } : {}),
  };
}

/** The lesson's file text. */
export function lessonText(l: Lesson): string {
  const file = { format: LESSON_FORMAT, id: l.id, title: l.title, summary: l.summary, steps: l.steps.map(stepJson) };
  return `${JSON.stringify(file, null, 2)}\n`;
}
