// Datasets: generated data is unit norm and seeded; user data is parsed, normalized, and refused with reasons.
import { describe, expect, it } from 'vitest';

import { Rng } from '../math/rng';
import { defaultConfig } from './config';
import { parseUserData, sphereData, teacherData } from './datasets';
import { makeData } from './problem';

describe('generated data', () => {
  it('sphere: unit rows, y in [−1, 1]; teacher: max |y| = 1', () => {
    for (const ds of [sphereData(50, 6, new Rng(1)), teacherData(50, 6, new Rng(1))]) {
      for (let i = 0; i < 50; i++) expect(Math.hypot(...ds.X.data.subarray(i * 6, i * 6 + 6))).toBeCloseTo(1, 14);
      expect(ds.y.every((v) => Math.abs(v) <= 1)).toBe(true);
    }
    expect(Math.max(...teacherData(50, 6, new Rng(2)).y.map(Math.abs))).toBeCloseTo(1, 15);
  });
  it('is fixed by the seed', () => {
    const c = defaultConfig();
    expect(makeData(c).y).toEqual(makeData(c).y);
    expect(makeData({ ...c, seed: 2 }).y).not.toEqual(makeData(c).y);
  });
});

describe('user data', () => {
  it('reads JSON and CSV (with a header) and normalizes rows', () => {
    const j = parseUserData('{"X": [[3, 4], [1, 0], [0, 2]], "y": [1, 0, -1]}');
    expect(j.ok && Array.from(j.data.X.data)).toEqual([0.6, 0.8, 1, 0, 0, 1]);
    expect(j.ok && j.notes[0]).toMatch(/normalized/);
    const c = parseUserData('x1,x2,y\n3,4,1\n1,0,0\n0,2,-1\n');
    expect(c.ok && Array.from(c.data.y)).toEqual([1, 0, -1]);
  });
  it('refuses duplicate and parallel rows, saying which', () => {
    const dup = parseUserData('1,2,0.5\n0,1,0\n2,4,0.1');
    expect(!dup.ok && dup.error).toMatch(/Rows 1 and 3 point the same way/);
  });
  it('refuses malformed input with a reason', () => {
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['{"X": [[1, 2]]}', /two arrays/],
      ['{bad json', /not valid JSON/],
      ['1,2,3\n1,a,3', /line 2, column 2/],
      ['1,2,3\n1,2', /row 2 has 1 inputs|Row 2 has 1 inputs/],
      ['0,0,1\n1,0,1', /all zeros/],
      ['1,2\n', /at least 2 rows/],
      ['{"X": [[1, 0], [0, 1]], "y": [1]}', /2 input rows but 1 targets/],
    ];
    for (const [text, re] of cases) {
      const r = parseUserData(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(re);
    }
  });
});
