// The NTK's λ_min estimate by Lanczos (what the app measures above n = 256) on full-network, subnetwork and nearly
// singular kernels, against the full decomposition and within its own bound.
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import { lambdaMinOf, lanczosMin } from '../math/eigen';
import { mat } from '../math/matrix';
import { Rng } from '../math/rng';
import { randomUnitRows } from '../math/testing';
import { initWeights } from './init';
import { sampleMasks } from './masks';
import { empiricalNtk } from './reference';

describe('λ_min of NTKs by Lanczos (what the app measures above n = 256) against the full decomposition', () => {
  const X = randomUnitRows(200, 6, 5);
  const init = initWeights(512, 6, { w: 1, a: null }, new Rng(3));
  const masks = sampleMasks(new Rng(4), 'bernoulli', 1, 512, 0.5);
  // Nearly singular: two rows almost parallel.
  const Xs = mat(
    200,
    6,
    X.data.map((v, q) => (Math.floor(q / 6) === 1 ? X.data[q % 6] + 1e-4 * v : v)),
  );
  for (const [name, H] of [
    ['full network', empiricalNtk(X, init.W, init.a)],
    ['a subnetwork (ξ = 0.5)', empiricalNtk(X, init.W, init.a, masks, 0.5)],
    ['nearly singular', empiricalNtk(Xs, init.W, init.a)],
  ] as const) {
    it(`${name}: within 1e-3 (relative to λ_max) and within its own bound`, () => {
      const exact = lambdaMinOf(200, H.data);
      const est = lanczosMin(200, H.data, 150);
      const top = new EigenvalueDecomposition(
        new Matrix(Array.from({ length: 200 }, (_, i) => Array.from(H.data.subarray(i * 200, i * 200 + 200)))),
        { assumeSymmetric: true },
      ).realEigenvalues.at(-1)!;
      expect(Math.abs(est.value - exact)).toBeLessThanOrEqual(est.bound + 1e-12);
      expect(Math.abs(est.value - exact)).toBeLessThan(1e-3 * top);
      if (name !== 'nearly singular') expect(Math.abs(est.value - exact) / exact).toBeLessThan(1e-3);
    });
  }
});
