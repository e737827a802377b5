// Lanczos extremes against ml-matrix's full symmetric eigendecomposition, with their residual bounds honoured.
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import { lanczosExtremes } from './lanczos';
import { Rng } from './rng';

function randomSpd(n: number, seed: number, smallest: number): Matrix {
  const rng = new Rng(seed);
  const A = Matrix.from1DArray(
    n,
    n + 3,
    Array.from({ length: n * (n + 3) }, () => rng.normal()),
  );
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
      const e = lanczosExtremes(
        (v) => Float64Array.from(S.mmul(Matrix.columnVector(Array.from(v))).getColumn(0)),
        150,
        { rng: new Rng(3), tol: 1e-10, maxSteps: 150 },
      );
      expect(Math.abs(e.max - hi)).toBeLessThanOrEqual(e.maxBound + 1e-12);
      expect(Math.abs(e.min - lo)).toBeLessThanOrEqual(e.minBound + 1e-12);
      expect(Math.abs(e.max - hi) / hi).toBeLessThan(1e-8);
      expect(Math.abs(e.min - lo)).toBeLessThan(1e-8 * hi);
    });
  }
});
