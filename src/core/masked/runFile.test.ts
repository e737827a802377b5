// Run files: a round trip keeps config, data and weights bit for bit; bad files are refused with a reason.
import { describe, expect, it } from 'vitest';

import { parseConfig } from './config';
import { makeData, makeInit } from './problem';
import { parseRunFile, toRunFile } from './runFile';

describe('run files', () => {
  it('round-trip exactly', () => {
    const config = parseConfig('scheme=ist&p=3&m=40&n=7&d=5&seed=9').config;
    const data = makeData(config);
    const init = makeInit(config);
    const back = parseRunFile(JSON.stringify(toRunFile(config, data, init)));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.config).toEqual(config);
    expect(back.data.X.data).toEqual(data.X.data);
    expect(back.data.y).toEqual(data.y);
    expect(back.init.W.data).toEqual(init.W.data);
    expect(back.init.a).toEqual(init.a);
  });
  it('refuses what is not a run file', () => {
    for (const [text, re] of [
      ['{', /not valid JSON/],
      ['{"format":"other"}', /not a Subnet Lab run file/],
      [
        '{"format":"subnet-lab-run","config":"m=8","data":{"X":[[1,0],[1,0]],"y":[1,2]},"init":{"W":[],"a":[]}}',
        /point the same way/,
      ],
    ] as const) {
      const r = parseRunFile(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(re);
    }
  });
});
