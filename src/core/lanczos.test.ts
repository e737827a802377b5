// Lanczos extremes against ml-matrix's full symmetric eigendecomposition, with their residual bounds honoured; the
// NTK's λ_min estimate on full-network, subnetwork and nearly singular kernels.
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { lambdaMinOf, lanczosMin } from './eigen';
import { initWeights } from './init';
import { lanczosExtremes } from './lanczos';
import { sampleMasks } from './masks';
import { mat } from './matrix';
import { empiricalNtk } from './reference';
import { Rng } from './rng';
import { randomUnitRows } from './testing';

function randomSpd(n: number, seed: number, smallest: number): Matrix {
  const rng = new Rng(seed);
  const A = Matrix.from1DArray(n, n + 3, Array.from({ length: n * (n + 3) }, () => rng.normal()));
  const S = A.mmul(A.transpose()).div(n);
  // A nearly singular direction: push the smallest eigenvalue down to `smallest`.
  const e = new EigenvalueDecomposition(S, { assumeSymmetric: true });
  const v = e.eigenvectorMatrix.getColumnVector(0);
  return S.sub(v.mmul(v.transpose()).mul(e.realEigenvalues[0] - smallest));
}

describe('Lanczos extremes', () => {
  for (const smallest of [0.05, 1e-6]) {
    it(`match the full decomposition within their bounds (n = 150, λ_min = ${smallest})`, () => {
      const S = randomSpd(150, 7, smallest);
      const vals = new EigenvalueDecomposition(S, { assumeSymmetric: true }).realEigenvalues;
      const [lo, hi] = [Math.min(...vals), Math.max(...vals)];
      const e = lanczosExtremes((v) => Float64Array.from(S.mmul(Matrix.columnVector(Array.from(v))).getColumn(0)), 150, { rng: new Rng(3), tol: 1e-10, maxSteps: 150 });
      expect(Math.abs(e.max - hi)).toBeLessThanOrEqual(e.maxBound + 1e-12);
      expect(Math.abs(e.min - lo)).toBeLessThanOrEqual(e.minBound + 1e-12);
      expect(Math.abs(e.max - hi) / hi).toBeLessThan(1e-8);
      expect(Math.abs(e.min - lo)).toBeLessThan(1e-8 * hi);
    });
  }
});

describe('λ_min of NTKs by Lanczos (what the app measures above n = 256) against the full decomposition', () => {
  const X = randomUnitRows(200, 6, 5);
  const init = initWeights(512, 6, { w: 1, a: null }, new Rng(3));
  const masks = sampleMasks(new Rng(4), 'bernoulli', 1, 512, 0.5);
  // Nearly singular: two rows almost parallel.
  const Xs = mat(200, 6, X.data.map((v, q) => (Math.floor(q / 6) === 1 ? X.data[q % 6] + 1e-4 * v : v)));
  for (const [name, H] of [
    ['full network', empiricalNtk(X, init.W, init.a)],
    ['a subnetwork (ξ = 0.5)', empiricalNtk(X, init.W, init.a, masks, 0.5)],
    ['nearly singular', empiricalNtk(Xs, init.W, init.a)],
  ] as const) {
    it(`${name}: within 1e-3 (relative to λ_max) and within its own bound`, () => {
      const exact = lambdaMinOf(200, H.data);
      const est = lanczosMin(200, H.data, 150);
      const top = new EigenvalueDecomposition(new Matrix(Array.from({ length: 200 }, (_, i) => Array.from(H.data.subarray(i * 200, i * 200 + 200)))), { assumeSymmetric: true }).realEigenvalues.at(-1)!;
      expect(Math.abs(est.value - exact)).toBeLessThanOrEqual(est.bound + 1e-12);
      expect(Math.abs(est.value - exact)).toBeLessThan(1e-3 * top);
      if (name !== 'nearly singular') expect(Math.abs(est.value - exact) / exact).toBeLessThan(1e-3);
    });
  }
});
