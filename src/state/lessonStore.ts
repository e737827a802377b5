/**
 * The open lesson (zustand): which lesson and step, the live state of the step's goal, whether its answer is shown,
 * the lesson list and the first-visit card, and the last refusal in words. A custom lesson (from a file or a link)
 * keeps its text and its `#lesson=` fragment, so the address bar can always reproduce it.
 */
import { create } from 'zustand';

import type { Lesson } from '../core/lessons/format';
import type { GoalState } from '../core/lessons/goals';
import { localStore } from '../platform/storage';

export interface LessonState {
  lesson: Lesson | null;
  /** A lesson that is not built in: its file text and the fragment value that carries it (null until encoded). */
  custom: { text: string; fragment: string | null } | null;
  /** The open step, from 0. */
  step: number;
  goal: GoalState | null;
  /** The step's goal has been reached since the step opened (it stays reached). */
  reached: boolean;
  revealed: boolean;
  collapsed: boolean;
  listOpen: boolean;
  welcome: boolean;
  /** Why a lesson could not be opened, in words. */
  message: string | null;
  /** Why the lesson file the user chose or dropped was refused (shown beside the file button). */
  fileMessage: string | null;
}

export const useLesson = create<LessonState>(() => ({
  lesson: null,
  custom: null,
  step: 0,
  goal: null,
  reached: false,
  revealed: false,
  collapsed: false,
  listOpen: false,
  welcome: false,
  message: null,
  fileMessage: null,
}));

const WELCOMED_KEY = 'subnet-lab-welcomed';

/** Whether this browser has dismissed the first-visit card. */
export function welcomed(): boolean {
  // Where storage is refused there is no first-visit memory: the card is not offered (no first visit can be told).
  return !localStore.available() || localStore.get(WELCOMED_KEY) === '1';
}

/** Hides the first-visit card for good in this browser. */
export function dismissWelcome(): void {
  useLesson.setState({ welcome: false });
  localStore.set(WELCOMED_KEY, '1');
}
