// THEORY.md E: each regime's width on fixed inputs, Theorem 3's conversion, λ_0 = 0; the phase cells' rule, CSV and size refusal; G.16.
import { describe, expect, it } from 'vitest';

import { parseConfig } from '../masked/config';
import { makeData } from '../masked/problem';
import { widthRequired } from '../masked/theory';
import { relErr } from '../math/testing';
import {
  dataAt,
  parsePhaseSettings,
  phaseCell,
  phaseCellsCsv,
  phaseConfig,
  phaseTooLarge,
  requiredWidths,
  widthsAt,
} from './regimes';

const scheme = { xi: 0.5, p: 2, tau: 1, eta: 0.01, kappa: 1, categorical: false };

describe('required widths (THEORY.md E)', () => {
  it('each formula on fixed inputs', () => {
    const w = requiredWidths({ n: 16, d: 8, lambda0: 0.1, delta: 0.1, rounds: 100, yNorm2: 5, rLazy: 0.2, scheme });
    expect(relErr(w.du, 16 ** 6 / (0.1 ** 4 * 0.1 ** 3))).toBeLessThan(1e-14);
    // θ = 1 − 0.5² = 0.75; n⁴/(κ²θξ³λ_0⁴) = 65536/(0.75·0.125·1e-4) against K²p = 2e4.
    expect(relErr(w.paper, (100 / 0.1) * (65536 / (0.75 * 0.125 * 1e-4)))).toBeLessThan(1e-14);
    expect(w.mReq).toBe(widthRequired(scheme, { n: 16, lambda0: 0.1, yNorm2: 5, delta: 0.1, rounds: 100, rLazy: 0.2 }));
    expect([w.oymak, w.song, w.counting]).toEqual([32, 8, 2]);
    const big = requiredWidths({ n: 2, d: 8, lambda0: 1, delta: 1, rounds: 100, yNorm2: 1, rLazy: 0, scheme });
    expect(big.paper).toBe(100 * 100 * 100 * 2); // the K²p term wins
  });
  it('λ_0 = 0 (duplicate rows) makes the λ_0 widths infinite; the others stay', () => {
    const w = requiredWidths({ n: 16, d: 8, lambda0: 0, delta: 0.1, rounds: 100, yNorm2: 5, rLazy: 0, scheme });
    expect([w.du, w.paper, w.mReq]).toEqual([Infinity, Infinity, Infinity]);
    expect(w.counting).toBe(2);
  });
  it('λ_0(n) falls as n grows at fixed d, so Du\u2019s width grows faster than n⁶', () => {
    const c = parseConfig('d=4&seed=3').config;
    const a = widthsAt(c, dataAt(c, 8)!, 0.1, 1000);
    const b = widthsAt(c, dataAt(c, 32)!, 0.1, 1000);
    expect(b.lambda0).toBeLessThan(a.lambda0);
    expect(b.widths.du / a.widths.du).toBeGreaterThan(4 ** 6);
    expect(dataAt(c, 8, makeData({ ...c, n: 6 }))).toBeNull();
    expect(dataAt(c, 4, makeData({ ...c, n: 6 }))!.X.rows).toBe(4);
  });
});

describe('phase diagram cells', () => {
  const run = (err0: number, errK: number) => ({ err0, errK, maxMove: 1, flipFrac: 0.1, ntkShift: 0.2 });
  it('success is the fraction of seeds with ‖y − u_K‖² ≤ ε‖y − u_0‖²; a diverged run fails; medians of the rest', () => {
    const c = phaseCell(16, 2, 4, [run(1, 1e-4), run(2, 1e-2), run(1, NaN)], 1e-3, 500);
    expect(c.success).toBeCloseTo(1 / 3, 15);
    expect(c.medianRatio).toBe(5e-3);
    expect(c.fewerParams).toBe(true);
    expect(phaseCell(8, 2, 4, [run(1, 0)], 1e-3, 500).fewerParams).toBe(false);
    expect(phaseCellsCsv([c]).split('\n')[0]).toBe('n,m,seeds,success,medianRatio,maxMove,flipFrac,ntkShift,rounds');
  });
  it('settings parse with corrections in words; each setting trains its network with GD', () => {
    const r = parsePhaseSettings('ns=64,8,8&ms=0&seeds=99&setting=wide');
    expect(r.settings.ns).toBe('8,64');
    expect(r.settings.ms).toBe('1');
    expect(r.settings.seeds).toBe(20);
    expect(r.messages).toHaveLength(3);
    const base = parseConfig('scheme=ist&p=4&ratio=2').config;
    const song = phaseConfig(base, 'song');
    expect([song.scheme, song.act, song.layers, song.init, song.ratio, song.xi, song.p]).toEqual([
      'gd',
      'gelu',
      'both',
      'lecun',
      2,
      1,
      1,
    ]);
    expect(phaseConfig(base, 'lazy').act).toBe('relu');
  });
  it('a grid too slow to be useful is refused with its estimate and the largest widths that fit', () => {
    expect(phaseTooLarge([8, 16, 32, 64], [1, 4, 16, 64, 256, 1024], 8, 3, 1000)).toBeNull();
    expect(phaseTooLarge([512], [64, 1024, 16384], 32, 10, 2000)).toMatch(
      /^This grid needs about 34\.7·10¹² operations \(about 290 minutes here\); the limit is 1\.2·10¹²\. The largest grid that fits keeps m up to 64\.$/,
    );
    expect(phaseTooLarge([512, 1024], [64, 1024, 16384], 32, 10, 20000)).toMatch(
      /No width fits: lower the rounds, the seeds or the largest n\.$/,
    );
  });
});
