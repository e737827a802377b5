/** Reads a lesson file the user chose or dropped and opens it (refusing a file above the size limit before reading it). */
import { MAX_LESSON_BYTES } from '../../core/lessons/format';
import type { LessonClient } from '../../state/lessonClient';
import { useLesson } from '../../state/lessonStore';

export async function openLessonFile(lessons: LessonClient, file: File): Promise<void> {
  if (file.size > MAX_LESSON_BYTES) {
    const error = `Lesson refused — the file is larger than ${MAX_LESSON_BYTES / 1024} KB.`;
    useLesson.setState({ message: error });
    throw new Error(error);
  }
  await lessons.openText(await file.text());
}
