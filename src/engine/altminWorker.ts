/**
 * The AltMin view's Web Worker: float64 core code only (no tfjs), so that AltMin's least-squares solves and GD's
 * iterations never block the page. Both methods run from the same data and start; phase-transition trials run one
 * per call (the page cancels by ending the worker).
 */
import * as Comlink from 'comlink';

import { runTrial } from '../core/altmin/phase';
import { altminTraces } from '../core/altmin/traces';
import { guarded } from './lifeline';
import type { AltMinApi } from './protocol';

const api: AltMinApi = {
  ...guarded,
  traces: altminTraces,
  trial: (c, spec, starts, methods) => runTrial(c, spec, starts, methods),
};

Comlink.expose(api);
