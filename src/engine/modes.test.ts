// The modes view's measurement (THEORY.md I.3): (v_i·e_k)² read back with the metrics every round equals a float64
// GD's projections on the eigenvectors of H^∞ (to float32 rounding); a trainer without modes packs as before.
import { beforeAll, describe, expect, it } from 'vitest';

import { selectNodeBackend } from '../cli/backend';
import { parseConfig } from '../core/masked/config';
import { makeProblem } from '../core/masked/problem';
import { outputs, ReferenceTrainer } from '../core/masked/reference';
import { dot } from '../core/math/matrix';
import { flushTogether, Trainer } from './trainer';

beforeAll(() => selectNodeBackend('cpu'));

describe('modes measured on the device', () => {
  it('GD: every round, every direction, equal to float64 GD’s projections', async () => {
    const problem = makeProblem(parseConfig('scheme=gd&n=12&d=4&m=128&seed=3').config);
    const vectors = problem.spectrum.vectors;
    const trainer = new Trainer(problem, { modes: Float64Array.from(vectors.flatMap((v) => Array.from(v))) });
    await trainer.flush();
    await trainer.run(40, 10);
    const rows = trainer.takeModes();
    trainer.dispose();
    expect(rows.map((r) => r.round)).toEqual(Array.from({ length: 41 }, (_, k) => k));
    const ref = new ReferenceTrainer(problem);
    const { X, y } = problem.data;
    for (let k = 0; k <= 40; k++) {
      const u = outputs(X, ref.W, ref.a);
      const e = Float64Array.from(u, (v, i) => v - y[i]);
      const scale = dot(e, e);
      vectors.forEach((v, i) => expect(Math.abs(rows[k].values[i] - dot(v, e) ** 2)).toBeLessThan(1e-5 * scale + 1e-9));
      ref.step();
    }
  });
  it('compared runs without modes read back beside a run with them', async () => {
    const problem = makeProblem(parseConfig('scheme=dropout&n=8&d=4&m=64&seed=1').config);
    const withModes = new Trainer(problem, { modes: Float64Array.from(problem.spectrum.vectors[0]) });
    const plain = new Trainer(problem);
    withModes.step();
    plain.step();
    const [a, b] = await flushTogether([withModes, plain]);
    expect(a.map((r) => r.err)).toEqual(b.map((r) => r.err));
    expect(withModes.takeModes()).toHaveLength(2);
    withModes.dispose();
    plain.dispose();
  });
});
