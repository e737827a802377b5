/**
 * Infinite-width kernels for unit-norm inputs (THEORY.md D.1, C.3, D.5): closed-form H^∞ (arc-cosine NTK of the first
 * layer) and K1 (arc-cosine kernel of order 1, the ReLU conjugate kernel).
 */
import { gram, type Mat, mat } from './matrix';

const clip = (r: number) => Math.max(-1, Math.min(1, r));

/** H^∞_ij = ρ (π − arccos ρ) / (2π), ρ = ⟨x_i, x_j⟩ (THEORY.md D.1). */
export function hInfEntry(rho: number): number {
  const r = clip(rho);
  return (r * (Math.PI - Math.acos(r))) / (2 * Math.PI);
}

/** K1_ij = (√(1−ρ²) + (π − arccos ρ) ρ) / (2π) (THEORY.md C.3); E[σ(⟨w,x_i⟩)σ(⟨w,x_j⟩)] = κ²·K1_ij. */
export function k1Entry(rho: number): number {
  const r = clip(rho);
  return (Math.sqrt(1 - r * r) + (Math.PI - Math.acos(r)) * r) / (2 * Math.PI);
}

/**
 * f applied to every ⟨x_i, x_j⟩. The diagonal uses ρ = 1 exactly (rows are unit norm, A1): ‖x‖² rounded to
 * 1 − 1e−16 would otherwise cost 1e−8 through arccos, whose slope is infinite at 1.
 */
function applyToGram(x: Mat, f: (rho: number) => number, scale = 1): Mat {
  const g = gram(x);
  const n = g.rows;
  const out = mat(n, n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) out.data[i * n + j] = scale * f(i === j ? 1 : g.data[i * n + j]);
  return out;
}

/** H^∞(X) for the rows of X (unit norm). Invariant to the init scale κ. */
export function hInf(x: Mat): Mat {
  return applyToGram(x, hInfEntry);
}

/** K_σ → κ²·K1(X), the limit of the conjugate kernel (1/m) Σ_r σ(Xw_r)σ(Xw_r)ᵀ. */
export function kSigma(x: Mat, kappa: number): Mat {
  return applyToGram(x, k1Entry, kappa * kappa);
}
