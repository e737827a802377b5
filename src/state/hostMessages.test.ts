// postMessage payloads from a host page, fuzzed (seeded): a message not addressed to the app is ignored, every
// malformed message addressed to it is answered with an error in words, and only a well-formed call to a known method
// with checked arguments gets through.
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
    let ignored = 0;
    for (let i = 0; i < 100; i++) {
      const msg =
        i % 10 === 0
          ? { type: 'subnetlab:call', id: i, method: 'step', args: [i] }
          : pick([
              pick(VALUES),
              {
                type: pick(['subnetlab:call', 'subnetlab:call', 'subnetlab:other', 'subnetlab:result', 'other', 3]),
                id: pick([1, 'a', null, {}, NaN]),
                method: pick(METHODS),
                args: pick([[], [pick(VALUES)], [1, 2], 'x', undefined]),
              },
            ]);
      const r = readCall(msg);
      const addressed =
        typeof msg === 'object' &&
        msg !== null &&
        typeof (msg as { type?: unknown }).type === 'string' &&
        /^subnetlab:(?!result$|error$|event$)/.test((msg as { type: string }).type);
      expect(r === null).toBe(!addressed);
      if (r === null) ignored++;
      else if ('error' in r) expect(r.error).toMatch(/^[a-z][\w ":;,()—\-.'{}|/…]+/i);
      else {
        calls++;
        expect(['step', 'play', 'config', 'setConfig', 'openLesson']).toContain(r.method);
        if (r.method === 'step') expect(Number.isInteger(r.args[0])).toBe(true);
      }
    }
    expect(calls).toBeGreaterThan(0);
    expect(ignored).toBeGreaterThan(0);
  });
  it('ignores what is not addressed to the app: a deck’s own messages, other types, the app’s own replies', () => {
    for (const msg of [
      'slide:start',
      'slide:stop',
      '{"method":"slide","args":[2]}',
      { type: 'slide:start' },
      { namespace: 'reveal', eventName: 'slidechanged', state: { indexh: 1 } },
      { type: 'subnetlab:event', event: 'key', data: { key: 'ArrowRight' } },
      { type: 'subnetlab:error', id: 1, error: 'echoed' },
      { type: 'subnetlab:result', id: 1, result: null },
      null,
      42,
      ['subnetlab:call'],
    ])
      expect(readCall(msg)).toBeNull();
  });
  it('names what is wrong', () => {
    expect(readCall({ type: 'subnetlab:cal', id: 4, method: 'step' })).toMatchObject({
      id: 4,
      error: expect.stringMatching(/type must be "subnetlab:call"/),
    });
    expect(readCall({ type: 'subnetlab:call', method: 'play' })).toMatchObject({
      id: null,
      error: expect.stringMatching(/id must be/),
    });
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
