// AltMin and GD on a planted teacher (THEORY.md F): G.13 and G.14, the fast least squares against QR and the
// minimum-norm solution, GD's step rule, and the settings table.
import { EigenvalueDecomposition, Matrix, pseudoInverse } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import { mat } from '../math/matrix';
import { Rng } from '../math/rng';
import { relErr } from '../math/testing';
import { altminTooLarge, defaultAltMin, parseAltMin, serializeAltMin } from './config';
import { applyB, normalMatrix, patternsOf } from './model';
import { phaseCsv, phaseRows, phaseTrials, RECOVERY_TOL, runTrial } from './phase';
import { denseB, qrLeastSquares } from './reference';
import { fitRate, gdStepAuto, runAltMin, runGd } from './run';
import { leastSquares } from './solve';
import { makeStart, makeTeacher, startStream } from './teacher';

const maxAbs = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Array.from(a).reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

describe('AltMin (Jagatap & Hegde)', () => {
  it('G.13: with the true patterns, one least-squares step returns W* (general model, n = 2.5dk)', () => {
    const c = parseAltMin('model=general&d=6&k=4&n=60&seed=5').config;
    const t = makeTeacher(c);
    const P = patternsOf(t.X, t.Wstar, false);
    const s = leastSquares(t.X, P, t.v, t.y);
    expect(s.kind).toBe('cholesky');
    expect(maxAbs(s.w, t.Wstar.data)).toBeLessThan(1e-10);
  });

  it('the normal equations agree with Householder QR of the dense B on a small case', () => {
    const c = parseAltMin('model=skip&d=5&n=80&seed=2&start=random').config;
    const t = makeTeacher(c);
    const W0 = makeStart(c, t, startStream(c.seed));
    const P = patternsOf(t.X, W0, true);
    const r = Float64Array.from(t.y, (y, i) => y - (0.3 * i) / t.y.length);
    const fast = leastSquares(t.X, P, t.v, r);
    const ref = qrLeastSquares(t.X, P, t.v, r);
    expect(maxAbs(fast.w, ref)).toBeLessThan(1e-9 * Math.max(...ref.map(Math.abs)));
    const G = normalMatrix(t.X, P, t.v);
    const B = denseB(t.X, P, t.v);
    expect(maxAbs(G, B.transpose().mmul(B).to1DArray())).toBeLessThan(1e-12);
  });

  it('n < dk: the minimum-norm solution, which fits the data exactly and is orthogonal to the null space of B', () => {
    const c = parseAltMin('model=general&d=6&k=4&n=15&seed=4').config;
    const t = makeTeacher(c);
    const P = patternsOf(t.X, t.Wstar, false);
    const s = leastSquares(t.X, P, t.v, t.y);
    expect(s.kind).toBe('min-norm');
    expect(maxAbs(applyB(t.X, P, t.v, s.w), t.y)).toBeLessThan(1e-10);
    // The minimum-norm solution is B⁺y (ml-matrix's SVD pseudo-inverse).
    const ref = pseudoInverse(denseB(t.X, P, t.v))
      .mmul(Matrix.columnVector(Array.from(t.y)))
      .to1DArray();
    expect(maxAbs(s.w, ref)).toBeLessThan(1e-9);
  });

  it('a neuron no sample activates makes B rank deficient: the pseudo-inverse path, with the rank', () => {
    const c = parseAltMin('model=general&d=4&k=3&n=50&seed=6').config;
    const t = makeTeacher(c);
    const P = patternsOf(t.X, t.Wstar, false);
    for (let i = 0; i < t.X.rows; i++) P[i * 3 + 1] = 0;
    const s = leastSquares(t.X, P, t.v, t.y);
    expect(s.kind).toBe('min-norm');
    expect(s.rank).toBe(8);
    for (let j = 0; j < 4; j++) expect(Math.abs(s.w[4 + j])).toBeLessThan(1e-12);
  });

  it('G.14: skip model, d = 20, ‖W*‖_F = 2, identity start: n = 1200 recovers within 10 iterations in 10 of 10 trials; n = 200 in none', () => {
    const c = parseAltMin('model=skip&d=20&gamma=2&start=identity&iters=10&seed=1').config;
    for (const [n, want] of [
      [1200, 10],
      [200, 0],
    ] as const) {
      let recovered = 0;
      for (let trial = 0; trial < 10; trial++) {
        const t = makeTeacher({ ...c, n }, 1000 + trial);
        const tr = runAltMin(t, mat(20, 20), 10);
        const last = tr.dist[tr.dist.length - 1];
        if (n === 1200) expect(last).toBeLessThan(1e-8);
        else expect(last).toBeGreaterThan(RECOVERY_TOL);
        if (last < RECOVERY_TOL) recovered++;
      }
      expect(recovered).toBe(want);
    }
  });

  it('an AltMin iteration equals the plain reference: patterns of W^t, then QR on the dense B', () => {
    const c = parseAltMin('model=skip&d=6&n=150&seed=9&start=random').config;
    const t = makeTeacher(c);
    const W0 = makeStart(c, t, startStream(c.seed));
    const tr = runAltMin(t, W0, 1);
    const P = patternsOf(t.X, W0, true);
    const I = new Float64Array(36).map((_, q) => (q % 7 === 0 ? 1 : 0));
    const r = applyB(t.X, P, t.v, I).map((b, i) => t.y[i] - b);
    expect(maxAbs(tr.W.data, qrLeastSquares(t.X, P, t.v, r))).toBeLessThan(1e-10);
  });

  it("GD: the paper's step 2/(σ²_min + σ²_max) of B/√n (Lanczos against a full eigendecomposition), and a GD step by hand", () => {
    const c = parseAltMin('model=skip&d=5&n=100&seed=3&start=random').config;
    const t = makeTeacher(c);
    const W0 = makeStart(c, t, startStream(c.seed));
    const P = patternsOf(t.X, W0, true);
    const B = denseB(t.X, P, t.v);
    const { realEigenvalues } = new EigenvalueDecomposition(B.transpose().mmul(B).div(100), { assumeSymmetric: true });
    const want = 2 / (Math.min(...realEigenvalues) + Math.max(...realEigenvalues));
    const eta = gdStepAuto(t, W0, new Rng(1));
    expect(relErr(eta, want)).toBeLessThan(1e-3);
    const tr = runGd(t, W0, 1, eta);
    const Z = W0.data.map((w, q) => w + (q % 6 === 0 ? 1 : 0));
    const resid = applyB(t.X, P, t.v, Z).map((f, i) => f - t.y[i]);
    const grad = B.transpose()
      .mmul(Matrix.columnVector(Array.from(resid)))
      .to1DArray();
    expect(
      maxAbs(
        tr.W.data,
        W0.data.map((w, q) => w - (eta / 100) * grad[q]),
      ),
    ).toBeLessThan(1e-12);
    expect(tr.loss[0]).toBeCloseTo(resid.reduce((s, e) => s + e * e, 0) / 200, 12);
  });
});

describe('AltMin settings, phase rows and rates', () => {
  it('the skip model has k = d, the identity start exists only for it, and each change is said in words', () => {
    const skip = parseAltMin('model=skip&d=12&k=5');
    expect(skip.config.k).toBe(12);
    expect(skip.messages).toEqual(['The skip model has k = d = 12 neurons; k = 5 was replaced.']);
    const gen = parseAltMin('model=general&start=identity&k=3');
    expect([gen.config.start, gen.config.k]).toEqual(['near', 3]);
    expect(gen.messages[0]).toMatch(/identity start .* only for the skip model/);
    const bad = parseAltMin('ns=200,abc&d=1000&trials=0');
    expect(bad.config.ns).toBe('200,700,1200,1700');
    expect(bad.config.d).toBe(64);
    expect(bad.messages).toHaveLength(3);
    expect(parseAltMin('ns=1700,200,200,99999').config.ns).toBe('200,1700,20000');
    expect(serializeAltMin(parseAltMin(serializeAltMin(defaultAltMin())).config)).toBe(
      serializeAltMin(defaultAltMin()),
    );
  });

  it('refuses sizes whose iterations would take seconds, with the estimate', () => {
    expect(altminTooLarge({ n: 1700, d: 20, k: 20 })).toBeNull();
    expect(altminTooLarge({ n: 20000, d: 64, k: 64 })).toMatch(/4096 unknowns.*Lower n, d or k/);
  });

  it('phase rows count recoveries per (n, method, start); the CSV has one row each', () => {
    const c = parseAltMin('model=skip&d=4&gamma=0.5&n=10&iters=8&gdIters=50&seed=2').config;
    const trials = phaseTrials([12, 200], 2);
    expect(trials).toEqual([
      { n: 12, trial: 0 },
      { n: 12, trial: 1 },
      { n: 200, trial: 0 },
      { n: 200, trial: 1 },
    ]);
    const rows = phaseRows(trials.map((s) => runTrial(c, s, ['identity', 'random'], ['altmin', 'gd'])));
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => r.trials === 2)).toBe(true);
    const altmin200 = rows.filter((r) => r.n === 200 && r.method === 'altmin');
    expect(altmin200.map((r) => r.recovered)).toEqual([2, 2]);
    expect(phaseCsv(rows).split('\n')[0]).toBe('n,method,start,recovered,trials');
  });

  it('fits ρ on a geometric sequence, ignores the float floor, and needs three points', () => {
    const dist = Array.from({ length: 30 }, (_, t) => (t < 20 ? 0.5 * 0.7 ** t : 1e-15));
    expect(fitRate(dist)?.rho).toBeCloseTo(0.7, 12);
    expect(fitRate([1, 0.5])).toBeNull();
  });
});
