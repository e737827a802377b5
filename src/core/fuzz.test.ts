// A seeded fuzzer over every input the app reads: links, data files (CSV and JSON), run files and lesson files. Each
// malformed input gets one clear message in words (never a throw), and what is accepted is valid: numbers in their
// ranges, unit rows, finite values. (postMessage payloads: src/state/hostMessages.test.ts.)
import { describe, expect, it } from 'vitest';

import { randomCsv, randomJsonData, randomLesson, randomLink, randomRunFile } from './fuzzing';
import { parseLesson } from './lessons/format';
import { linkProblems, readLink } from './link';
import { CONFIG_KEYS, CONFIG_TABLE } from './masked/config';
import { parseUserData } from './masked/datasets';
import { parseRunFile } from './masked/runFile';

const words = (m: string) => typeof m === 'string' && m.length > 5 && m.length < 2000 && /[a-z]/.test(m);

describe('fuzzed inputs (seeded)', () => {
  it('120 links: readLink never throws, every message is words, every accepted number is in its range', () => {
    for (let i = 0; i < 120; i++) {
      const q = randomLink();
      const link = readLink(q);
      for (const m of [...link.messages, ...linkProblems(q)]) expect(words(m), `${q}: ${m}`).toBe(true);
      for (const k of CONFIG_KEYS) {
        const spec = CONFIG_TABLE[k];
        const v = link.config[k];
        if (spec.kind === 'int' || spec.kind === 'number') {
          expect(Number.isFinite(v), `${q}: ${k}`).toBe(true);
          expect(v as number).toBeGreaterThanOrEqual(spec.min);
          expect(v as number).toBeLessThanOrEqual(spec.max);
        }
        if (spec.kind === 'enum') expect(spec.options).toContain(v);
      }
    }
  });
  it('100 data files (CSV and JSON): refused with one message, or rows of unit length and finite targets', () => {
    for (let i = 0; i < 100; i++) {
      const text = i % 2 ? randomCsv() : randomJsonData();
      const res = parseUserData(text);
      if (!res.ok) expect(words(res.error), text).toBe(true);
      else {
        const { X, y } = res.data;
        for (let r = 0; r < X.rows; r++) {
          const row = X.data.subarray(r * X.cols, (r + 1) * X.cols);
          expect(Math.abs(Math.hypot(...row) - 1)).toBeLessThan(1e-9);
        }
        expect(Array.from(y).every(Number.isFinite)).toBe(true);
      }
    }
    // The kinds named in words: empty, huge, duplicate and parallel rows, BOM, NaN.
    expect(parseUserData('').ok).toBe(false);
    expect(parseUserData(Array.from({ length: 5000 }, (_, i) => `${i + 1},1,0`).join('\n'))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/5000 rows/),
    });
    expect(parseUserData('1,0,1\n2,0,0')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/parallel|duplicate/),
    });
    expect(parseUserData('\uFEFF0,1,1\n1,0,0').ok).toBe(true);
    expect(parseUserData('{"X":[[1,0],[0,1]],"y":[1,NaN]}').ok).toBe(false);
  });
  it('60 run files and 60 lesson files: refused with one message, never a throw', () => {
    for (let i = 0; i < 60; i++) {
      const run = parseRunFile(randomRunFile());
      if (!run.ok) expect(words(run.error)).toBe(true);
      const lesson = parseLesson(randomLesson());
      if (!lesson.ok) expect(lesson.error).toMatch(/^Lesson refused — \S/);
    }
  });
});
