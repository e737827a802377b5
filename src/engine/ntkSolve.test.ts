// λ_min of the formed NTKs as the engine measures them (on wasm): at n = 512 against the float64 decomposition of the
// reference kernels on the same weights and masks (the network's, each subnetwork's, IST's partition), each within its
// bound; at n = 2048 the measurement warm-started from the last one against a cold one of the same kernel, within their
// bounds. And the subnetworks' neuron groups.
import { beforeAll, describe, expect, it } from 'vitest';

import { selectNodeBackend } from '../cli/backend';
import { parseConfig } from '../core/masked/config';
import { makeProblem, startProblem } from '../core/masked/problem';
import { empiricalNtk } from '../core/masked/reference';
import { lambdaMinOf } from '../core/math/eigen';
import { relErr } from '../core/math/testing';
import { neuronGroups } from './ntkSolve';
import { Trainer } from './trainer';

beforeAll(() => selectNodeBackend('wasm'));

describe('λ_min of the formed NTKs', () => {
  for (const q of ['scheme=dropout&xi=0.5&n=512&d=16&m=512&seed=4', 'scheme=ist&p=3&n=512&d=16&m=384&seed=5']) {
    it(`${q}: the network's and every subnetwork's as float64's on the same weights and masks, within their bounds`, async () => {
      const problem = makeProblem(parseConfig(q).config);
      const { p, xi, m } = problem.config;
      const t = new Trainer(problem, { ntkEvery: 5 });
      const row = [...(await t.flush()), ...(await t.run(5))][5];
      const { W, a } = await t.weights();
      const masks = t.lastMasks as Float32Array;
      t.dispose();
      const { X } = problem.data;
      const exact = lambdaMinOf(512, empiricalNtk(X, W, a).data);
      expect(row.ntkMin - exact).toBeGreaterThanOrEqual(-2e-6 * exact);
      expect(Math.abs(row.ntkMin - exact)).toBeLessThanOrEqual(row.ntkMinBound);
      expect(relErr(row.ntkMin, exact)).toBeLessThan(5e-3);
      const subs = Array.from({ length: p }, (_, l) =>
        lambdaMinOf(512, empiricalNtk(X, W, a, masks.subarray(l * m, (l + 1) * m), xi).data),
      );
      expect(Math.abs(row.subNtkMin - Math.min(...subs))).toBeLessThanOrEqual(row.subNtkBound);
      expect(Math.abs(row.subNtkMax - Math.max(...subs))).toBeLessThanOrEqual(row.subNtkBound);
      expect(relErr(row.subNtkMin, Math.min(...subs))).toBeLessThan(5e-3);
    });
  }

  it('n = 2048, d = 32, m = 1024: warm-started from the last measurement, as a cold one of the same kernel within their bounds', async () => {
    const problem = startProblem(parseConfig('scheme=dropout&xi=0.5&n=2048&d=32&m=1024&seed=13').config);
    const warm = new Trainer(problem, { ntkEvery: 50 });
    await warm.run(99, 99);
    const snapshot = await warm.snapshot();
    const cold = new Trainer(problem, { ntkEvery: 50 });
    cold.restore({ ...snapshot, warm: null });
    const [a, b] = [(await warm.run(1))[0], (await cold.run(1))[0]];
    warm.dispose();
    cold.dispose();
    expect(a.round).toBe(100);
    expect(Math.abs(a.ntkMin - b.ntkMin)).toBeLessThanOrEqual(a.ntkMinBound + b.ntkMinBound);
    expect(Math.abs(a.subNtkMin - b.subNtkMin)).toBeLessThanOrEqual(a.subNtkBound + b.subNtkBound);
    for (const r of [a, b]) expect(r.ntkMinBound).toBeLessThan(0.05 * r.ntkMin);
    expect(a.ntkShift).toBe(b.ntkShift);
  });
});

describe('neuron groups', () => {
  it('disjoint masks leave the rest; overlapping ones do not', () => {
    expect(neuronGroups([1, 0, 0, 1, 0], 1, 5)).toEqual({
      groups: [Int32Array.of(0, 3)],
      rest: Int32Array.of(1, 2, 4),
    });
    expect(neuronGroups([1, 0, 0, 0, 1, 1], 2, 3)).toEqual({
      groups: [Int32Array.of(0), Int32Array.of(1, 2)],
      rest: Int32Array.of(),
    });
    expect(neuronGroups([1, 1, 0, 0, 1, 0], 2, 3).rest).toBeNull();
  });
});
