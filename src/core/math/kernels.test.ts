// THEORY.md G.1 (H^∞) and G.2 (K1): exact values and Monte Carlo agreement of the closed forms.
import { describe, expect, it } from 'vitest';

import { lambdaMinOf } from './eigen';
import { hInf, hInfEntry, k1Entry, kSigma } from './kernels';
import { fromRows, gram, type Mat } from './matrix';
import { Rng } from './rng';
import { monteCarlo, randomUnitRows } from './testing';

/** ⟨w, x_i⟩ for one draw w ~ N(0, κ²I). */
function activations(X: Mat, rng: Rng, kappa: number): number[] {
  const w = Array.from({ length: X.cols }, () => kappa * rng.normal());
  return Array.from({ length: X.rows }, (_, i) => w.reduce((s, wj, j) => s + wj * X.data[i * X.cols + j], 0));
}

describe('H^∞ (G.1)', () => {
  it('has diagonal exactly 1/2 for unit rows', () => {
    const H = hInf(randomUnitRows(6, 4, 1));
    for (let i = 0; i < 6; i++) expect(H.data[i * 6 + i]).toBeCloseTo(0.5, 14);
  });

  it('is 0 for orthogonal and antiparallel pairs, 1/2 for a parallel pair', () => {
    expect(hInfEntry(0)).toBe(0);
    expect(hInfEntry(-1)).toBeCloseTo(0, 15);
    expect(hInfEntry(1)).toBe(0.5);
    expect(hInfEntry(1 + 1e-12)).toBe(0.5); // clipped
  });

  it('is singular when a row is duplicated', () => {
    const X = fromRows([
      [1, 0, 0],
      [0.6, 0.8, 0],
      [1, 0, 0],
    ]);
    expect(Math.abs(lambdaMinOf(3, hInf(X).data))).toBeLessThan(1e-12);
  });

  it('matches Monte Carlo over w ~ N(0, κ²I) (M = 4·10^5, within 4 standard errors), for any κ', () => {
    const X = randomUnitRows(4, 5, 2);
    const H = hInf(X);
    const G = gram(X);
    for (const kappa of [1, 3]) {
      const rng = new Rng(7 + kappa);
      const { mean, se } = monteCarlo(400_000, 16, (out) => {
        const on = activations(X, rng, kappa).map((z) => (z >= 0 ? 1 : 0));
        for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) out[i * 4 + j] = G.data[i * 4 + j] * on[i] * on[j];
      });
      for (let q = 0; q < 16; q++) {
        expect(Math.abs(mean[q] - H.data[q])).toBeLessThanOrEqual(4 * se[q] + 1e-12);
        expect(se[q]).toBeLessThan(1e-3);
      }
    }
  });
});

describe('K1 (G.2)', () => {
  it('has K1_ii = 1/2 and scales with κ²', () => {
    expect(k1Entry(1)).toBeCloseTo(0.5, 15);
    const K = kSigma(randomUnitRows(3, 4, 3), 2);
    for (let i = 0; i < 3; i++) expect(K.data[i * 3 + i]).toBeCloseTo(2, 14);
  });

  it('matches Monte Carlo E[σ(⟨w,x_i⟩)σ(⟨w,x_j⟩)] (M = 4·10^5, within 4 standard errors)', () => {
    const X = randomUnitRows(4, 5, 4);
    const K = kSigma(X, 1);
    const rng = new Rng(11);
    const { mean, se } = monteCarlo(400_000, 16, (out) => {
      const s = activations(X, rng, 1).map((z) => Math.max(z, 0));
      for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) out[i * 4 + j] = s[i] * s[j];
    });
    for (let q = 0; q < 16; q++) {
      expect(Math.abs(mean[q] - K.data[q])).toBeLessThanOrEqual(4 * se[q]);
      expect(se[q]).toBeLessThan(3e-3);
    }
  });
});
