// Wide networks on the wasm backend: Du's rate (THEORY.md G.9) and the lazy limit (G.10, G.12): measured
// plateaus of dropout and multi-sample dropout against R_lazy; IST far below the Bernoulli radius of the same
// ξ = 1/p and p, shrinking like 1/m. Slow (about a minute): wide networks, thousands of rounds.
import { beforeAll, describe, expect, it } from 'vitest';

import { selectNodeBackend } from '../cli/backend';
import { parseConfig } from '../core/masked/config';
import { makeProblem } from '../core/masked/problem';
import { radiusLazy } from '../core/masked/theory';
import { Trainer } from './trainer';

beforeAll(() => selectNodeBackend('wasm'));

const SEEDS = [1, 2, 3];
const BURN_IN = 400;
const ROUNDS = 1600;

/** Mean of err over the rounds after the burn-in (the mean dynamics have then contracted by e^-10). */
async function plateau(q: string): Promise<{ plateau: number; radius: number; bernoulliRadius: number }> {
  const problem = makeProblem(parseConfig(q).config);
  const t = new Trainer(problem, { ntkEvery: 0 });
  const rows = await t.run(ROUNDS, 100);
  t.dispose();
  const tail = rows.filter((r) => r.round > BURN_IN).map((r) => r.err);
  return {
    plateau: tail.reduce((a, b) => a + b, 0) / tail.length,
    radius: radiusLazy(problem.spectrum, problem.scheme),
    bernoulliRadius: radiusLazy(problem.spectrum, { ...problem.scheme, categorical: false }),
  };
}

describe('lazy limit, m = 4096, n = 12, d = 16, η = auto', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: dropout and multi-sample dropout plateau within 0.6–1.2 of R_lazy; IST far below`, async () => {
      const base = `m=4096&n=12&d=16&seed=${seed}`;
      for (const q of [`scheme=dropout&xi=0.5&${base}`, `scheme=msdropout&xi=0.5&p=4&${base}`]) {
        const r = await plateau(q);
        expect(r.plateau / r.radius).toBeGreaterThan(0.6);
        expect(r.plateau / r.radius).toBeLessThan(1.2);
      }
      const ist = await plateau(`scheme=ist&p=4&${base}`);
      expect(ist.radius).toBe(0);
      expect(ist.plateau).toBeLessThan(0.02 * ist.bernoulliRadius);
    });
  }

  it('IST: m·plateau stays roughly constant as m grows (a finite-width effect, G.12)', async () => {
    const small = await plateau('scheme=ist&p=4&m=1024&n=12&d=16&seed=1');
    const large = await plateau('scheme=ist&p=4&m=4096&n=12&d=16&seed=1');
    const ratio = (4096 * large.plateau) / (1024 * small.plateau);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});

describe("Du's rate (G.9)", () => {
  it('n = 10, d = 5, m = 20000, η = 0.5/λ_max: ‖y − u_k‖² ≤ (1 − ηλ_0/2)^k ‖y − u_0‖² for 300 steps', async () => {
    const base = makeProblem(parseConfig('scheme=gd&n=10&d=5&m=20000&seed=2').config);
    const eta = 0.5 / base.spectrum.lambdaMax;
    const problem = makeProblem({ ...base.config, eta }, base.data);
    const t = new Trainer(problem, { ntkEvery: 0 });
    const rows = [...(await t.flush()), ...(await t.run(300, 50))];
    t.dispose();
    const q = 1 - (eta * problem.spectrum.lambda0) / 2;
    rows.forEach((r, k) => expect(r.err).toBeLessThanOrEqual(Math.pow(q, k) * rows[0].err * (1 + 1e-5)));
    expect(rows[300].err).toBeLessThan(0.5 * rows[0].err);
  });
});
