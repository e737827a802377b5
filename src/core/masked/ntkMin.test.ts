// The NTK's λ_min estimate by warm-started Lanczos (what the app measures above n = 64) on full-network, subnetwork and
// nearly singular kernels up to n = 512, against the full float64 decomposition: within its own bound, and (with the
// app's tolerance) within 1e-3 relative; then warm-started from the last kernel's vector after the weights moved.
import { describe, expect, it } from 'vitest';

import { symEigen } from '../math/eigen';
import { mat, squareTimes } from '../math/matrix';
import { Rng } from '../math/rng';
import { randomUnitRows } from '../math/testing';
import { warmLanczosMin } from '../math/warmLanczos';
import { initWeights } from './init';
import { sampleMasks } from './masks';
import { empiricalNtk } from './reference';

/** λ_min as the app takes it from a formed kernel: tolerance 1e-3, value and bound from the float64 product. */
function estimate(n: number, H: Float64Array, start: Float64Array | null = null) {
  const times = (v: Float64Array) => squareTimes(n, H, v);
  return warmLanczosMin(times, n, { start, rng: new Rng(1), tol: 1e-3, maxSteps: 300, exact: times });
}

describe('λ_min of NTKs by Lanczos (what the app measures above n = 64) against the full decomposition', () => {
  for (const [n, d] of [
    [200, 6],
    [512, 12],
  ]) {
    const X = randomUnitRows(n, d, 5);
    const init = initWeights(1024, d, { w: 1, a: null }, new Rng(3));
    const masks = sampleMasks(new Rng(4), 'bernoulli', 1, 1024, 0.5);
    // Nearly singular: two rows almost parallel.
    const Xs = mat(
      n,
      d,
      X.data.map((v, q) => (Math.floor(q / d) === 1 ? X.data[q % d] + 1e-4 * v : v)),
    );
    for (const [name, H] of [
      ['full network', empiricalNtk(X, init.W, init.a)],
      ['a subnetwork (ξ = 0.5)', empiricalNtk(X, init.W, init.a, masks, 0.5)],
      ['nearly singular', empiricalNtk(Xs, init.W, init.a)],
    ] as const) {
      it(`n = ${n}, ${name}: within its own bound, and within 1e-3 (relative to λ_max)`, async () => {
        const { values } = symEigen(H);
        const [exact, top] = [values[0], values[n - 1]];
        const est = await estimate(n, H.data);
        expect(est.value).toBeGreaterThanOrEqual(exact - 1e-12 * top);
        expect(est.value - exact).toBeLessThanOrEqual(est.bound);
        expect(est.value - exact).toBeLessThan(1e-3 * top);
        if (name !== 'nearly singular') expect((est.value - exact) / exact).toBeLessThan(1e-3);
      });
    }
  }

  it('n = 512: warm-started from the last kernel’s vector after the weights moved, within its bound', async () => {
    const [n, d, m] = [512, 12, 512];
    const X = randomUnitRows(n, d, 6);
    const init = initWeights(m, d, { w: 1, a: null }, new Rng(7));
    const rng = new Rng(8);
    const moved = mat(
      m,
      d,
      init.W.data.map((w) => w + 0.01 * rng.normal()),
    );
    const first = await estimate(n, empiricalNtk(X, init.W, init.a).data);
    const H = empiricalNtk(X, moved, init.a);
    const exact = symEigen(H).values[0];
    const warm = await estimate(n, H.data, first.vector);
    expect(warm.value - exact).toBeGreaterThanOrEqual(-1e-12);
    expect(warm.value - exact).toBeLessThanOrEqual(warm.bound);
    expect((warm.value - exact) / exact).toBeLessThan(5e-3);
  });
});
