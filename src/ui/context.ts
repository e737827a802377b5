/** The engine, sweep, regimes and AltMin clients, provided to components (they never touch tfjs or the workers directly). */
import { createContext, useContext } from 'react';
import type { AltMinClient } from '../state/altminClient';
import type { EngineClient } from '../state/engineClient';
import type { RegimesClient } from '../state/regimesClient';
import type { SweepClient } from '../state/sweepClient';

export const ClientContext = createContext<EngineClient | null>(null);
export const SweepContext = createContext<SweepClient | null>(null);
export const AltMinContext = createContext<AltMinClient | null>(null);
export const RegimesContext = createContext<RegimesClient | null>(null);

export function useClient(): EngineClient {
  const c = useContext(ClientContext);
  if (!c) throw new Error('EngineClient missing');
  return c;
}

export function useSweepClient(): SweepClient {
  const c = useContext(SweepContext);
  if (!c) throw new Error('SweepClient missing');
  return c;
}

export function useAltMinClient(): AltMinClient {
  const c = useContext(AltMinContext);
  if (!c) throw new Error('AltMinClient missing');
  return c;
}

export function useRegimesClient(): RegimesClient {
  const c = useContext(RegimesContext);
  if (!c) throw new Error('RegimesClient missing');
  return c;
}
