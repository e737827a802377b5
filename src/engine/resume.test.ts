// Resuming is exact: a run snapshotted at round K and restored into a fresh trainer (as a new worker does) goes on
// with the same rounds, bit for bit on one backend, as the run that was never interrupted.
import { beforeAll, describe, expect, it } from 'vitest';

import { selectNodeBackend } from '../cli/backend';
import { parseConfig } from '../core/masked/config';
import { makeProblem } from '../core/masked/problem';
import { Trainer } from './trainer';

beforeAll(() => selectNodeBackend('wasm'));

describe('snapshot and restore', () => {
  for (const q of [
    'scheme=dropout&xi=0.5',
    'scheme=ist&p=3&tau=2',
    'scheme=custom&mask=bernoulli&xi=0.6&p=2&tau=3&aggregate=zero',
    // The input masks' own stream goes on where it was; the split is drawn again from the seed.
    'scheme=ist&p=3&tau=2&split=1&inputmask=gauss&nu=0.3',
  ]) {
    it(`${q}: the restored run's rounds equal the uninterrupted run's, bit for bit (wasm)`, async () => {
      const problem = makeProblem(parseConfig(`${q}&n=12&d=6&m=128&seed=5`).config);
      const whole = new Trainer(problem, { ntkEvery: 7 });
      await whole.flush();
      const all = await whole.run(60, 5);
      whole.dispose();
      const first = new Trainer(problem, { ntkEvery: 7 });
      await first.flush();
      await first.run(25, 5);
      const snap = await first.snapshot();
      first.dispose();
      const second = new Trainer(problem, { ntkEvery: 7 });
      second.restore(snap);
      const rest = await second.run(35, 5);
      second.dispose();
      expect(rest.map((r) => r.round)).toEqual(all.slice(25).map((r) => r.round));
      expect(rest.map((r) => [r.err, r.surrErr, r.ntkMin, r.ntkShift])).toEqual(
        all.slice(25).map((r) => [r.err, r.surrErr, r.ntkMin, r.ntkShift]),
      );
    });
  }
});
