// Long sessions: the history stays bounded, keeps round 0 and every recent round, keeps the extremes of the error, and
// an export says which rounds it holds.
import { describe, expect, it } from 'vitest';

import { Rng } from '../math/rng';
import { blankRow, emptyHistory, pushRow } from './metrics';
import { heldRounds, thinHistory } from './thinning';

function grow(rounds: number, rule = { limit: 1000, recent: 200 }) {
  const h = emptyHistory();
  const rng = new Rng(3);
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < rounds; k++) {
    const err = Math.exp(rng.normal());
    lo = Math.min(lo, err);
    hi = Math.max(hi, err);
    pushRow(h, { ...blankRow(k), err });
    thinHistory(h, rule);
  }
  return { h, lo, hi };
}

describe('history thinning', () => {
  it('stays at about its limit over a million rounds, with round 0, every recent round and the extremes', () => {
    const { h, lo, hi } = grow(1_000_000);
    expect(h.round.length).toBeLessThanOrEqual(1000);
    expect(h.round[0]).toBe(0);
    expect(h.round.slice(-200)).toEqual(Array.from({ length: 200 }, (_, i) => 1_000_000 - 200 + i));
    expect(Math.min(...h.err)).toBe(lo);
    expect(Math.max(...h.err)).toBe(hi);
    for (let i = 1; i < h.round.length; i++) expect(h.round[i]).toBeGreaterThan(h.round[i - 1]);
    for (const k of ['ntkMin', 'radiusNow'] as const) expect(h[k]).toHaveLength(h.round.length);
  });
  it('does nothing below its limit; an export says which rounds it holds', () => {
    const small = grow(500).h;
    expect(small.round).toHaveLength(500);
    expect(heldRounds(small)).toBe('every round from 0 to 499');
    expect(heldRounds(grow(5000).h)).toMatch(
      /^every round from 4\d{3} to 4999; before round 4\d{3}, \d+ of 4\d{3} rounds \(thinned/,
    );
  });
});
