// The input-noise panel's numbers (THEORY.md J.1): the smoothed ReLU at the run's typical spread with its Monte Carlo,
// the decomposition where it is cheap enough, the clean and smoothed functions around the circle; none for GELU.
import { describe, expect, it } from 'vitest';

import { parseConfig } from './config';
import { noiseSample } from './noiseView';
import { makeProblem } from './problem';

const problemOf = (q: string) => makeProblem(parseConfig(q).config);

describe('noiseSample', () => {
  it('draws σ, σ̃ and the proxy at s = ν‖w ⊙ x‖, with a Monte Carlo of real masks within 4 standard errors', () => {
    const p = problemOf('scheme=gd&inputmask=gauss&nu=0.4&n=12&d=6&m=64');
    const s = noiseSample(p, p.init, 0.4, 0, 0);
    if (!s) throw new Error('a ReLU run has a sample');
    expect(s.s).toBeGreaterThan(0);
    expect(s.z[0]).toBeCloseTo(-4 * s.s, 12);
    s.z.forEach((z, j) => {
      expect(s.relu[j]).toBe(Math.max(z, 0));
      expect(s.smoothed[j]).toBeGreaterThanOrEqual(s.proxy[j]);
    });
    // In the far tail no draw crosses the kink (se = 0) while σ̃ is a few 1e−6·s.
    s.mc.forEach((v, j) => expect(Math.abs(v - s.smoothed[2 * j])).toBeLessThan(4 * s.mcSe[j] + 1e-4 * s.s));
    const dec = s.decomposition;
    if (!dec) throw new Error('a small run has the decomposition');
    expect(dec.draws).toBe(200);
    expect(dec.variance).toBeGreaterThan(0);
    expect(s.circle).toBeNull();
  });

  it('on circle data gives the clean and the smoothed function; leaves the variance out when it would cost too much', () => {
    const p = problemOf('scheme=gd&inputmask=gauss&nu=0.5&data=circle&n=16&m=128');
    const s = noiseSample(p, p.init, 0.5, 3, 50);
    expect(s?.circle?.clean).toHaveLength(50);
    expect(s?.circle?.smoothed.some((v, j) => v !== s.circle?.clean[j])).toBe(true);
    const big = problemOf('scheme=gd&inputmask=gauss&n=256&d=64&m=4096');
    expect(noiseSample(big, big.init, 0.2, 0, 0)?.decomposition).toBeNull();
    const gelu = problemOf('scheme=gd&inputmask=gauss&act=gelu&n=8&d=4&m=32');
    expect(noiseSample(gelu, gelu.init, 0.2, 0, 0)).toBeNull();
  });
});
