// The tridiagonal eigen-solver Lanczos checks its bound with after every step, against ml-matrix's full decomposition:
// the smallest and largest eigenvalues to float64's resolution, and the smallest one's unit eigenvector (its residual).
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import { Rng } from './rng';
import { smallestEigenvector, tridiagonalEigenvalue } from './tridiagonal';

describe('symmetric tridiagonal eigenpairs', () => {
  for (const [j, spread] of [
    [1, 1],
    [7, 1],
    [60, 1e-3],
    [200, 10],
  ]) {
    it(`j = ${j}: the extremes and the smallest one's eigenvector`, () => {
      const rng = new Rng(j);
      const alpha = Array.from({ length: j }, () => 1 + spread * rng.normal());
      const beta = Array.from({ length: j - 1 }, () => spread * rng.normal());
      const T = Matrix.zeros(j, j);
      alpha.forEach((a, i) => T.set(i, i, a));
      beta.forEach((b, i) => {
        T.set(i, i + 1, b);
        T.set(i + 1, i, b);
      });
      const exact = [...new EigenvalueDecomposition(T, { assumeSymmetric: true }).realEigenvalues].sort(
        (a, b) => a - b,
      );
      const scale = Math.max(...exact.map(Math.abs));
      const lo = tridiagonalEigenvalue(alpha, beta, 0);
      expect(Math.abs(lo - exact[0])).toBeLessThan(1e-13 * scale);
      expect(Math.abs(tridiagonalEigenvalue(alpha, beta, j - 1) - exact[j - 1])).toBeLessThan(1e-13 * scale);
      const s = smallestEigenvector(alpha, beta, lo);
      const Ts = T.mmul(Matrix.columnVector(Array.from(s))).getColumn(0);
      const residual = Math.hypot(...Ts.map((v, i) => v - lo * s[i]));
      expect(Math.hypot(...s)).toBeCloseTo(1, 12);
      expect(residual).toBeLessThan(1e-9 * scale);
    });
  }
});
