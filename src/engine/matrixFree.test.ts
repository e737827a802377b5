// λ_min without forming the kernel: a run measured from products H·v on the device (warm-started from the last
// measurement's eigenvector) against float64 at the start (its bound holding) and against the same run with the n × n
// kernels formed and fully decomposed — the network's λ_min and the subnetworks' within 1e-3 relative plus what float32
// products allow (1e-8·λ_max), for the lazy ReLU network and for GELU with both layers trained.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { selectNodeBackend } from '../cli/backend';
import { parseConfig } from '../core/masked/config';
import type { MetricRow } from '../core/masked/metrics';
import { netOf } from '../core/masked/network';
import { makeProblem } from '../core/masked/problem';
import { empiricalNtk } from '../core/masked/reference';
import { symEigen } from '../core/math/eigen';
import { Trainer } from './trainer';

beforeAll(() => selectNodeBackend('wasm'));

async function measured(q: string, matrixFree: boolean): Promise<MetricRow[]> {
  const before = tf.memory().numTensors;
  const t = new Trainer(makeProblem(parseConfig(q).config), { ntkEvery: 20, matrixFree });
  try {
    return [...(await t.flush()), ...(await t.run(60, 20))].filter((r) => Number.isFinite(r.ntkMin));
  } finally {
    t.dispose();
    expect(tf.memory().numTensors).toBe(before); // every factor and product released
  }
}

describe('matrix-free λ_min', () => {
  for (const q of [
    'scheme=dropout&xi=0.5&n=48&d=4&m=512&seed=3',
    'scheme=msdropout&p=3&xi=0.6&act=gelu&layers=both&init=lecun&n=40&d=5&m=256&seed=4',
  ]) {
    it(`${q}: λ_min of H as float64's at the start, and of H and every H^l as with the kernels formed`, async () => {
      const problem = makeProblem(parseConfig(q).config);
      const { X } = problem.data;
      const { W, a } = problem.init;
      const H = empiricalNtk(X, W, a, undefined, 1, netOf(problem.config, W.rows));
      const { values } = symEigen(H);
      const [exact, top] = [values[0], values[values.length - 1]];
      const [free, formed] = [await measured(q, true), await measured(q, false)];
      // Float32 products hold λ_min to about 1e-8·λ_max (GELU with both layers: λ_max/λ_min ≈ 3·10⁵).
      expect(Math.abs(free[0].ntkMin - exact)).toBeLessThan(1e-3 * exact + 1e-8 * top);
      expect(Math.abs(free[0].ntkMin - exact)).toBeLessThanOrEqual(free[0].ntkMinBound);
      expect(free.map((r) => r.round)).toEqual([0, 20, 40, 60]);
      expect(formed.map((r) => r.round)).toEqual([0, 20, 40, 60]);
      free.forEach((r, i) => {
        expect(Math.abs(r.ntkMin - formed[i].ntkMin)).toBeLessThan(1e-3 * formed[i].ntkMin + 2e-8 * top);
        expect(r.ntkMinBound).toBeGreaterThan(0);
        if (i > 0) {
          expect(Math.abs(r.subNtkMin - formed[i].subNtkMin)).toBeLessThan(1e-3 * formed[i].subNtkMin + 2e-8 * top);
          expect(Math.abs(r.subNtkMax - formed[i].subNtkMax)).toBeLessThan(1e-3 * formed[i].subNtkMax + 2e-8 * top);
        }
        expect(Number.isNaN(r.ntkShift)).toBe(true); // the drift needs the formed kernel
      });
    });
  }

  it('is not the automatic choice (the formed kernels are cheaper at every size up to n = 4096): the drift is measured', async () => {
    const t = new Trainer(makeProblem(parseConfig('scheme=dropout&n=512&d=2&m=256&seed=3').config), { ntkEvery: 5 });
    const rows = [...(await t.flush()), ...(await t.run(5))];
    t.dispose();
    expect(Number.isFinite(rows[5].ntkShift)).toBe(true);
  });
});
