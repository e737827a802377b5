/**
 * Each run's measured plateau (THEORY.md H.1) since its last change of settings, with R_lazy and the window's mean R_now
 * (R_lazy NaN where the prediction is withheld: the plateau is then measured without it).
 */
import { type RunPlateau, runPlateau, settleRounds, trailingPlateau } from '../../core/masked/plateau';
import { predictionApplies, schemeOf } from '../../core/masked/summary';
import { radiusLazy } from '../../core/masked/theory';
import { useRun } from '../../state/store';

export interface MeasuredRun extends RunPlateau {
  radiusLazy: number;
}

/** One entry per run (the main run first); empty until the theory basis is there. Re-reads on every new chunk. */
export function usePlateaus(): MeasuredRun[] {
  useRun((s) => s.version);
  const { config, compare, basis, markers, history, compareHistories } = useRun.getState();
  if (!basis) return [];
  const histories = [history, ...compareHistories];
  return [config, ...compare].slice(0, histories.length).map((c, i) => {
    const s = schemeOf(c, basis.spectrum);
    // Compared runs restart with every change; the main run's settings change live, from the last marker on.
    const since = i === 0 ? (markers.at(-1)?.round ?? 0) : 0;
    if (!predictionApplies(c))
      return { ...trailingPlateau(histories[i], since, settleRounds(basis.spectrum, s, basis.c0)), radiusLazy: NaN };
    return {
      ...runPlateau(basis.spectrum, s, basis.c0, histories[i], since),
      radiusLazy: radiusLazy(basis.spectrum, s),
    };
  });
}
