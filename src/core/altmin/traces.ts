/**
 * What the AltMin view shows of one setting: AltMin and gradient descent from the same data and start, each with its
 * distances, losses, fitted rate and why it stopped (THEORY.md F). The view's worker and `cli lesson check` share it.
 */
import type { AltMinConfig } from './config';
import { gdStep } from './phase';
import { fitRate, type RateFit, runAltMin, runGd, type Trace } from './run';
import { makeStart, makeTeacher, startStream } from './teacher';

/** One method's run for the AltMin view. */
export interface AltMinTraceOut {
  dist: number[];
  loss: number[];
  /** Least-squares steps that had no unique solution (minimum-norm taken). */
  minNorm: number;
  eta: number | null;
  stopped: string | null;
  rate: RateFit | null;
}

export interface AltMinTraces {
  altmin: AltMinTraceOut;
  gd: AltMinTraceOut;
}

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

export function altminTraces(c: AltMinConfig): AltMinTraces {
  const teacher = makeTeacher(c);
  const W0 = makeStart(c, teacher, startStream(c.seed));
  return {
    altmin: out(runAltMin(teacher, W0, c.iters)),
    gd: out(runGd(teacher, W0, c.gdIters, gdStep(c, teacher, W0, c.seed))),
  };
}
