/**
 * The regimes view's Web Worker: each regime's required width over a range of n (float64: λ_0(n) from the data in
 * use), and the measured phase diagram one row of n per call on its own tfjs backend (engine/phaseRow.ts).
 * Cancelling ends the worker.
 */
import * as Comlink from 'comlink';

import { WIDTH_DEFAULTS } from '../core/masked/summary';
import { dataAt, widthsAt } from '../core/regimes/regimes';
import { chooseBackend } from './backends';
import { guarded } from './lifeline';
import { runPhaseRow } from './phaseRow';
import type { RegimesApi } from './protocol';

const api: RegimesApi = {
  ...guarded,
  init: (requested) => chooseBackend(requested),
  curves(config, ns, given) {
    return ns.flatMap((n) => {
      const data = dataAt(config, n, given);
      return data ? [{ n, ...widthsAt(config, data, WIDTH_DEFAULTS.delta, WIDTH_DEFAULTS.rounds) }] : [];
    });
  },
  row(config, n, ms, seeds, rounds, given) {
    const data = dataAt(config, n, given);
    if (!data) throw new Error(`n = ${n} is more than the ${given?.X.rows} rows of the data in use`);
    return runPhaseRow({ ...config, n, d: data.X.cols }, data, ms, seeds, rounds);
  },
};

Comlink.expose(api);
