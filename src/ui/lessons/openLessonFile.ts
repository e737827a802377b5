/**
 * Reads a lesson file the user chose or dropped and opens it; a refusal (a file above the size limit is refused before
 * it is read) opens the lesson list with the reason beside its file button, where the eye and the focus go next.
 */
import { MAX_LESSON_BYTES } from '../../core/lessons/format';
import type { LessonClient } from '../../state/lessonClient';
import { useLesson } from '../../state/lessonStore';

export async function openLessonFile(lessons: LessonClient, file: File): Promise<void> {
  try {
    if (file.size > MAX_LESSON_BYTES)
      throw new Error(`Lesson refused — the file is larger than ${MAX_LESSON_BYTES / 1024} KB.`);
    await lessons.openText(await file.text());
    useLesson.setState({ fileMessage: null });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    useLesson.setState({ listOpen: true, message: null, fileMessage: `${file.name}: ${reason}` });
  }
}
