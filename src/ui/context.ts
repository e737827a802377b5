/** The engine, sweep, regimes, AltMin, lesson and lesson-editor clients, provided to components (they never touch tfjs or the workers directly). */
import { type Context, createContext, useContext } from 'react';

import type { AltMinClient } from '../state/altminClient';
import type { EngineClient } from '../state/engineClient';
import type { LessonClient } from '../state/lessonClient';
import type { RegimesClient } from '../state/regimesClient';
import type { StudioClient } from '../state/studioClient';
import type { SweepClient } from '../state/sweepClient';

export const ClientContext = createContext<EngineClient | null>(null);
export const SweepContext = createContext<SweepClient | null>(null);
export const AltMinContext = createContext<AltMinClient | null>(null);
export const RegimesContext = createContext<RegimesClient | null>(null);
export const LessonContext = createContext<LessonClient | null>(null);
export const StudioContext = createContext<StudioClient | null>(null);

/** A client the app provides at its root (main.tsx); missing only in a component rendered outside it. */
function useRequired<T>(context: Context<T | null>, name: string): T {
  const c = useContext(context);
  if (!c) throw new Error(`${name} missing`);
  return c;
}

export const useClient = (): EngineClient => useRequired(ClientContext, 'EngineClient');
export const useSweepClient = (): SweepClient => useRequired(SweepContext, 'SweepClient');
export const useAltMinClient = (): AltMinClient => useRequired(AltMinContext, 'AltMinClient');
export const useRegimesClient = (): RegimesClient => useRequired(RegimesContext, 'RegimesClient');
export const useLessonClient = (): LessonClient => useRequired(LessonContext, 'LessonClient');
export const useStudioClient = (): StudioClient => useRequired(StudioContext, 'StudioClient');
