// The phase diagram's batched program against each of its runs trained alone by the float64 reference (same data,
// initialization and step 1/λ_max of the run's NTK at initialization), in the lazy and in Song et al.'s setting.
import { beforeAll, describe, expect, it } from 'vitest';

import { selectNodeBackend } from '../cli/backend';
import { parseConfig } from '../core/masked/config';
import { netOf } from '../core/masked/network';
import { makeData, makeProblem } from '../core/masked/problem';
import { empiricalNtk, ReferenceTrainer } from '../core/masked/reference';
import { symEigen } from '../core/math/eigen';
import { relErr } from '../core/math/testing';
import { phaseConfig } from '../core/regimes/regimes';
import { runPhaseRow } from './phaseRow';

beforeAll(() => selectNodeBackend('cpu'));

describe('phase-diagram row: all widths and seeds of one n in one program', () => {
  for (const setting of ['lazy', 'song'] as const) {
    it(`${setting}: every run equals the same run trained alone (error, largest move, NTK drift)`, async () => {
      const base = phaseConfig(parseConfig('n=8&d=4&seed=5').config, setting);
      const data = makeData(base);
      const ms = [3, 24];
      const rows = await runPhaseRow(base, data, ms, 2, 40);
      expect(rows.map((r) => r.length)).toEqual([2, 2]);
      for (const [i, m] of ms.entries())
        for (let s = 0; s < 2; s++) {
          const cfg = { ...base, m, seed: base.seed + s };
          const init = makeProblem(cfg, data).init;
          const net = netOf(cfg, m);
          const H0 = empiricalNtk(data.X, init.W, init.a, undefined, 1, net);
          const eta = 1 / symEigen(H0).values[7];
          const ref = new ReferenceTrainer(makeProblem({ ...cfg, eta }, data));
          const first = ref.measure();
          let last = first;
          for (let k = 0; k < 40; k++) last = ref.step();
          const got = rows[i][s];
          expect(relErr(got.err0, first.err)).toBeLessThan(1e-5);
          expect(relErr(got.errK, last.err)).toBeLessThan(2e-3);
          expect(relErr(got.maxMove, last.maxMove)).toBeLessThan(2e-3);
          const HK = empiricalNtk(data.X, ref.W, ref.a, undefined, 1, net);
          const shift = Math.hypot(...HK.data.map((h, q) => h - H0.data[q])) / Math.hypot(...H0.data);
          expect(Math.abs(got.ntkShift - shift)).toBeLessThan(2e-3 * Math.max(shift, 1e-3));
          expect(got.errK).toBeLessThan(got.err0);
        }
    });
  }
});
