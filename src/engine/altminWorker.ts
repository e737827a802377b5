/**
 * The AltMin view's Web Worker: float64 core code only (no tfjs), so that AltMin's least-squares solves and GD's
 * iterations never block the page. Both methods run from the same data and start; phase-transition trials run one
 * per call (the page cancels by ending the worker).
 */
import * as Comlink from 'comlink';

import { gdStep, runTrial } from '../core/altmin/phase';
import { fitRate, runAltMin, runGd, type Trace } from '../core/altmin/run';
import { makeStart, makeTeacher, startStream } from '../core/altmin/teacher';
import type { AltMinApi, AltMinTraceOut } from './protocol';

function out(tr: Trace): AltMinTraceOut {
  return {
    dist: tr.dist,
    loss: tr.loss,
    minNorm: tr.solves.filter((s) => s === 'min-norm').length,
    eta: tr.eta,
    stopped: tr.stopped,
    rate: fitRate(tr.dist),
  };
}

const api: AltMinApi = {
  traces(c) {
    const teacher = makeTeacher(c);
    const W0 = makeStart(c, teacher, startStream(c.seed));
    return {
      altmin: out(runAltMin(teacher, W0, c.iters)),
      gd: out(runGd(teacher, W0, c.gdIters, gdStep(c, teacher, W0, c.seed))),
    };
  },
  trial: (c, spec, starts, methods) => runTrial(c, spec, starts, methods),
};

Comlink.expose(api);
