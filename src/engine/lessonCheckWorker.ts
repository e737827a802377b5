/**
 * The lesson editor's Web Worker: `lesson check` in the page. Its own tfjs backend (wasm, as the command line's
 * default) and one step of a lesson file per call, checked by the same code as the command line (./lessonCheck.ts).
 */
import * as Comlink from 'comlink';

import { parseLesson } from '../core/lessons/format';
import { chooseBackend } from './backends';
import { checkStep } from './lessonCheck';
import { guarded } from './lifeline';
import type { LessonCheckApi } from './protocol';

const api: LessonCheckApi = {
  ...guarded,
  init: (requested) => chooseBackend(requested),
  step: async (text, index, maxRounds) => {
    const res = parseLesson(text);
    if (!res.ok) throw new Error(res.error);
    const step = res.lesson.steps[index];
    if (!step) throw new Error(`the lesson has no step ${index + 1}.`);
    return checkStep(step, index, maxRounds);
  },
};

Comlink.expose(api);
