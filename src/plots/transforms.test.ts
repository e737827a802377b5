// Plot transforms: decimation keeps extremes and order; domains cover the data.
import { describe, expect, it } from 'vitest';

import { decimate, honestPrediction, linearDomain, logDomain } from './transforms';

describe('decimate', () => {
  it('passes short series through, dropping non-finite values', () => {
    expect(decimate([0, 1, 2], [1, NaN, 3], 10)).toEqual({ x: [0, 2], y: [1, 3] });
  });
  it('keeps each bucket\u2019s min and max in x order, within the budget', () => {
    const x = Array.from({ length: 10_000 }, (_, i) => i);
    const y = x.map((i) => (i === 5003 ? 1e6 : Math.exp(-i / 1000)));
    const d = decimate(x, y, 200);
    expect(d.x.length).toBeLessThanOrEqual(200);
    expect(d.y).toContain(1e6);
    expect(d.y).toContain(y[y.length - 1]);
    expect(d.x.every((v, i) => i === 0 || v > d.x[i - 1])).toBe(true);
  });
});

describe('domains', () => {
  it('log domain pads to whole decades and ignores non-positive values', () => {
    expect(logDomain([0.03, 0, -1, 42], [NaN])).toEqual([0.01, 100]);
    expect(logDomain([])).toEqual([1e-3, 1]);
  });
  it('linear domain pads by 5%', () => {
    expect(linearDomain([0, 10])).toEqual([-0.5, 10.5]);
  });
});

describe('the prediction as drawn', () => {
  it('stops at the rounding level where R = 0 (GD, IST at leading order), and is kept whole where R > 0', () => {
    const curve = [10, 1e-6, 1e-12, 1e-14, 1e-20];
    expect(honestPrediction(curve, 0, 1e-13)).toEqual([10, 1e-6, 1e-12, NaN, NaN]);
    expect(honestPrediction(curve, 0.1, 1e-13)).toEqual(curve);
  });
});
