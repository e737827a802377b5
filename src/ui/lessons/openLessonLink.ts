/** Opens a lesson named by a link inside lesson text (`?lesson=ID&step=N`), at that step. */
import type { LessonClient } from '../../state/lessonClient';

export function openLessonLink(lessons: LessonClient, query: string): Promise<boolean> {
  const p = new URLSearchParams(query);
  const step = Number(p.get('step') ?? '1');
  return lessons.openBuiltIn(p.get('lesson') ?? '', Number.isInteger(step) && step > 0 ? step - 1 : 0);
}
