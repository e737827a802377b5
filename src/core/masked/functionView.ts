/**
 * The function view's numbers (THEORY.md I.1): on circle data, the network's function f_k(φ) at N angles, each
 * subnetwork's surrogate in the latest round, and the lazy-limit mean f̄_k(φ); for any data, the network's and the
 * subnetworks' outputs at the training points, against the targets. Float64, from the weights read off the device.
 */
import { mat } from '../math/matrix';
import { anglesOf } from './datasets';
import type { Weights } from './init';
import { crossKernel, meanIncrement } from './meanFunction';
import { netOf } from './network';
import type { FullProblem } from './problem';
import { outputs } from './reference';
import type { SchemeParams } from './theory';
import { localProgress, theta } from './theory';

export interface FunctionSample {
  /** The angles 2πj/N. */
  angle: number[];
  network: number[];
  /** f̄_k(φ): null outside the lazy setting, where the mean function is not the prediction. */
  predicted: number[] | null;
  /** One row per subnetwork of the latest round (its surrogate, scaled by 1/ξ). */
  subnetworks: number[][];
  /** The training points: their angles and targets. */
  trainAngle: number[];
  target: number[];
}

export interface PointsSample {
  target: number[];
  network: number[];
  subnetworks: number[][];
}

/** N points around the unit circle, at angles 2πj/N. */
export function circleGrid(points: number) {
  const angle = Array.from({ length: points }, (_, j) => (2 * Math.PI * j) / points);
  return {
    angle,
    X: mat(
      points,
      2,
      angle.flatMap((a) => [Math.cos(a), Math.sin(a)]),
    ),
  };
}

/** Rows of the latest masks (p rows of m), each neuron's weight in its subnetwork. */
function maskRows(masks: ArrayLike<number> | null, m: number): ArrayLike<number>[] {
  if (!masks) return [];
  return Array.from({ length: masks.length / m }, (_, l) => Array.prototype.slice.call(masks, l * m, (l + 1) * m));
}

/** The function around the circle at round k, from the current weights and the round's masks. */
export function functionSample(
  problem: FullProblem,
  now: Weights,
  masks: ArrayLike<number> | null,
  s: SchemeParams,
  k: number,
  points: number,
  lazy: boolean,
): FunctionSample {
  const { X: G, angle } = circleGrid(points);
  const m = now.W.rows;
  const net = netOf(problem.config, m);
  const network = Array.from(outputs(G, now.W, now.a, undefined, 1, net));
  const subnetworks = maskRows(masks, m).map((row) => Array.from(outputs(G, now.W, now.a, row, s.xi, net)));
  let predicted: number[] | null = null;
  if (lazy) {
    const { data, init, spectrum: sp } = problem;
    const f0 = outputs(G, init.W, init.a, undefined, 1, net);
    const u0 = outputs(data.X, init.W, init.a, undefined, 1, net);
    const e0 = Float64Array.from(data.y, (y, i) => y - u0[i]);
    const th = theta(s.xi, s.p, s.categorical);
    const A = Float64Array.from(sp.lambdas, (l) => 1 - th * localProgress(l, s));
    const inc = meanIncrement(crossKernel(G, data.X), sp.vectors, sp.lambdas, A, e0, k);
    predicted = Array.from(f0, (v, j) => v + inc[j]);
  }
  return {
    angle,
    network,
    predicted,
    subnetworks,
    trainAngle: Array.from(anglesOf(problem.data.X)),
    target: Array.from(problem.data.y),
  };
}

/** The outputs at the training points against the targets (any d). */
export function pointsSample(
  problem: FullProblem,
  now: Weights,
  masks: ArrayLike<number> | null,
  xi: number,
): PointsSample {
  const { X, y } = problem.data;
  const net = netOf(problem.config, now.W.rows);
  return {
    target: Array.from(y),
    network: Array.from(outputs(X, now.W, now.a, undefined, 1, net)),
    subnetworks: maskRows(masks, now.W.rows).map((row) => Array.from(outputs(X, now.W, now.a, row, xi, net))),
  };
}
