/**
 * The input-noise panel's numbers (THEORY.md J.1), from the weights read off the device: the smoothed ReLU at the run's
 * typical spread s = ν‖w ⊙ x‖ — σ, σ̃, the proxy zΦ(z/s) and a Monte Carlo of real masks on a real neuron–sample product
 * — the expected loss split into the smoothed network's error and the masks' variance, and on circle data the clean
 * function against the smoothed one. ReLU only (the closed forms are the ReLU's); the Monte Carlo parts are left out
 * where they would cost more than a fraction of a second.
 */
import { mat } from '../math/matrix';
import { Rng } from '../math/rng';
import { circleGrid } from './functionView';
import type { Weights } from './init';
import {
  decompose,
  type Decomposition,
  proxyRelu,
  smoothedMonteCarlo,
  smoothedOutputs,
  smoothedRelu,
  typicalProduct,
} from './inputNoise';
import { netOf } from './network';
import type { Problem } from './problem';

/** Multiply-adds one sample may spend on the Monte Carlo of the variance (n·m·d per draw). */
const VARIANCE_WORK = 1e7;
/** The fewest and most draws of the variance term. */
const MIN_DRAWS = 10;
const MAX_DRAWS = 200;
/** Draws of the smoothed ReLU's Monte Carlo, and the neuron–sample pairs the typical product is chosen among. */
const CURVE_DRAWS = 4000;
const PAIRS = 1 << 18;
/** The smoothed ReLU is drawn over z ∈ [−Z_SPAN·s, Z_SPAN·s], the Monte Carlo at every other point. */
const Z_SPAN = 4;
const Z_POINTS = 33;

export interface NoiseSample {
  round: number;
  nu: number;
  /** s = ν‖w ⊙ x‖ of the typical neuron–sample pair (the median ‖w_r ⊙ x_i‖). */
  s: number;
  z: number[];
  relu: number[];
  smoothed: number[];
  proxy: number[];
  /** Monte Carlo of E_c σ(wᵀ(x ⊙ c)) at every other z, with its standard errors. */
  mcZ: number[];
  mc: number[];
  mcSe: number[];
  /** The decomposition of the expected loss (null: too large to estimate here). */
  decomposition: Omit<Decomposition, 'expected'> | null;
  /** On circle data, the clean network f(φ) and the smoothed one E_c f(φ) around the circle. */
  circle: { angle: number[]; clean: number[]; smoothed: number[] } | null;
}

/** The panel's numbers at round k for weights `now` and noise ν (null for GELU: no closed form is used there). */
export function noiseSample(problem: Problem, now: Weights, nu: number, k: number, points: number): NoiseSample | null {
  const { config: c, data } = problem;
  if (c.act !== 'relu') return null;
  const { W, a } = now;
  const [n, d, m] = [data.X.rows, data.X.cols, W.rows];
  const net = netOf(c, m);
  const rng = Rng.stream(c.seed, `noise view ${k}`);
  // The typical pair among the first samples (all of them unless n·m is large).
  const rows = Math.max(1, Math.min(n, Math.floor(PAIRS / m)));
  const v = typicalProduct(mat(rows, d, data.X.data.subarray(0, rows * d)), W);
  const s = nu * Math.hypot(...v);
  const z = Array.from({ length: Z_POINTS }, (_, j) => Z_SPAN * s * ((2 * j) / (Z_POINTS - 1) - 1));
  const mcZ = z.filter((_, j) => j % 2 === 0);
  const mc = smoothedMonteCarlo(v, nu, mcZ, CURVE_DRAWS, rng);
  const draws = Math.min(MAX_DRAWS, Math.floor(VARIANCE_WORK / (n * m * d)));
  let decomposition: NoiseSample['decomposition'] = null;
  if (draws >= MIN_DRAWS) {
    const { smoothed, variance, varianceSe, clean } = decompose(data.X, data.y, W, a, nu, net, rng, draws);
    decomposition = { smoothed, variance, varianceSe, draws, clean };
  }
  let circle: NoiseSample['circle'] = null;
  if (d === 2 && points > 0) {
    const { angle, X: G } = circleGrid(points);
    circle = {
      angle,
      clean: Array.from(smoothedOutputs(G, W, a, 0, net)),
      smoothed: Array.from(smoothedOutputs(G, W, a, nu, net)),
    };
  }
  return {
    round: k,
    nu,
    s,
    z,
    relu: z.map((t) => Math.max(t, 0)),
    smoothed: z.map((t) => smoothedRelu(t, s)),
    proxy: z.map((t) => proxyRelu(t, s)),
    mcZ,
    mc: mc.mean,
    mcSe: mc.se,
    decomposition,
    circle,
  };
}
