/**
 * The lesson editor's live readings: the app's link now (re-read whenever a setting or the view changes), and a tick
 * that re-renders a few times a second while a run trains, so that values measured now stay current.
 */
import { useEffect, useState } from 'react';

import { useAltMin } from '../../state/altminStore';
import { usePace } from '../../state/pace';
import { useRegimes } from '../../state/regimesStore';
import { useRun } from '../../state/store';
import { useView } from '../../state/view';
import { useStudioClient } from '../context';

export function useCurrentQuery(): string {
  const studio = useStudioClient();
  useRun((s) => s.config);
  useRun((s) => s.compare);
  useView((v) => v.view);
  useAltMin((s) => s.config);
  useRegimes((s) => s.settings);
  usePace();
  return studio.currentQuery();
}

/** Re-renders every `ms` milliseconds. */
export function useTick(ms: number): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setTick((k) => k + 1), ms);
    return () => clearInterval(t);
  }, [ms]);
}
