/** The built-in lessons: the JSON files of src/lessons/, bundled at build time and read through the same validation as any file. */
import { type Lesson, parseLesson } from '../core/lessons/format';

const files = import.meta.glob('../lessons/*.json', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

export const BUILT_IN: Lesson[] = Object.keys(files)
  .sort()
  .flatMap((f) => {
    const res = parseLesson(files[f]);
    if (res.ok) return [res.lesson];
    console.error(`${f}: ${res.error}`);
    return [];
  });
