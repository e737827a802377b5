// Split data (THEORY.md J.2): a fixed partition of the samples drawn from the seed, sizes ⌊n/p⌋ or ⌈n/p⌉, and the
// weights n/|S_l| that make each worker's loss an estimate of the whole data's.
import { describe, expect, it } from 'vitest';

import { shareWeights, splitOwners, splitsData } from './split';

describe('split data', () => {
  it('deals the samples out in shares of ⌊n/p⌋ or ⌈n/p⌉, the same for the same seed', () => {
    for (const [n, p] of [
      [16, 4],
      [17, 4],
      [10, 3],
      [5, 8],
    ]) {
      const owner = splitOwners(7, n, p);
      const sizes = Array.from({ length: p }, (_, l) => owner.filter((o) => o === l).length);
      expect(sizes.reduce((s, v) => s + v, 0)).toBe(n);
      for (const size of sizes) expect([Math.floor(n / p), Math.ceil(n / p)]).toContain(size);
      expect([...splitOwners(7, n, p)]).toEqual([...owner]);
    }
    expect([...splitOwners(7, 32, 4)]).not.toEqual([...splitOwners(8, 32, 4)]);
  });

  it('weighs each worker’s own samples n/|S_l|, so that every column sums to n; one worker holds all at weight 1', () => {
    const [n, p] = [10, 3];
    const owner = splitOwners(1, n, p);
    const w = shareWeights(owner, p);
    for (let l = 0; l < p; l++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += w[i * p + l];
      expect(sum).toBeCloseTo(n, 12);
    }
    for (let i = 0; i < n; i++) for (let l = 0; l < p; l++) expect(w[i * p + l] > 0).toBe(owner[i] === l);
    expect([...shareWeights(splitOwners(1, n, 1), 1)]).toEqual(Array(n).fill(1));
    expect(splitsData({ split: 1, p: 1 })).toBe(false);
    expect(splitsData({ split: 1, p: 4 })).toBe(true);
    expect(splitsData({ split: 0, p: 4 })).toBe(false);
  });
});
