/**
 * The theory worker: the full float64 spectrum of H^∞ for a large problem (n³ work), computed beside the engine's
 * worker, which already trains; the page draws the predictions when it arrives. No tfjs.
 */
import * as Comlink from 'comlink';

import { theoryBasis } from '../core/masked/basis';
import { makeProblem } from '../core/masked/problem';
import { guarded } from './lifeline';
import type { TheoryApi } from './protocol';

const api: TheoryApi = {
  ...guarded,
  basis: (config, given) => theoryBasis(makeProblem(config, given?.data, given?.init)),
};

Comlink.expose(api);
