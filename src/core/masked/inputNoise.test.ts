// Gaussian input masks (THEORY.md J.1): the smoothed ReLU's closed form against Monte Carlo at 10⁶ samples, its limits
// and the proxy; the mean output in closed form and the split E‖f − y‖² = ‖E f − y‖² + Σ Var f against a plain Monte
// Carlo of the left side for a small network; the masks' draw.
import { describe, expect, it } from 'vitest';

import { mat } from '../math/matrix';
import { Rng } from '../math/rng';
import { monteCarlo, randomUnitRows } from '../math/testing';
import {
  decompose,
  maskedOutputs,
  maskInputs,
  meanSe,
  normalPdf,
  proxyRelu,
  sampleInputMasks,
  smoothedMonteCarlo,
  smoothedOutputs,
  smoothedRelu,
} from './inputNoise';
import { lazyNet } from './network';

describe('the smoothed ReLU σ̃(z, s) = zΦ(z/s) + sφ(z/s)', () => {
  it('equals E max(z + s·g, 0) within 4 standard errors at 10⁶ samples, over a grid of z and s', () => {
    const rng = new Rng(27);
    const M = 1_000_000;
    const g = Float64Array.from({ length: M }, () => rng.normal());
    for (const s of [0.05, 0.3, 1, 2])
      for (const z of [-1.5, -0.4, -0.05, 0, 0.1, 0.7, 2]) {
        const { mean, se } = meanSe(g.map((v) => Math.max(z + s * v, 0)));
        // Far below the kink every sample is 0 (se = 0) and σ̃ is below 1e−15.
        expect(Math.abs(mean - smoothedRelu(z, s)), `z = ${z}, s = ${s}`).toBeLessThan(4 * se + 1e-15);
      }
  });

  it('is the ReLU at s = 0, s/√(2π) at z = 0, never below the ReLU, and the proxy lacks only sφ(z/s)', () => {
    for (const z of [-2, -0.5, 0, 0.3, 4]) expect(smoothedRelu(z, 0)).toBe(Math.max(z, 0));
    expect(smoothedRelu(0, 0.7)).toBeCloseTo(0.7 / Math.sqrt(2 * Math.PI), 14);
    for (const s of [0.1, 1])
      for (const z of [-1, -0.2, 0.2, 1]) {
        expect(smoothedRelu(z, s)).toBeGreaterThanOrEqual(Math.max(z, 0));
        expect(smoothedRelu(z, s) - proxyRelu(z, s)).toBeCloseTo(s * normalPdf(z / s), 14);
      }
    // Far from the kink the smoothing vanishes: σ̃ → ReLU.
    expect(smoothedRelu(3, 0.2)).toBeCloseTo(3, 10);
    expect(smoothedRelu(-3, 0.2)).toBeCloseTo(0, 10);
  });

  it('is what masking a real product w ⊙ x gives: s = ν‖w ⊙ x‖', () => {
    const v = [0.4, -0.3, 0.2, 0.5];
    const nu = 0.8;
    const s = nu * Math.hypot(...v);
    const zs = [-0.5, 0, 0.4];
    const mc = smoothedMonteCarlo(v, nu, zs, 200_000, new Rng(3));
    zs.forEach((z, k) => expect(Math.abs(mc.mean[k] - smoothedRelu(z, s))).toBeLessThan(4 * mc.se[k]));
  });
});

describe('the network under Gaussian input masks', () => {
  const [n, d, m, nu] = [4, 3, 8, 0.5];
  const X = randomUnitRows(n, d, 11);
  const rng = new Rng(5);
  const W = mat(
    m,
    d,
    Float64Array.from({ length: m * d }, () => rng.normal()),
  );
  const a = Float64Array.from({ length: m }, (_, r) => (r % 2 ? 1 : -1));
  const y = Float64Array.from([0.3, -0.2, 0.5, 0.1]);
  const net = lazyNet(m);

  it('draws masks 1 + ν·g, exactly 1 at ν = 0, and applies them entry by entry', () => {
    expect([...sampleInputMasks(new Rng(1), n, d, 0)]).toEqual(Array(n * d).fill(1));
    const C = sampleInputMasks(new Rng(1), n, d, nu);
    expect(meanSe(C).mean).toBeGreaterThan(0.5);
    const Xc = maskInputs(X, C);
    Xc.data.forEach((v, q) => expect(v).toBe(X.data[q] * C[q]));
    // The masked network is the network on the masked inputs.
    const u = maskedOutputs(X, W, a, C, net);
    const direct = smoothedOutputs(Xc, W, a, 0, net);
    u.forEach((v, i) => expect(v).toBeCloseTo(direct[i], 12));
  });

  it('has E_c f = s Σ_r a_r σ̃(z_r, s_r) (closed form against Monte Carlo)', () => {
    const r2 = new Rng(8);
    const { mean, se } = monteCarlo(200_000, n, (out) =>
      out.set(maskedOutputs(X, W, a, sampleInputMasks(r2, n, d, nu), net)),
    );
    const exact = smoothedOutputs(X, W, a, nu, net);
    exact.forEach((v, i) => expect(Math.abs(v - mean[i])).toBeLessThan(4 * se[i]));
  });

  it('splits the expected squared error into the smoothed error and the variance, as a plain Monte Carlo measures it', () => {
    const r3 = new Rng(9);
    const M = 200_000;
    const plain = new Float64Array(M);
    for (let k = 0; k < M; k++) {
      const u = maskedOutputs(X, W, a, sampleInputMasks(r3, n, d, nu), net);
      plain[k] = u.reduce((acc, v, i) => acc + (v - y[i]) ** 2, 0);
    }
    const lhs = meanSe(plain);
    const dec = decompose(X, y, W, a, nu, net, new Rng(10), 50_000);
    expect(dec.draws).toBe(50_000);
    expect(dec.variance).toBeGreaterThan(0);
    expect(Math.abs(dec.smoothed + dec.variance - lhs.mean)).toBeLessThan(4 * Math.hypot(lhs.se, dec.varianceSe));
    // The clean error is the masks-off one; at ν = 0 the variance vanishes and the smoothed error is the clean one.
    const clean = smoothedOutputs(X, W, a, 0, net).reduce((acc, v, i) => acc + (v - y[i]) ** 2, 0);
    expect(dec.clean).toBeCloseTo(clean, 12);
    const off = decompose(X, y, W, a, 0, net, new Rng(10), 10);
    expect(off.variance).toBe(0);
    expect(off.smoothed).toBeCloseTo(clean, 12);
  });
});
