/**
 * The sweeps' Web Worker: its own tfjs and backend beside the live run's, training one sweep cell per call
 * (./sweepCell.ts). Cancelling a sweep ends this worker, so a long cell stops at once.
 */
import * as Comlink from 'comlink';

import { chooseBackend } from './backends';
import { guarded } from './lifeline';
import type { SweepApi } from './protocol';
import { runCell } from './sweepCell';

const api: SweepApi = {
  ...guarded,
  init: (requested) => chooseBackend(requested),
  cell: (config, rounds, rule, given) => runCell(config, rounds, rule, given?.data, given?.init),
};

Comlink.expose(api);
