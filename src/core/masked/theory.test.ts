// Theory (THEORY.md C.3–C.5): the radius and its limits, the predicted curve, the rate, step sizes and widths.
import { describe, expect, it } from 'vitest';

import { symEigen } from '../math/eigen';
import { hInf } from '../math/kernels';
import { randomUnitRows, relErr } from '../math/testing';
import {
  etaAuto,
  etaStable,
  predictedCurve,
  projections,
  radiusBound,
  radiusLazy,
  radiusSmallEta,
  radiusStab,
  rate,
  type SchemeParams,
  spectrum,
  theta,
  widthRequired,
} from './theory';

const sp = spectrum(randomUnitRows(10, 5, 31));
const base: SchemeParams = { xi: 0.5, p: 1, tau: 1, eta: (0.1 * 0.5) / sp.lambdaMax, kappa: 1, categorical: false };

describe('spectrum', () => {
  it('gives λ_0, λ_max of H^∞ with λ_max ≤ tr H^∞ = n/2', () => {
    const e = symEigen(hInf(randomUnitRows(10, 5, 31)));
    expect(sp.lambda0).toBeCloseTo(e.values[0], 12);
    expect(sp.lambda0).toBeGreaterThan(0);
    expect(sp.lambdaMax).toBeLessThanOrEqual(10 / 2);
    expect(sp.lambdas.reduce((s, v) => s + v, 0)).toBeCloseTo(5, 10);
  });
});

describe('R_lazy (C.3)', () => {
  const R = radiusLazy(sp, base);
  it('is 0 at ξ = 1 and for categorical masks (IST, leading order)', () => {
    expect(radiusLazy(sp, { ...base, xi: 1 })).toBe(0);
    expect(radiusLazy(sp, { ...base, xi: 0.25, p: 4, categorical: true })).toBe(0);
  });
  it('scales like κ², falls with p, grows with τ, grows as ξ falls', () => {
    expect(radiusLazy(sp, { ...base, kappa: 2 })).toBeCloseTo(4 * R, 12);
    expect(radiusLazy(sp, { ...base, p: 4 })).toBeLessThan(R);
    expect(radiusLazy(sp, { ...base, p: 8 })).toBeLessThan(radiusLazy(sp, { ...base, p: 4 }));
    expect(radiusLazy(sp, { ...base, tau: 3 })).toBeGreaterThan(R);
    expect(radiusLazy(sp, { ...base, xi: 0.3 })).toBeGreaterThan(R);
  });
  it('matches its small-η form when ητλ_max/ξ ≪ 1, and stays under the data-free bound', () => {
    const small = { ...base, eta: 1e-4 };
    expect(relErr(radiusLazy(sp, small), radiusSmallEta(sp, small))).toBeLessThan(1e-3);
    for (const s of [base, { ...base, p: 4, tau: 3 }, { ...base, xi: 0.2, eta: 0.2 / sp.lambdaMax }])
      expect(radiusLazy(sp, s)).toBeLessThanOrEqual(radiusBound(10, s));
  });
  it('dropout: R ≈ η(1−ξ)/(2ξ)·tr(H K_σ) for small η (C.4)', () => {
    const s = { ...base, eta: 1e-4 };
    expect(relErr(radiusLazy(sp, s), ((1e-4 * 0.5) / (2 * 0.5)) * sp.trHK1)).toBeLessThan(1e-3);
  });
});

describe('predicted curve and rate (C.3)', () => {
  const e0 = Float64Array.from({ length: 10 }, (_, i) => Math.sin(i + 1));
  it('starts at ‖e_0‖² and tends to R_lazy', () => {
    const c = predictedCurve(sp, base, projections(sp, e0), [0, 200_000]);
    expect(c[0]).toBeCloseTo(
      e0.reduce((s, v) => s + v * v, 0),
      12,
    );
    expect(relErr(c[1], radiusLazy(sp, base))).toBeLessThan(1e-6);
  });
  it('contracts the slowest direction by ρ² per round', () => {
    const c = predictedCurve(sp, { ...base, xi: 1 }, projections(sp, sp.vectors[0]), [0, 1, 2]);
    const rho = rate(sp, { ...base, xi: 1 });
    expect(c[1] / c[0]).toBeCloseTo(rho * rho, 12);
  });
  it('GD with τ = 1 has ρ = 1 − ηλ_0; IST acts as τ steps with step pη', () => {
    expect(rate(sp, { ...base, xi: 1 })).toBeCloseTo(1 - base.eta * sp.lambda0, 14);
    const ist = { ...base, xi: 1 / 4, p: 4, tau: 2, categorical: true };
    expect(rate(sp, ist)).toBeCloseTo(Math.pow(1 - 4 * base.eta * sp.lambda0, 2), 14);
  });
});

describe('step sizes and widths (C.3, C.5)', () => {
  it('η_auto = 0.1ξ/λ_max and the stable bound 2ξ/λ_max', () => {
    expect(etaAuto(sp, 0.5)).toBeCloseTo(0.05 / sp.lambdaMax, 15);
    expect(etaStable(sp, 0.5)).toBeCloseTo(1 / sp.lambdaMax, 15);
  });
  it('R_stab = √(2π)κδλ_0/(16n²)', () => {
    expect(radiusStab(2, 0.1, 0.3, 10)).toBeCloseTo((Math.sqrt(2 * Math.PI) * 2 * 0.1 * 0.3) / 1600, 15);
  });
  it('m_req reduces to the mean-drift term for ξ = 1 and grows like n^6 at fixed λ_0', () => {
    const gd = { ...base, xi: 1 };
    const w = { n: 10, lambda0: 0.1, yNorm2: 3, delta: 0.1, rounds: 1000, rLazy: 0 };
    const e0 = Math.sqrt((3 + 10 / 2) / 0.1);
    const expected = (((16 * 100) / (Math.sqrt(2 * Math.PI) * 0.1 * 0.1)) * ((4 * Math.sqrt(10) * e0) / 0.1)) ** 2;
    expect(relErr(widthRequired(gd, w), expected)).toBeLessThan(1e-12);
    const big = widthRequired(gd, { ...w, n: 20, yNorm2: 6 });
    expect(big / widthRequired(gd, w)).toBeCloseTo(2 ** 6, 6);
    // The mask-noise random walk adds to the drift: a larger step needs a wider network.
    expect(widthRequired(base, w)).toBeGreaterThan(widthRequired({ ...base, eta: 0 }, w));
  });
  it('θ: 1 − (1−ξ)^p, 1 for categorical', () => {
    expect(theta(0.5, 1, false)).toBe(0.5);
    expect(theta(0.5, 3, false)).toBe(0.875);
    expect(theta(0.25, 4, true)).toBe(1);
  });
});
