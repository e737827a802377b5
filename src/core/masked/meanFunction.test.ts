// THEORY.md I.1–I.3: the function-space statement exact for linearized GD with the empirical kernels (to 1e-10); the
// mean function interpolating the targets as k grows; the modes' floors summing to R_lazy and their curves to the
// predicted curve; milestones; circle data's singular NTK with equally spaced angles and even n.
import { describe, expect, it } from 'vitest';

import { eigenvector, symEigen } from '../math/eigen';
import { type Mat, mat, matmul, transpose } from '../math/matrix';
import { Rng } from '../math/rng';
import { parseConfig } from './config';
import { anglesOf, circleData, frequencyNotes } from './datasets';
import { crossKernel, kernelIncrement, meanIncrement } from './meanFunction';
import { milestone, modeTheory, predictedMode } from './modes';
import { makeProblem } from './problem';
import { schemeOf } from './summary';
import { predictedCurve, radiusLazy, spectrum } from './theory';

/** ∂f(x)/∂W for f = (1/√m)Σ a_r σ(⟨w_r, x⟩): one row of md numbers per input. */
function jacobian(Z: Mat, W: Mat, a: Float64Array): Mat {
  const { rows: m, cols: d } = W;
  const J = mat(Z.rows, m * d);
  for (let i = 0; i < Z.rows; i++)
    for (let r = 0; r < m; r++) {
      let z = 0;
      for (let j = 0; j < d; j++) z += W.data[r * d + j] * Z.data[i * d + j];
      if (z >= 0) for (let j = 0; j < d; j++) J.data[i * m * d + r * d + j] = (a[r] / Math.sqrt(m)) * Z.data[i * d + j];
    }
  return J;
}

describe('the function the network computes (I.1)', () => {
  it('linearized GD with the empirical kernels: f_k(x) − f_0(x) = H(x, X)·H⁻¹·(e_0 − e_k), to 1e-10', () => {
    const n = 8;
    const m = 64;
    const data = circleData(n, [1, 2], 'random', new Rng(5));
    const rng = new Rng(6);
    const W = mat(
      m,
      2,
      Array.from({ length: 2 * m }, () => rng.normal()),
    );
    const a = Float64Array.from({ length: m }, () => rng.sign());
    const grid = mat(
      50,
      2,
      Array.from({ length: 100 }, (_, q) => (q % 2 ? Math.sin : Math.cos)((2 * Math.PI * (q >> 1)) / 50)),
    );
    const J = jacobian(data.X, W, a);
    const Jz = jacobian(grid, W, a);
    const H = matmul(J, transpose(J));
    const Hz = matmul(Jz, transpose(J));
    const eig = symEigen(H);
    const eta = 0.5 / eig.values[n - 1];
    // u_0 = 0 at the linearization point for simplicity of the check: e = y − u.
    const delta = new Float64Array(m * 2);
    const e0 = Float64Array.from(data.y);
    let e = Float64Array.from(e0);
    for (let k = 0; k < 300; k++) {
      for (let q = 0; q < delta.length; q++) {
        let g = 0;
        for (let i = 0; i < n; i++) g += J.data[i * delta.length + q] * e[i];
        delta[q] += eta * g;
      }
      e = Float64Array.from(data.y, (y, i) => {
        let u = 0;
        for (let q = 0; q < delta.length; q++) u += J.data[i * delta.length + q] * delta[q];
        return y - u;
      });
    }
    const moved = Float64Array.from({ length: grid.rows }, (_, z) => {
      let s = 0;
      for (let q = 0; q < delta.length; q++) s += Jz.data[z * delta.length + q] * delta[q];
      return s;
    });
    const vectors = Array.from(eig.values, (_, i) => eigenvector(eig, i));
    const formula = kernelIncrement(Hz, vectors, eig.values, e0, e);
    const gap = Math.max(...moved.map((v, z) => Math.abs(v - formula[z])));
    expect(gap).toBeLessThan(1e-10);
    expect(Math.max(...moved.map(Math.abs))).toBeGreaterThan(0.1);
  });

  it('the lazy-limit mean function becomes kernel regression with H^∞: it meets the targets at the training points', () => {
    const c = parseConfig('data=circle&n=12&scheme=gd&m=256').config;
    const p = makeProblem(c);
    const sp = p.spectrum;
    const s = schemeOf(c, sp);
    const A = Float64Array.from(sp.lambdas, (l) => 1 - s.eta * l);
    const e0 = Float64Array.from(p.data.y);
    const atX = meanIncrement(crossKernel(p.data.X, p.data.X), sp.vectors, sp.lambdas, A, e0, 1e7);
    atX.forEach((v, i) => expect(v).toBeCloseTo(e0[i], 8));
    // Early on it has barely moved.
    const early = meanIncrement(crossKernel(p.data.X, p.data.X), sp.vectors, sp.lambdas, A, e0, 1);
    expect(Math.max(...early.map(Math.abs))).toBeLessThan(0.2 * Math.max(...e0.map(Math.abs)));
  });
});

describe('the error direction by direction (I.3)', () => {
  const c = parseConfig('scheme=msdropout&p=3&xi=0.5&n=16&d=8&m=1024').config;
  const p = makeProblem(c);
  const s = schemeOf(c, p.spectrum);
  const c0 = Float64Array.from({ length: 16 }, (_, i) => 0.1 * (i + 1));
  const t = modeTheory(
    p.spectrum,
    s,
    c0,
    Array.from({ length: 16 }, (_, i) => i),
  );
  it('the floors sum to R_lazy (to 1e-12) and the modes to the predicted curve', () => {
    const sum = t.floor.reduce((x, y) => x + y, 0);
    expect(Math.abs(sum - radiusLazy(p.spectrum, s))).toBeLessThan(1e-12 * Math.max(1, sum));
    for (const k of [0, 10, 500]) {
      let total = 0;
      for (let j = 0; j < 16; j++) {
        const q = predictedMode(t, j, k);
        total += q.mean + q.floor;
      }
      expect(total).toBeCloseTo(predictedCurve(p.spectrum, s, c0, [k])[0], 10);
    }
  });
  it('the floors grow with λ: the neighbourhood lives in the fast directions', () => {
    expect(t.floor[15]).toBeGreaterThan(10 * t.floor[0]);
  });
  it('a milestone is the first round whose mean part is below the floor', () => {
    for (let j = 0; j < 16; j++) {
      const k = milestone(t, j);
      if (k === null) continue;
      expect(predictedMode(t, j, k).mean).toBeLessThan(t.floor[j]);
      expect(predictedMode(t, j, k - 1).mean).toBeGreaterThanOrEqual(t.floor[j]);
    }
  });
  it('GD has no floor, and no milestone', () => {
    const g = parseConfig('scheme=gd&n=16&d=8').config;
    const tg = modeTheory(p.spectrum, schemeOf(g, p.spectrum), c0, [0, 15]);
    expect(Array.from(tg.floor)).toEqual([0, 0]);
    expect(milestone(tg, 1)).toBeNull();
  });
});

describe('circle data (I.2)', () => {
  it('with equally spaced angles and even n, H^∞ is singular; random angles are in general position', () => {
    for (const n of [16, 32]) {
      const even = circleData(n, [1, 2], 'even', new Rng(1));
      expect(spectrum(even.X).lambda0).toBeLessThan(1e-12);
      const random = circleData(n, [1, 2], 'random', new Rng(1));
      expect(spectrum(random.X).lambda0).toBeGreaterThan(1e-5);
    }
    expect(spectrum(circleData(17, [1, 2], 'even', new Rng(1)).X).lambda0).toBeGreaterThan(1e-3);
  });
  it('targets are the mean of the sines; angles read back; odd frequencies ≥ 3 are named', () => {
    const data = circleData(10, [1, 3], 'random', new Rng(2));
    const phi = anglesOf(data.X);
    phi.forEach((f, i) => expect(data.y[i]).toBeCloseTo((Math.sin(f) + Math.sin(3 * f)) / 2, 12));
    expect(frequencyNotes([1, 2])).toEqual([]);
    expect(frequencyNotes([1, 3, 5])[0]).toMatch(/^Frequency 3, 5: the NTK of the ReLU without bias/);
  });
  it('the link forces d = 2 and clamps frequencies above n/2, in words', () => {
    const r = parseConfig('data=circle&d=8&n=10&freq=1,9');
    expect(r.config).toMatchObject({ d: 2, freq: '1,5' });
    expect(r.messages).toEqual([
      'Circle data live on the unit circle, in d = 2; d = 8 was replaced.',
      'freq values above n/2 = 5 alias on 10 samples; 9 clamped to 5.',
    ]);
    expect(parseConfig('data=circle&freq=abc').messages[0]).toMatch(/freq = "abc" is not a list of numbers/);
  });
});
