/** The theory summary for the current configuration and data, recomputed only when they change. */
import { useMemo } from 'react';

import { summarize, type TheorySummary } from '../../core/masked/summary';
import { useRun } from '../../state/store';

export function useTheory(): TheorySummary | null {
  const config = useRun((s) => s.config);
  const basis = useRun((s) => s.basis);
  return useMemo(() => (basis ? summarize(config, basis.spectrum, basis.yNorm2) : null), [config, basis]);
}
