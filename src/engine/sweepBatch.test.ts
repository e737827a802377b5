// A batch of sweep cells trained as one program against each cell trained alone by the engine's trainer (same data,
// initialization and mask streams): the whole error curve of every cell, for every scheme, τ varying across the cells
// of one batch, both aggregation rules and both activations, on wasm as in the app.
import { beforeAll, describe, expect, it } from 'vitest';

import { selectNodeBackend } from '../cli/backend';
import { parseConfig } from '../core/masked/config';
import type { Problem } from '../core/masked/problem';
import { batchProblems, trainBatch } from './sweepBatch';
import { Trainer } from './trainer';

beforeAll(() => selectNodeBackend('wasm'));

const ROUNDS = 60;

/** The largest relative difference between two error curves, each point against the larger of the pair. */
function worst(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let w = 0;
  for (let i = 0; i < a.length; i++) w = Math.max(w, Math.abs(a[i] - b[i]) / Math.max(Math.abs(a[i]), Math.abs(b[i])));
  return w;
}

async function alone(problem: Problem): Promise<number[]> {
  const trainer = new Trainer(problem, { ntkEvery: 0 });
  try {
    return [...(await trainer.flush()), ...(await trainer.run(ROUNDS, 25))].map((r) => r.err);
  } finally {
    trainer.dispose();
  }
}

const BASE = 'n=12&d=5&m=40&seed=9';

describe('a sweep batch: every cell as if trained alone', () => {
  const cases: [string, string[]][] = [
    ['full GD and dropout (p = 1), τ = 1', ['scheme=gd', 'scheme=dropout&xi=0.5', 'scheme=dropout&xi=0.9']],
    ['multi-sample dropout, p = 3, τ = 1', ['scheme=msdropout&p=3&xi=0.3', 'scheme=msdropout&p=3&xi=0.8']],
    ['IST, p = 3, τ varying', ['scheme=ist&p=3&tau=1', 'scheme=ist&p=3&tau=2', 'scheme=ist&p=3&tau=4']],
    [
      'Bernoulli masks, p = 2, τ and ξ varying, the keep rule',
      ['scheme=custom&p=2&xi=0.2&tau=3', 'scheme=custom&p=2&xi=0.7&tau=1', 'scheme=custom&p=2&xi=1&tau=2'],
    ],
    ['the zero rule, τ = 1', ['scheme=custom&p=2&xi=0.3&aggregate=zero', 'scheme=custom&p=2&xi=0.5&aggregate=zero']],
    [
      'the zero rule, τ = 1 and 2',
      ['scheme=custom&p=2&xi=0.3&aggregate=zero', 'scheme=custom&p=2&xi=0.3&tau=2&aggregate=zero'],
    ],
    ['GELU, p = 2, τ = 1', ['scheme=custom&p=2&xi=0.5&act=gelu', 'scheme=custom&p=2&xi=0.6&act=gelu']],
    ['GELU, p = 2, τ = 1 and 2', ['scheme=custom&p=2&xi=0.5&act=gelu', 'scheme=custom&p=2&xi=0.6&act=gelu&tau=2']],
  ];
  for (const [name, links] of cases)
    it(name, async () => {
      const configs = links.map((l) => parseConfig(`${BASE}&${l}`).config);
      const problems = batchProblems(configs);
      const batch = await trainBatch(problems, ROUNDS);
      for (const [c, problem] of problems.entries()) {
        const curve = await alone(problem);
        expect(batch[c]).toHaveLength(ROUNDS + 1);
        expect(curve[ROUNDS]).toBeLessThan(curve[0]); // it trains
        expect(worst(batch[c], curve), links[c]).toBeLessThan(2e-4);
      }
    });

  it('a cell that blows up leaves the others as they would be alone', async () => {
    const configs = ['scheme=gd&eta=50', 'scheme=gd'].map((l) => parseConfig(`${BASE}&${l}`).config);
    const problems = batchProblems(configs);
    const [wild, calm] = await trainBatch(problems, ROUNDS);
    expect(Math.max(...Array.from(wild).filter(Number.isFinite))).toBeGreaterThan(1e3 * wild[0]); // it blew up
    expect(worst(calm, await alone(problems[1]))).toBeLessThan(2e-4);
  });
});
