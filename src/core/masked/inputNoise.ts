/**
 * Gaussian input masks (THEORY.md J.1, Kolomvaki et al. 2026): every input coordinate of every sample is multiplied by
 * a fresh c ~ N(1, ν²) each round. The seeded draw of one round's masks; the smoothed ReLU σ̃(z, s) = zΦ(z/s) + sφ(z/s),
 * the mean of σ(z + s·g) over g ~ N(0, 1), and the paper's proxy zΦ(z/s); the network's mean output over the masks in
 * closed form; and the split of the expected squared error into the smoothed network's error (closed form) and the
 * masks' variance (Monte Carlo, with its standard error), for given weights. ReLU only: no closed form is used for GELU.
 */
import erf from '@stdlib/math-base-special-erf';

import { type Mat, mat } from '../math/matrix';
import { Rng } from '../math/rng';
import type { Net } from './network';

const INV_SQRT2PI = 1 / Math.sqrt(2 * Math.PI);

/** Φ(x), the standard normal distribution function. */
export const normalCdf = (x: number) => 0.5 * (1 + erf(x * Math.SQRT1_2));
/** φ(x), the standard normal density. */
export const normalPdf = (x: number) => INV_SQRT2PI * Math.exp(-0.5 * x * x);

/** σ̃(z, s) = E[max(z + s·g, 0)], g ~ N(0, 1): zΦ(z/s) + sφ(z/s); the ReLU itself at s = 0. */
export function smoothedRelu(z: number, s: number): number {
  if (s <= 0) return Math.max(z, 0);
  return z * normalCdf(z / s) + s * normalPdf(z / s);
}

/** The proxy zΦ(z/s) the paper's analysis uses (σ̃ without its sφ(z/s) term). */
export function proxyRelu(z: number, s: number): number {
  if (s <= 0) return Math.max(z, 0);
  return z * normalCdf(z / s);
}

/** One round's input masks: n·d entries c = 1 + ν·g (row i = sample i), from the run's own stream. */
export function sampleInputMasks(rng: Rng, n: number, d: number, nu: number): Float32Array {
  const out = new Float32Array(n * d);
  for (let q = 0; q < out.length; q++) out[q] = 1 + nu * rng.normal();
  return out;
}

/** X ⊙ C: every sample's input with its mask applied. */
export function maskInputs(X: Mat, C: ArrayLike<number>): Mat {
  const out = mat(X.rows, X.cols);
  for (let q = 0; q < out.data.length; q++) out.data[q] = X.data[q] * C[q];
  return out;
}

/** Pre-activations z_ir = ⟨w_r, x_i⟩ and spreads s_ir = ν‖w_r ⊙ x_i‖ (n·m each, row i = sample i). */
export function preActivations(X: Mat, W: Mat, nu: number): { z: Float64Array; s: Float64Array } {
  const { rows: n, cols: d } = X;
  const m = W.rows;
  const z = new Float64Array(n * m);
  const s = new Float64Array(n * m);
  for (let i = 0; i < n; i++)
    for (let r = 0; r < m; r++) {
      let zz = 0;
      let ss = 0;
      for (let j = 0; j < d; j++) {
        const v = W.data[r * d + j] * X.data[i * d + j];
        zz += v;
        ss += v * v;
      }
      z[i * m + r] = zz;
      s[i * m + r] = nu * Math.sqrt(ss);
    }
  return { z, s };
}

/** E_c f(W, x_i ⊙ c_i) = s_out Σ_r a_r σ̃(z_ir, s_ir) for every sample (ReLU). */
export function smoothedOutputs(X: Mat, W: Mat, a: ArrayLike<number>, nu: number, net: Net): Float64Array {
  const { z, s } = preActivations(X, W, nu);
  const m = W.rows;
  const u = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) {
    let acc = 0;
    for (let r = 0; r < m; r++) acc += a[r] * smoothedRelu(z[i * m + r], s[i * m + r]);
    u[i] = net.outScale * acc;
  }
  return u;
}

/** f(W, x_i ⊙ c_i) for every sample, with the masks C (n·d) — the network the masked round trains (ReLU). */
export function maskedOutputs(X: Mat, W: Mat, a: ArrayLike<number>, C: ArrayLike<number>, net: Net): Float64Array {
  const { rows: n, cols: d } = X;
  const m = W.rows;
  const u = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let acc = 0;
    for (let r = 0; r < m; r++) {
      let z = 0;
      for (let j = 0; j < d; j++) z += W.data[r * d + j] * X.data[i * d + j] * C[i * d + j];
      if (z > 0) acc += a[r] * z;
    }
    u[i] = net.outScale * acc;
  }
  return u;
}

/** The expected squared error over the masks, split as E‖f − y‖² = ‖E f − y‖² + Σ_i Var f_i (THEORY.md J.1). */
export interface Decomposition {
  /** ‖E_c f − y‖²: the smoothed network's error, closed form. */
  smoothed: number;
  /** Σ_i Var_c f(W, x_i ⊙ c_i), by Monte Carlo over `draws` draws of the masks, and its standard error. */
  variance: number;
  varianceSe: number;
  draws: number;
  /** ‖f(W, X) − y‖²: the clean error, masks off. */
  clean: number;
  /** E_c f(W, x_i ⊙ c_i), closed form. */
  expected: Float64Array;
}

/**
 * The decomposition for the weights (W, a): the variance term from `draws` draws of all n·d masks, each draw's
 * Σ_i (f_i − E f_i)² an unbiased estimate (the mean E f is exact), its standard error from their spread.
 */
export function decompose(
  X: Mat,
  y: ArrayLike<number>,
  W: Mat,
  a: ArrayLike<number>,
  nu: number,
  net: Net,
  rng: Rng,
  draws: number,
): Decomposition {
  const { rows: n, cols: d } = X;
  const expected = smoothedOutputs(X, W, a, nu, net);
  const clean = smoothedOutputs(X, W, a, 0, net);
  let smoothed = 0;
  let cleanErr = 0;
  for (let i = 0; i < n; i++) {
    smoothed += (expected[i] - y[i]) ** 2;
    cleanErr += (clean[i] - y[i]) ** 2;
  }
  const values = new Float64Array(draws);
  for (let k = 0; k < draws; k++) {
    const u = maskedOutputs(X, W, a, sampleInputMasks(rng, n, d, nu), net);
    let v = 0;
    for (let i = 0; i < n; i++) v += (u[i] - expected[i]) ** 2;
    values[k] = v;
  }
  const { mean, se } = meanSe(values);
  return { smoothed, variance: mean, varianceSe: se, draws, clean: cleanErr, expected };
}

/** The mean of a sample and its standard error (0 with fewer than two values). */
export function meanSe(values: ArrayLike<number>): { mean: number; se: number } {
  const k = values.length;
  let mean = 0;
  for (let q = 0; q < k; q++) mean += values[q];
  mean /= k;
  if (k < 2) return { mean, se: 0 };
  let ss = 0;
  for (let q = 0; q < k; q++) ss += (values[q] - mean) ** 2;
  return { mean, se: Math.sqrt(ss / (k - 1) / k) };
}

/** A typical neuron–sample pair of the network: the product w_r ⊙ x_i whose norm is the median over all pairs. */
export function typicalProduct(X: Mat, W: Mat): Float64Array {
  const { s } = preActivations(X, W, 1);
  const order = Array.from(s.keys()).sort((p, q) => s[p] - s[q]);
  const pick = order[order.length >> 1];
  const [i, r] = [Math.floor(pick / W.rows), pick % W.rows];
  const d = X.cols;
  return Float64Array.from({ length: d }, (_, j) => W.data[r * d + j] * X.data[i * d + j]);
}

/** Monte Carlo of E_c σ(z + Σ_j v_j (c_j − 1)), c ~ N(1, ν²I), at each z: the smoothed ReLU with s = ν‖v‖, sampled. */
export function smoothedMonteCarlo(
  v: ArrayLike<number>,
  nu: number,
  zs: readonly number[],
  draws: number,
  rng: Rng,
): { mean: number[]; se: number[] } {
  const shifts = new Float64Array(draws);
  for (let k = 0; k < draws; k++) {
    let t = 0;
    for (let j = 0; j < v.length; j++) t += v[j] * nu * rng.normal();
    shifts[k] = t;
  }
  const out = zs.map((z) => meanSe(shifts.map((t) => Math.max(z + t, 0))));
  return { mean: out.map((o) => o.mean), se: out.map((o) => o.se) };
}

/** Whether a run's inputs are masked: Gaussian masks with ν > 0 (at ν = 0 the clean inputs are used, drawing nothing). */
export const masksInputs = (c: { inputmask: string; nu: number }) => c.inputmask === 'gauss' && c.nu > 0;

/** The input masks' own random stream for a run (apart from the neuron masks', so that ν never shifts those). */
export const inputStream = (seed: number) => Rng.stream(seed, 'inputs');
