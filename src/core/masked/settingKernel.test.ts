// The NTK at initialization of every setting against the empirical NTK of wide networks, and its closed form in the
// lazy setting and under LeCun.
import { describe, expect, it } from 'vitest';

import { hInf } from '../math/kernels';
import { randomUnitRows } from '../math/testing';
import { parseConfig } from './config';
import { netOf } from './network';
import { makeInit } from './problem';
import { empiricalNtk } from './reference';
import { settingKernel } from './settingKernel';

describe('the NTK at initialization of every setting (settingKernel)', () => {
  const X = randomUnitRows(6, 4, 21);
  const frob = (A: Float64Array) => Math.sqrt(A.reduce((s, v) => s + v * v, 0));
  for (const q of [
    'act=relu&layers=first&init=ntk',
    'act=relu&layers=both&init=lecun',
    'act=gelu&layers=first&init=ntk&kappa=0.7',
    'act=gelu&layers=both&init=he&ratio=3',
  ]) {
    it(`${q}: the empirical NTK of a wide network at initialization is within 4% of it`, () => {
      const config = parseConfig(`${q}&n=6&d=4&m=20000&seed=2`).config;
      const K = settingKernel(X, config, 20000);
      const init = makeInit(config);
      const H = empiricalNtk(X, init.W, init.a, undefined, 1, netOf(config, config.m));
      const diff = H.data.map((h, i) => h - K.data[i]);
      expect(frob(diff) / frob(K.data)).toBeLessThan(0.04);
    });
  }
  it('is H^∞ itself in the lazy setting, and grows like m/d in the second layer under LeCun', () => {
    const lazy = settingKernel(X, parseConfig('n=6&d=4&m=64').config);
    expect(Array.from(lazy.data)).toEqual(Array.from(hInf(X).data));
    const small = settingKernel(X, parseConfig('layers=both&init=lecun&n=6&d=4&m=64').config);
    const big = settingKernel(X, parseConfig('layers=both&init=lecun&n=6&d=4&m=256').config);
    // Diagonal: H^∞_ii = 1/2 and ω₁²K1_ii = (1/d)/2, times m for the second layer.
    expect(small.data[0]).toBeCloseTo(0.5 + 64 * (1 / 4) * 0.5, 10);
    expect(big.data[0]).toBeCloseTo(0.5 + 256 * (1 / 4) * 0.5, 10);
  });
});
