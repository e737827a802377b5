// The incremental column summary: after any number of rows and merges, every bin holds exactly the first, last,
// lowest and highest value of its rows (a full pass over the same rows agrees), NaN skipped and ±Infinity kept; a
// followed history starts over on a restart or a cut-back and feeds only new rows otherwise; and a fixed input's
// bins, rounded, stay as they are.
import { describe, expect, it } from 'vitest';

import { Rng } from '../core/math/rng';
import { type AxisKind, Columns, FollowedColumn } from './columns';

/** The same bins by a full pass over the rows, at the summary's final width. */
function fullPass(kind: AxisKind, width: number, x: number[], y: number[]) {
  const t = kind === 'log' ? (v: number) => Math.log1p(v) : (v: number) => v;
  const bins = new Map<number, { lo: number; hi: number; first: number; last: number }>();
  x.forEach((xi, i) => {
    if (Number.isNaN(y[i])) return;
    const b = Math.floor(t(xi) / width);
    const cur = bins.get(b);
    if (!cur) bins.set(b, { lo: y[i], hi: y[i], first: y[i], last: y[i] });
    else {
      cur.lo = Math.min(cur.lo, y[i]);
      cur.hi = Math.max(cur.hi, y[i]);
      cur.last = y[i];
    }
  });
  return bins;
}

function randomSeries(seed: number, n: number): { x: number[]; y: number[] } {
  const rng = new Rng(seed);
  const x: number[] = [];
  const y: number[] = [];
  let k = 0;
  for (let i = 0; i < n; i++) {
    k += rng.uniform() < 0.2 ? 1 + Math.floor(rng.uniform() * 20) : 1;
    x.push(k);
    const u = rng.uniform();
    y.push(u < 0.03 ? NaN : u < 0.04 ? Infinity : u < 0.05 ? -Infinity : Math.exp(-k / 500) * (1 + rng.uniform()));
  }
  return { x, y };
}

describe('Columns', () => {
  for (const kind of ['linear', 'log'] as const)
    for (const [seed, n, maxBins] of [
      [1, 50, 64],
      [2, 5_000, 100],
      [3, 40_000, 333],
    ] as const)
      it(`${kind} axis, ${n} rows into at most ${maxBins} bins: exactly a full pass's min, max, first and last`, () => {
        const { x, y } = randomSeries(seed, n);
        const c = Columns.of(kind, maxBins, x, y);
        expect(c.size).toBeLessThanOrEqual(maxBins);
        const want = fullPass(kind, c.width, x, y);
        for (let b = 0; b < c.size; b++) {
          const w = want.get(b);
          if (!w) {
            expect(Number.isNaN(c.lo[b])).toBe(true);
            continue;
          }
          expect([c.lo[b], c.hi[b], c.yFirst[b], c.yLast[b]]).toEqual([w.lo, w.hi, w.first, w.last]);
        }
        expect([...want.keys()].every((b) => b < c.size)).toBe(true);
        const finite = y.filter((v) => !Number.isNaN(v));
        expect(c.extent()).toEqual([Math.min(...finite), Math.max(...finite)]);
      });

  it('a fixed input, rounded: its bins as they are', () => {
    const x = Array.from({ length: 40 }, (_, i) => i);
    const y = x.map((k) => +(Math.exp(-k / 10) + (k % 7 === 3 ? 0.5 : 0)).toFixed(3));
    const c = Columns.of('linear', 8, x, y);
    const bins = Array.from({ length: c.size }, (_, b) => `${c.xFirst[b]}–${c.xLast[b]}: ${c.lo[b]} … ${c.hi[b]}`);
    expect({ width: c.width, bins }).toMatchInlineSnapshot(`
      {
        "bins": [
          "0–7: 0.497 … 1.241",
          "8–15: 0.223 … 0.868",
          "16–23: 0.1 … 0.683",
          "24–31: 0.05 … 0.591",
          "32–39: 0.02 … 0.522",
        ],
        "width": 8,
      }
    `);
  });
});

describe('FollowedColumn', () => {
  it('feeds only rows after the last one fed, by round, and starts over on a new or cut-back history', () => {
    const f = new FollowedColumn('linear', 1000);
    const h1 = { x: [0, 1, 2], y: [3, 2, 1] };
    expect(f.follow(h1, h1.x, h1.y).extent()).toEqual([1, 3]);
    h1.x.push(3, 4);
    h1.y.push(0.5, 9);
    expect(f.follow(h1, h1.x, h1.y).extent()).toEqual([0.5, 9]);
    // Thinning rewrites the older rows in place: nothing is fed twice.
    h1.x.splice(1, 1);
    h1.y.splice(1, 1);
    expect(f.follow(h1, h1.x, h1.y).extent()).toEqual([0.5, 9]);
    // Cut back (a resumed run) and a new history (a restart): the summary is rebuilt.
    h1.x.length = 2;
    h1.y.length = 2;
    expect(f.follow(h1, h1.x, h1.y).extent()).toEqual([1, 3]);
    const h2 = { x: [0, 1, 2, 3, 4, 5, 6], y: [7, 7, 7, 7, 7, 7, 8] };
    expect(f.follow(h2, h2.x, h2.y).extent()).toEqual([7, 8]);
  });
});
