/**
 * What the open lesson step holds fixed (its `lock`) and hides (its `hide`), in the view the step is about: a control
 * it fixes is shown disabled, "fixed in this step", and takes no shortcut; a panel it hides is not shown. Outside a
 * lesson, or in another view than the step's, nothing is fixed or hidden.
 */
import type { Step } from '../core/lessons/format';
import { readLink, type ViewName } from '../core/link';
import { useLesson } from './lessonStore';
import { useView } from './view';

export const FIXED = 'fixed in this step';

const views = new WeakMap<Step, ViewName>();

/** The view a step's link opens (read once per step). */
function viewOf(step: Step): ViewName {
  let v = views.get(step);
  if (v === undefined) views.set(step, (v = readLink(step.link).view));
  return v;
}

/** The step's lock and hide where the view shown is the step's; empty lists otherwise. */
export function stepLimits(step: Step | null | undefined, view: ViewName): { lock: string[]; hide: string[] } {
  return step && viewOf(step) === view ? { lock: step.lock, hide: step.hide } : { lock: [], hide: [] };
}

/** Whether the open step fixes the control `name` now. */
export function fixedNow(name: string): boolean {
  const { lesson, step } = useLesson.getState();
  return stepLimits(lesson?.steps[step], useView.getState().view).lock.includes(name);
}
