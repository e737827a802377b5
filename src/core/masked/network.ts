/**
 * The network a configuration trains (THEORY.md A; Song et al. in E): f(x) = s·Σ_r a_r φ(⟨w_r, x⟩) with activation φ
 * (ReLU, or the exact GELU z·Φ(z)), output scale s (1/√m under the NTK initialization, 1 under LeCun and He), and a
 * second layer that is fixed or trained. Float64 φ and φ′ for the reference trainer and the kernels; the derivative
 * convention σ′(0) = 1 for ReLU (THEORY.md A).
 */
import erf from '@stdlib/math-base-special-erf';

import type { Activation, Config } from './config';

export interface Net {
  act: Activation;
  /** s: the output is s·Σ_r a_r φ(⟨w_r, x⟩). */
  outScale: number;
  /** The second layer a trains too (masked and averaged like the first). */
  trainSecond: boolean;
}

/** The setting of THEORY.md A, the lazy-limit theory's: ReLU, first layer, 1/√m. */
export function lazyNet(m: number): Net {
  return { act: 'relu', outScale: 1 / Math.sqrt(m), trainSecond: false };
}

export function netOf(config: Pick<Config, 'act' | 'layers' | 'init'>, m: number): Net {
  return {
    act: config.act,
    outScale: config.init === 'ntk' ? 1 / Math.sqrt(m) : 1,
    trainSecond: config.layers === 'both',
  };
}

/** Whether the derived lazy-limit theory (THEORY.md C.3) describes the setting: ReLU, first layer only, NTK initialization. */
export function lazyTheoryApplies(config: Pick<Config, 'act' | 'layers' | 'init'>): boolean {
  return config.act === 'relu' && config.layers === 'first' && config.init === 'ntk';
}

/** Standard deviations of the initial weights: w ~ N(0, w²I); a ~ N(0, a²), or ±1 when a is null. */
export interface InitScales {
  w: number;
  a: number | null;
}

/** ntk: (κ, ±1); lecun: (1/√d, 1/√m); he: (√(2/d), √(2/m)); the ratio multiplies ω₂/ω₁ at a fixed product ω₁ω₂. */
export function initScales(config: Pick<Config, 'init' | 'kappa' | 'ratio'>, m: number, d: number): InitScales {
  if (config.init === 'ntk') return { w: config.kappa, a: null };
  const gain = config.init === 'he' ? 2 : 1;
  const s = Math.sqrt(config.ratio);
  return { w: Math.sqrt(gain / d) / s, a: Math.sqrt(gain / m) * s };
}

const INV_SQRT2 = Math.SQRT1_2;
const INV_SQRT2PI = 1 / Math.sqrt(2 * Math.PI);

/** φ(z). */
export function act(kind: Activation, z: number): number {
  return kind === 'relu' ? Math.max(z, 0) : 0.5 * z * (1 + erf(z * INV_SQRT2));
}

/** φ′(z): 1{z ≥ 0} for ReLU (1{z > 0} when `strict`: TensorFlow's σ′(0) = 0); Φ(z) + z·pdf(z) for GELU. */
export function actGrad(kind: Activation, z: number, strict = false): number {
  if (kind === 'relu') return z > 0 || (z === 0 && !strict) ? 1 : 0;
  return 0.5 * (1 + erf(z * INV_SQRT2)) + z * INV_SQRT2PI * Math.exp(-0.5 * z * z);
}
