/** The main run's modes at its latest round (THEORY.md I.3), from the store: the followed directions' theory and the latest measurement. */
import { modesAt, type ModesNow, type ModeTheory, modeTheory } from '../core/masked/modes';
import { schemeOf } from '../core/masked/summary';
import { useRun } from './store';

/** The theory of the followed directions for the main run's current settings, or null before the spectrum. */
export function modeTheoryNow(): ModeTheory | null {
  const { basis, config } = useRun.getState();
  if (!basis) return null;
  return modeTheory(basis.spectrum, schemeOf(config, basis.spectrum), basis.c0, basis.modes.index);
}

export function modesNow(): ModesNow | null {
  const t = modeTheoryNow();
  if (!t) return null;
  const { modeHistory, history } = useRun.getState();
  const last = modeHistory.at(-1);
  return modesAt(t, last?.round ?? history.round.at(-1) ?? 0, last?.values ?? null);
}
