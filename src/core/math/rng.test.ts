// The seeded PRNG: reproducible, stream-separated, and with the right first two moments.
import { describe, expect, it } from 'vitest';

import { Rng } from './rng';
import { monteCarlo } from './testing';

describe('Rng (xoshiro128**)', () => {
  it('repeats for a seed and differs across seeds and streams', () => {
    const seq = (r: Rng) => Array.from({ length: 5 }, () => r.nextU32());
    expect(seq(new Rng(1))).toEqual(seq(new Rng(1)));
    expect(seq(new Rng(1))).not.toEqual(seq(new Rng(2)));
    expect(seq(Rng.stream(1, 'data'))).not.toEqual(seq(Rng.stream(1, 'init')));
  });
  it('uniform in [0, 1) with mean 1/2, normal with mean 0 and variance 1', () => {
    const r = new Rng(9);
    const { mean, se } = monteCarlo(200_000, 3, (o) => {
      o[0] = r.uniform();
      const g = r.normal();
      o[1] = g;
      o[2] = g * g;
    });
    expect(Math.abs(mean[0] - 0.5)).toBeLessThan(4 * se[0]);
    expect(Math.abs(mean[1])).toBeLessThan(4 * se[1]);
    expect(Math.abs(mean[2] - 1)).toBeLessThan(4 * se[2]);
    for (let i = 0; i < 1000; i++) {
      const u = r.uniform();
      expect(u >= 0 && u < 1).toBe(true);
    }
  });
});

describe('Rng.fillBelow', () => {
  it('draws what as many calls of nextU32 draw, and leaves the stream where they would', () => {
    const [a, b] = [Rng.stream(11, 'masks'), Rng.stream(11, 'masks')];
    const out = new Float32Array(1000);
    a.fillBelow(out, 0.3 * 2 ** 32);
    const expected = Array.from({ length: 1000 }, () => (b.nextU32() < 0.3 * 2 ** 32 ? 1 : 0));
    expect(Array.from(out)).toEqual(expected);
    expect(out.reduce((s, v) => s + v, 0)).toBeGreaterThan(240); // about 300 of 1000 below 0.3
    expect(out.reduce((s, v) => s + v, 0)).toBeLessThan(360);
    expect(a.state()).toEqual(b.state());
    expect(a.nextU32()).toBe(b.nextU32());
  });
});

describe('Rng state', () => {
  it('restored, continues with the same numbers bit for bit (the spare normal included)', () => {
    const a = new Rng(9);
    a.normal();
    const st = a.state();
    const next = [a.normal(), a.uniform(), a.nextU32(), a.normal()];
    const b = new Rng(1);
    b.restore(st);
    expect([b.normal(), b.uniform(), b.nextU32(), b.normal()]).toEqual(next);
  });
});
