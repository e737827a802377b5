/**
 * The sweeps' Web Worker: its own tfjs and backend beside the live run's, training one batch of sweep cells per call
 * as one program (./sweepCell.ts). Cancelling a sweep ends this worker, so a long batch stops at once.
 */
import * as Comlink from 'comlink';

import { chooseBackend } from './backends';
import { guarded } from './lifeline';
import type { SweepApi } from './protocol';
import { runCells } from './sweepCell';

const api: SweepApi = {
  ...guarded,
  init: (requested) => chooseBackend(requested),
  cells: (configs, plan, given) => runCells(configs, plan, given?.data, given?.init),
};

Comlink.expose(api);
