/**
 * The NTK at initialization of any setting of the config table (activation, trained layers, initialization),
 * exact for ReLU (from the closed forms H^∞ and K1) and by Monte Carlo over neurons for GELU. The auto step size
 * comes from its λ_max.
 */
import { hInf, kSigma } from '../math/kernels';
import { gram, type Mat, mat } from '../math/matrix';
import { Rng } from '../math/rng';
import type { Config } from './config';
import { act, actGrad, initScales, netOf } from './network';

/** Neurons drawn for the Monte Carlo kernel of a GELU network (about 5 % error per entry: enough for a step size). */
export const KERNEL_SAMPLES = 2048;

/**
 * E over the initialization of the NTK at width m: c_W·(XXᵀ) ⊙ E[φ′(⟨w, x_i⟩)φ′(⟨w, x_j⟩)] from the first layer, with
 * c_W = m·E[(s a)²], plus c_A·E[φ(⟨w, x_i⟩)φ(⟨w, x_j⟩)] when the second layer trains, c_A = m·s². For ReLU these are
 * c_W·H^∞ and c_A·ω₁²·K1 (ω₁ the standard deviation of w); for GELU the expectations are sample means over
 * KERNEL_SAMPLES neurons from the seed's `kernel` stream.
 */
export function settingKernel(X: Mat, config: Config, samples = KERNEL_SAMPLES): Mat {
  const { rows: n, cols: d } = X;
  const { m } = config;
  const net = netOf(config, m);
  const sc = initScales(config, m, d);
  const cW = m * net.outScale ** 2 * (sc.a === null ? 1 : sc.a * sc.a);
  const cA = net.trainSecond ? m * net.outScale ** 2 : 0;
  if (config.act === 'relu') {
    const H = hInf(X);
    const K = kSigma(X, sc.w);
    return mat(
      n,
      n,
      H.data.map((h, q) => cW * h + cA * K.data[q]),
    );
  }
  const rng = Rng.stream(config.seed, 'kernel');
  const M = samples;
  const F = new Float64Array(n * M);
  const G = new Float64Array(n * M);
  const w = new Float64Array(d);
  for (let r = 0; r < M; r++) {
    for (let j = 0; j < d; j++) w[j] = sc.w * rng.normal();
    for (let i = 0; i < n; i++) {
      let z = 0;
      for (let j = 0; j < d; j++) z += w[j] * X.data[i * d + j];
      F[i * M + r] = act('gelu', z);
      G[i * M + r] = actGrad('gelu', z);
    }
  }
  const XX = gram(X);
  const out = mat(n, n);
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      let gg = 0;
      let ff = 0;
      for (let r = 0; r < M; r++) {
        gg += G[i * M + r] * G[j * M + r];
        ff += F[i * M + r] * F[j * M + r];
      }
      out.data[i * n + j] = out.data[j * n + i] = (cW * XX.data[i * n + j] * gg + cA * ff) / M;
    }
  return out;
}
