// The paper's guarantee (THEORY.md C.2, G.15): B_1 = 0 at ξ = 1, the rates and terms on fixed inputs, what would bring
// B_1 below ‖y − u_0‖², and the conversion: the v1 network with V = W/ξ, η_v1 = η/ξ² reproduces the app's rounds.
import { describe, expect, it } from 'vitest';

import { type Mat, mat } from '../math/matrix';
import { Rng } from '../math/rng';
import { randomUnitRows, relErr } from '../math/testing';
import { dominantTerm, guarantee, whatWouldHelp } from './guarantee';
import { initWeights } from './init';
import { sampleMasks } from './masks';
import { referenceRound } from './reference';

const base = { xi: 0.5, p: 4, tau: 3, eta: 0.01, kappa: 1, categorical: false };
const sizes = { n: 16, d: 8, m: 1024, lambda0: 0.08, rounds: 1000, delta: 0.1 };

describe('the paper\u2019s guarantee, converted to the app\u2019s convention', () => {
  it('G.15: at ξ = 1, θ = 1 and 1 − ξ = 0, so every term of B_1 vanishes (any p, τ)', () => {
    for (const [p, tau] of [
      [1, 1],
      [4, 3],
      [10, 7],
    ]) {
      const g = guarantee({ ...base, xi: 1, p, tau }, sizes);
      expect(g.B1).toBe(0);
      expect(g.corollary).toMatch(/full-batch GD/);
    }
  });
  it('rate 1 − ηθτλ_0/(4ξ), B_1 term by term, and the orders of its conditions', () => {
    const g = guarantee(base, sizes);
    const th = 1 - 0.5 ** 4;
    expect(g.rate).toBeCloseTo(1 - (0.01 * th * 3 * 0.08) / (4 * 0.5), 15);
    const [eta1, k1, l1] = [0.01 / 0.25, 4, 0.04];
    expect(relErr(g.terms[0].value, (64 * 0.25 * 16 ** 3 * 8) / (1024 * l1 * l1))).toBeLessThan(1e-14);
    expect(relErr(g.terms[1].value, (68 * eta1 * 3 * (th - 0.25) * 16 ** 3 * k1) / (4 * l1))).toBeLessThan(1e-14);
    expect(
      relErr(
        g.B1,
        g.terms.reduce((s, t) => s + t.value, 0),
      ),
    ).toBeLessThan(1e-15);
    expect(g.etaOrder).toBeCloseTo(0.25 * (l1 / (16 * 16 * 3)), 15);
    expect(g.corollary).toMatch(/Corollary 6/);
    expect(guarantee({ ...base, p: 1, tau: 1 }, sizes).corollary).toMatch(/Corollary 4/);
    expect(guarantee({ ...base, tau: 1 }, sizes).corollary).toMatch(/Corollary 5/);
  });
  it('Theorem 7 for IST: rate ½ + ½(1 − ηpλ_0/2)^τ and an error term ∝ τ(p−1)²/m', () => {
    const g = guarantee({ ...base, xi: 0.25, categorical: true }, sizes);
    expect(g.theorem).toBe('Theorem 7');
    expect(g.rate).toBeCloseTo(0.5 + 0.5 * (1 - (0.01 * 4 * 0.08) / 2) ** 3, 15);
    const twice = guarantee({ ...base, xi: 0.25, categorical: true }, { ...sizes, m: 2048 });
    expect(twice.B1).toBeCloseTo(g.B1 / 2, 6);
  });
  it('says what would bring B_1 below the initial error: a width when the 1/m term dominates, else the setting', () => {
    const onlyWidth = guarantee({ ...base, tau: 1, eta: 1e-9, p: 1000 }, sizes);
    expect(dominantTerm(onlyWidth).lowers).toMatch(/^width/);
    const help = whatWouldHelp(onlyWidth, 1024, 5) as string;
    expect(help).toMatch(/^a width of about m = [\d.]+e\+\d+ \(the 1\/m term dominates\)$/);
    const m = Number(help.match(/m = ([\d.e+]+)/)![1]);
    expect(guarantee({ ...base, tau: 1, eta: 1e-9, p: 1000 }, { ...sizes, m: m * 1.1 }).B1).toBeLessThan(5);
    expect(whatWouldHelp(guarantee(base, sizes), 1024, 5)).toMatch(/^(τ = 1|a smaller|more subnetworks)/);
    expect(whatWouldHelp(guarantee({ ...base, xi: 1 }, sizes), 1024, 5)).toBeNull();
  });
});

/** One round of the v1 algorithm: full network scaled by ξ, surrogates unscaled, local GD with η_v1, keep rule. */
function v1Round(
  X: Mat,
  y: Float64Array,
  a: Float64Array,
  V: Mat,
  masks: ArrayLike<number>,
  p: number,
  tau: number,
  eta1: number,
): Mat {
  const { rows: n, cols: d } = X;
  const m = V.rows;
  const sum = new Float64Array(m * d);
  const N = new Float64Array(m);
  for (let l = 0; l < p; l++) {
    const Vl = mat(m, d, V.data);
    for (let t = 0; t < tau; t++) {
      const e = new Float64Array(n).map((_, i) => -y[i]);
      const z = (r: number, i: number) =>
        Vl.data.subarray(r * d, r * d + d).reduce((s, v, j) => s + v * X.data[i * d + j], 0);
      for (let r = 0; r < m; r++)
        if (masks[l * m + r]) for (let i = 0; i < n; i++) e[i] += (a[r] / Math.sqrt(m)) * Math.max(z(r, i), 0);
      const step = new Float64Array(m * d);
      for (let r = 0; r < m; r++) {
        if (!masks[l * m + r]) continue;
        for (let i = 0; i < n; i++)
          if (z(r, i) >= 0)
            for (let j = 0; j < d; j++) step[r * d + j] += ((eta1 * a[r]) / Math.sqrt(m)) * e[i] * X.data[i * d + j];
      }
      step.forEach((s, q) => (Vl.data[q] -= s));
    }
    for (let r = 0; r < m; r++)
      if (masks[l * m + r]) {
        N[r]++;
        for (let j = 0; j < d; j++) sum[r * d + j] += Vl.data[r * d + j];
      }
  }
  return mat(
    m,
    d,
    V.data.map((v, q) => (N[Math.floor(q / d)] ? sum[q] / N[Math.floor(q / d)] : v)),
  );
}

describe('G.15: the v1 convention is a reparameterization of the app\u2019s', () => {
  it('V = W/ξ, η_v1 = η/ξ², κ_v1 = κ/ξ: ξ·V equals the app\u2019s weights after every round, to float64 rounding', () => {
    const [n, d, m, xi, p, tau, eta] = [6, 3, 24, 0.4, 3, 2, 0.3];
    const X = randomUnitRows(n, d, 4);
    const y = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
    const { W: W0, a } = initWeights(m, d, { w: 1, a: null }, new Rng(7));
    let W = W0;
    let V = mat(
      m,
      d,
      W0.data.map((w) => w / xi),
    );
    const rng = new Rng(11);
    for (let k = 0; k < 5; k++) {
      const masks = sampleMasks(rng, 'bernoulli', p, m, xi);
      W = referenceRound(X, y, a, W, masks, { xi, p, tau, eta, aggregate: 'keep' }).W;
      V = v1Round(X, y, a, V, masks, p, tau, eta / (xi * xi));
      const scale = Math.max(...W.data.map(Math.abs));
      W.data.forEach((w, q) => expect(Math.abs(w - xi * V.data[q])).toBeLessThan(1e-12 * scale));
    }
  });
});
