// postMessage payloads from a host page, fuzzed (seeded): every malformed message is answered with an error in words,
// and only a well-formed call to a known method with checked arguments gets through.
import { describe, expect, it } from 'vitest';

import { Rng } from '../core/math/rng';
import { readCall } from './hostMessages';

const rng = new Rng(7);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.uniform() * xs.length)];
const VALUES = [
  null,
  undefined,
  0,
  -1,
  2.5,
  1e9,
  NaN,
  'x',
  '<img src=x onerror=alert(1)>',
  [],
  [1],
  {},
  true,
  'a'.repeat(10000),
];
const METHODS = [
  'step',
  'play',
  'config',
  'setConfig',
  'openLesson',
  'eval',
  '__proto__',
  'constructor',
  'toString',
  '',
  5,
];

describe('host messages', () => {
  it('100 fuzzed payloads: a call only when type, id, method and arguments all check out; else one error in words', () => {
    let calls = 0;
    for (let i = 0; i < 100; i++) {
      const msg =
        i % 10 === 0
          ? { type: 'subnetlab:call', id: i, method: 'step', args: [i] }
          : pick([
              pick(VALUES),
              {
                type: pick(['subnetlab:call', 'subnetlab:result', 'other', 3]),
                id: pick([1, 'a', null, {}, NaN]),
                method: pick(METHODS),
                args: pick([[], [pick(VALUES)], [1, 2], 'x', undefined]),
              },
            ]);
      const r = readCall(msg);
      if ('error' in r) expect(r.error).toMatch(/^[a-z][\w ":;,()—\-.'{}|/…]+/i);
      else {
        calls++;
        expect(['step', 'play', 'config', 'setConfig', 'openLesson']).toContain(r.method);
        if (r.method === 'step') expect(Number.isInteger(r.args[0])).toBe(true);
      }
    }
    expect(calls).toBeGreaterThan(0);
  });
  it('names what is wrong', () => {
    expect(readCall('step')).toMatchObject({ id: null, error: expect.stringMatching(/must be an object/) });
    expect(readCall({ type: 'subnetlab:call', id: 1, method: 'eval' })).toMatchObject({
      id: 1,
      error: expect.stringMatching(/unknown method/),
    });
    expect(readCall({ type: 'subnetlab:call', id: 1, method: 'toString' })).toMatchObject({
      error: expect.stringMatching(/unknown method/),
    });
    expect(readCall({ type: 'subnetlab:call', id: 2, method: 'step', args: [-3] })).toMatchObject({
      id: 2,
      error: expect.stringMatching(/whole number/),
    });
    expect(readCall({ type: 'subnetlab:call', id: 3, method: 'step', args: [20] })).toEqual({
      id: 3,
      method: 'step',
      args: [20],
    });
  });
});
