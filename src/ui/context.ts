/** The engine client, provided to components (they never touch tfjs or the worker directly). */
import { createContext, useContext } from 'react';
import type { EngineClient } from '../state/engineClient';

export const ClientContext = createContext<EngineClient | null>(null);

export function useClient(): EngineClient {
  const c = useContext(ClientContext);
  if (!c) throw new Error('EngineClient missing');
  return c;
}
