// THEORY.md G.3–G.8 on the float64 reference: init moments, GD equivalence, unselected neurons, IST partition,
// unbiased surrogates, the loss-increase identities, θ and the aggregation weight; the zero rule's dead neurons (B.6).
import { describe, expect, it } from 'vitest';

import { type Mat, mat, sumSquares } from '../math/matrix';
import { Rng } from '../math/rng';
import { monteCarlo, randomUnitRows } from '../math/testing';
import { parseConfig } from './config';
import { initWeights } from './init';
import { neuronCounts, sampleMasks } from './masks';
import { makeProblem } from './problem';
import { outputs, referenceRound, ReferenceTrainer, squaredError } from './reference';
import { theta } from './theory';

const X = randomUnitRows(6, 4, 21);
const y = Float64Array.from([0.3, -0.5, 0.9, -0.1, 0.4, -0.8]);

/** Plain full-batch GD step on ½‖y − u‖², written directly from THEORY.md A. */
function gdStep(W: Mat, a: Float64Array, eta: number): Mat {
  const { rows: m, cols: d } = W;
  const e = outputs(X, W, a).map((u, i) => u - y[i]);
  const out = mat(m, d, W.data);
  for (let r = 0; r < m; r++)
    for (let i = 0; i < X.rows; i++) {
      let z = 0;
      for (let j = 0; j < d; j++) z += W.data[r * d + j] * X.data[i * d + j];
      if (z >= 0)
        for (let j = 0; j < d; j++) out.data[r * d + j] -= (eta * a[r] * e[i] * X.data[i * d + j]) / Math.sqrt(m);
    }
  return out;
}

function maxAbsDiff(A: Mat, B: Mat): number {
  return A.data.reduce((s, v, q) => Math.max(s, Math.abs(v - B.data[q])), 0);
}

describe('initialization (G.3)', () => {
  it('E‖y − u_0‖² = ‖y‖² + nκ²/2 over the init', () => {
    const kappa = 1.5;
    const rng = new Rng(3);
    const { mean, se } = monteCarlo(20_000, 1, (out) => {
      const w = initWeights(32, 4, { w: kappa, a: null }, rng);
      out[0] = squaredError(outputs(X, w.W, w.a), y);
    });
    const expected = y.reduce((s, v) => s + v * v, 0) + (6 * kappa * kappa) / 2;
    expect(Math.abs(mean[0] - expected)).toBeLessThan(4 * se[0]);
  });
});

describe('special cases (G.4)', () => {
  const { W, a } = initWeights(40, 4, { w: 1, a: null }, new Rng(5));
  it('p = 1, ξ = 1, τ = 1: one round is one full-batch GD step', () => {
    const masks = new Float32Array(40).fill(1);
    const res = referenceRound(X, y, a, W, masks, { xi: 1, p: 1, tau: 1, eta: 0.3, aggregate: 'keep' });
    expect(maxAbsDiff(res.W, gdStep(W, a, 0.3))).toBeLessThan(1e-15);
  });
  it('ξ = 1, p = 3: one round is τ GD steps', () => {
    const masks = new Float32Array(120).fill(1);
    const res = referenceRound(X, y, a, W, masks, { xi: 1, p: 3, tau: 4, eta: 0.2, aggregate: 'keep' });
    let G = W;
    for (let t = 0; t < 4; t++) G = gdStep(G, a, 0.2);
    expect(maxAbsDiff(res.W, G)).toBeLessThan(1e-14);
  });
});

describe('unselected neurons (G.5)', () => {
  const { W, a } = initWeights(10, 4, { w: 1, a: null }, new Rng(8));
  const masks = new Float32Array(20);
  masks.set([1, 1, 0, 1, 0, 1, 1, 0, 1, 0], 0);
  masks.set([0, 1, 0, 1, 1, 0, 1, 0, 0, 0], 10); // neurons 2, 7 and 9 held by nobody
  const nobody = [2, 7, 9];
  it('keep rule: a neuron chosen by nobody keeps its weights', () => {
    const res = referenceRound(X, y, a, W, masks, { xi: 0.5, p: 2, tau: 3, eta: 0.5, aggregate: 'keep' });
    for (const r of nobody)
      expect(Array.from(res.W.data.subarray(r * 4, r * 4 + 4))).toEqual(Array.from(W.data.subarray(r * 4, r * 4 + 4)));
    expect(res.W.data[0]).not.toBe(W.data[0]); // neuron 0 was trained
  });
  it('zero rule (reference code): it is zeroed', () => {
    const res = referenceRound(X, y, a, W, masks, { xi: 0.5, p: 2, tau: 3, eta: 0.5, aggregate: 'zero' });
    for (const r of nobody) expect(Array.from(res.W.data.subarray(r * 4, r * 4 + 4))).toEqual([0, 0, 0, 0]);
  });
  it('a neuron outside a subnetwork gets zero local gradient (its copy is untouched)', () => {
    // Neuron 0 is only in subnetwork 0; with subnetwork 0 alone the result equals the two-subnetwork one.
    const only0 = masks.slice(0, 10);
    const one = referenceRound(X, y, a, W, only0, { xi: 0.5, p: 1, tau: 2, eta: 0.5, aggregate: 'keep' });
    const two = referenceRound(X, y, a, W, masks, { xi: 0.5, p: 2, tau: 2, eta: 0.5, aggregate: 'keep' });
    expect(Array.from(two.W.data.subarray(0, 4))).toEqual(Array.from(one.W.data.subarray(0, 4)));
  });
});

describe('IST partition (G.6)', () => {
  it('every neuron is in exactly one subnetwork, θ = 1, and Σ_l u^l = p·u', () => {
    const p = 4;
    const m = 50;
    const masks = sampleMasks(new Rng(2), 'categorical', p, m, 1 / p);
    expect(Array.from(neuronCounts(masks, p, m))).toEqual(new Array(m).fill(1));
    expect(theta(1 / p, p, true)).toBe(1);
    const { W, a } = initWeights(m, 4, { w: 1, a: null }, new Rng(9));
    const u = outputs(X, W, a);
    const sum = new Float64Array(X.rows);
    for (let l = 0; l < p; l++)
      outputs(X, W, a, masks.subarray(l * m, (l + 1) * m), 1 / p).forEach((v, i) => (sum[i] += v));
    sum.forEach((v, i) => expect(v).toBeCloseTo(p * u[i], 12));
  });
});

describe('surrogate moments (G.7, B.3)', () => {
  const m = 30;
  const { W, a } = initWeights(m, 4, { w: 1, a: null }, new Rng(13));
  const u = outputs(X, W, a);
  const base = squaredError(u, y);
  const sigmaSq = (() => {
    let s = 0;
    for (let r = 0; r < m; r++) {
      const coef = new Float64Array(m);
      coef[r] = 1;
      // (1/m)‖σ(Xw_r)‖² = ‖u restricted to neuron r‖² since a_r² = 1 and the 1/√m scaling.
      s += outputs(X, W, a, coef).reduce((acc, v) => acc + v * v, 0);
    }
    return s;
  })();

  it('Bernoulli: E_m[u_m] = u and E‖u_m − y‖² = ‖u − y‖² + ((1−ξ)/ξ)(1/m)Σ_r‖σ(Xw_r)‖²', () => {
    const xi = 0.3;
    const rng = new Rng(17);
    const { mean, se } = monteCarlo(40_000, X.rows + 1, (out) => {
      const um = outputs(X, W, a, sampleMasks(rng, 'bernoulli', 1, m, xi), xi);
      out.set(um);
      out[X.rows] = squaredError(um, y);
    });
    for (let i = 0; i < X.rows; i++) expect(Math.abs(mean[i] - u[i])).toBeLessThan(4 * se[i]);
    expect(Math.abs(mean[X.rows] - (base + ((1 - xi) / xi) * sigmaSq))).toBeLessThan(4 * se[X.rows]);
  });

  it('categorical: E‖u_m − y‖² = ‖u − y‖² + (p−1)(1/m)Σ_r‖σ(Xw_r)‖²', () => {
    const p = 3;
    const rng = new Rng(19);
    const { mean, se } = monteCarlo(40_000, 1, (out) => {
      const masks = sampleMasks(rng, 'categorical', p, m, 1 / p);
      out[0] = squaredError(outputs(X, W, a, masks.subarray(0, m), 1 / p), y);
    });
    expect(Math.abs(mean[0] - (base + (p - 1) * sigmaSq))).toBeLessThan(4 * se[0]);
  });
});

describe('θ and the aggregation weight (G.8)', () => {
  it('θ = 1 − (1−ξ)^p = P(N_r > 0), and E[m_r^l / max(N_r, 1)] = θ/p', () => {
    for (const [xi, p] of [
      [0.5, 1],
      [0.3, 4],
      [0.8, 3],
    ]) {
      const rng = new Rng(23);
      const { mean, se } = monteCarlo(100_000, 2, (out) => {
        const masks = sampleMasks(rng, 'bernoulli', p, 1, xi);
        const N = masks.reduce((s, v) => s + v, 0);
        out[0] = N > 0 ? 1 : 0;
        out[1] = masks[0] / Math.max(N, 1);
      });
      const th = theta(xi, p, false);
      expect(th).toBeCloseTo(1 - Math.pow(1 - xi, p), 15);
      expect(Math.abs(mean[0] - th)).toBeLessThan(4 * se[0] + 1e-12);
      expect(Math.abs(mean[1] - th / p)).toBeLessThan(4 * se[1] + 1e-12);
    }
  });
});

describe('the zero rule is the reference code\u2019s (THEORY.md B.6): σ′(0) = 0, so zeroed neurons stay dead', () => {
  const run = (p: number, rounds: number) => {
    const problem = makeProblem(
      parseConfig(`scheme=custom&mask=bernoulli&xi=0.5&p=${p}&aggregate=zero&n=10&d=5&m=200&seed=2`).config,
    );
    const t = new ReferenceTrainer(problem);
    let last = t.measure();
    for (let k = 0; k < rounds; k++) last = t.step();
    return {
      err: last.err,
      yNorm2: sumSquares(problem.data.y),
      dead: Array.from({ length: 200 }, (_, r) => t.W.data.subarray(r * 5, r * 5 + 5).every((v) => v === 0)).filter(
        Boolean,
      ).length,
    };
  };
  it('at p = 1 the whole network dies: the loss is ‖y‖² exactly', () => {
    const r = run(1, 60);
    expect(r.dead).toBe(200);
    expect(r.err).toBe(r.yNorm2);
  });
  it('at p = 10 a neuron dies only when no subnetwork picks it (0.1 % a round): the network stays alive and fits', () => {
    const r = run(10, 300);
    expect(r.dead).toBeGreaterThan(0);
    expect(r.dead).toBeLessThan(200 * 0.5);
    expect(r.err).toBeLessThan(0.2 * r.yNorm2);
  });
});
