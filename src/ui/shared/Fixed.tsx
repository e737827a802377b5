/**
 * A control the open lesson step holds fixed (state/fixed.ts): `useFixed` says whether it is, kept current as steps
 * and views change, and `FixedNote` is the words shown beside it while it is disabled.
 */
import { FIXED, stepLimits } from '../../state/fixed';
import { useLesson } from '../../state/lessonStore';
import { useView } from '../../state/view';

export function useFixed(name: string | undefined): boolean {
  const step = useLesson((s) => s.lesson?.steps[s.step] ?? null);
  const view = useView((v) => v.view);
  return name !== undefined && stepLimits(step, view).lock.includes(name);
}

export function FixedNote({ fixed }: { fixed: boolean }) {
  return fixed ? <span className="why small fixed-note">{FIXED}</span> : null;
}
