// THEORY.md H.1: the batch-means standard error on AR(1) series with a known answer, and the settle time of the prediction.
import { describe, expect, it } from 'vitest';

import { Rng } from '../math/rng';
import { randomUnitRows } from '../math/testing';
import { batchMeans, settleRounds, TRAILING_NEEDS, trailingPlateau } from './plateau';
import { predictedCurve, projections, radiusLazy, spectrum } from './theory';

/** x_k = μ + φ(x_{k−1} − μ) + σε_k, started at its stationary law. */
function ar1(N: number, mu: number, phi: number, sigma: number, rng: Rng): number[] {
  let x = mu + (sigma / Math.sqrt(1 - phi * phi)) * rng.normal();
  return Array.from({ length: N }, () => (x = mu + phi * (x - mu) + sigma * rng.normal()));
}

describe('plateau with a batch-means standard error (H.1)', () => {
  it('AR(1): the standard error is close to the spread of the means over replicates, and ±2 se covers μ about 9 times in 10', () => {
    const [N, mu, phi, sigma] = [20000, 3, 0.95, 0.1];
    const corr = 1 / (1 - phi);
    const rng = new Rng(9);
    const rounds = Array.from({ length: N }, (_, k) => k);
    const results = Array.from({ length: 400 }, () =>
      batchMeans(rounds, ar1(N, mu, phi, sigma, rng), 0, Math.ceil(5 * corr))!,
    );
    const means = results.map((r) => r.mean);
    const grand = means.reduce((a, v) => a + v, 0) / means.length;
    const spread = Math.sqrt(means.reduce((a, v) => a + (v - grand) ** 2, 0) / (means.length - 1));
    const meanSe = results.reduce((a, r) => a + r.se, 0) / results.length;
    // Known answer: Var(x̄) ≈ σ²/((1 − φ)²N).
    expect(Math.abs(spread / (sigma / ((1 - phi) * Math.sqrt(N))) - 1)).toBeLessThan(0.15);
    // Batch means five correlation times long are still slightly correlated: the error is low by about a tenth.
    expect(meanSe / spread).toBeGreaterThan(0.8);
    expect(meanSe / spread).toBeLessThan(1.05);
    const covered = results.filter((r) => Math.abs(r.mean - mu) <= 2 * r.se).length / results.length;
    expect(covered).toBeGreaterThan(0.88);
    expect(covered).toBeLessThan(0.99);
  });
  it('needs five batches; starts where asked', () => {
    const rounds = Array.from({ length: 100 }, (_, k) => k);
    expect(
      batchMeans(
        rounds,
        rounds.map(() => 1),
        0,
        21,
      ),
    ).toBeNull();
    const p = batchMeans(
      rounds,
      rounds.map((k) => (k < 50 ? 9 : 1)),
      50,
      10,
    )!;
    expect([p.mean, p.se, p.rounds, p.batches, p.from]).toEqual([1, 0, 50, 5, 50]);
  });
  it('the prediction has settled within 5 % of R at the settle round, and not one round before', () => {
    const X = randomUnitRows(10, 5, 3);
    const sp = spectrum(X);
    const s = { xi: 0.5, p: 1, tau: 1, eta: (0.1 * 0.5) / sp.lambdaMax, kappa: 1, categorical: false };
    const c0 = projections(
      sp,
      Float64Array.from({ length: 10 }, (_, i) => Math.cos(i)),
    );
    const k = settleRounds(sp, s, c0);
    const R = radiusLazy(sp, s);
    const [at, before] = predictedCurve(sp, s, c0, [k, k - 1]);
    expect(Math.abs(at - R)).toBeLessThanOrEqual(0.05 * R);
    expect(Math.abs(before - R)).toBeGreaterThan(0.05 * R);
  });
});

describe('the plateau without a prediction (input masks, split data: THEORY.md J)', () => {
  it('is the mean over the latter half of the rounds since the change, in ten batches, after twice the settle time', () => {
    const rng = new Rng(4);
    const round = Array.from({ length: 3001 }, (_, k) => k);
    // A fall to 0.05 by round 1000, then noise around it; the change at round 1000.
    const err = round.map((k) => (k < 1000 ? 5 - k * 0.00495 : 0.05 + 0.01 * rng.normal()));
    const h = { round, err };
    expect(trailingPlateau({ round: round.slice(0, 1000 + TRAILING_NEEDS - 1), err }, 1000, 0).plateau).toBeNull();
    const p = trailingPlateau(h, 1000, 0).plateau;
    if (!p) throw new Error('measured');
    expect(p.from).toBe(2001);
    expect(p.batches).toBe(10);
    expect(Math.abs(p.mean - 0.05)).toBeLessThan(4 * p.se);
    // A long settle time: the window waits for twice as many rounds, so that it opens after the settle time.
    const late = trailingPlateau(h, 1000, 1500);
    expect(late.needs).toBe(3000);
    expect(late.plateau).toBeNull();
    expect(trailingPlateau(h, 0, 1500).plateau?.from).toBe(1501);
  });
});
