// Memory limits: the estimate grows with the shapes, and the largest width found is the boundary of `fits`.
import { describe, expect, it } from 'vitest';

import { fits, largestWidth, memoryEstimate, tooLarge, tooLargeTogether } from './limits';

const shape = { m: 1024, n: 256, d: 32, p: 4, mask: 'bernoulli' as const };
const limits = { totalBytes: 256 * 1024 * 1024, tensorBytes: 64 * 1024 * 1024 };

describe('memory limits', () => {
  it('counts the [n, p·m] local-step tensors, and IST needs less than Bernoulli', () => {
    const e = memoryEstimate(shape);
    expect(e.largestBytes).toBe(4 * 256 * 4 * 1024);
    expect(memoryEstimate({ ...shape, mask: 'categorical' }).totalBytes).toBeLessThan(e.totalBytes);
  });
  it('finds the largest width that fits, and refuses one more with a message in words', () => {
    const best = largestWidth(shape, limits, 131072);
    expect(fits({ ...shape, m: best }, limits)).toBe(true);
    expect(fits({ ...shape, m: best + 1 }, limits)).toBe(false);
    expect(tooLarge({ ...shape, m: best }, limits, 131072)).toBeNull();
    expect(tooLarge({ ...shape, m: best + 1 }, limits, 131072)).toMatch(
      new RegExp(`largest width that fits .* is m = ${best}\\.`),
    );
    expect(tooLarge({ ...shape, n: 4096, d: 1024 }, { totalBytes: 1024, tensorBytes: 1024 }, 131072)).toMatch(
      /Lower n, d or p/,
    );
  });
  it('compared runs share the memory: a run that fits alone is refused among four, naming the run', () => {
    const best = largestWidth(shape, limits, 131072);
    const alone = { ...shape, m: best };
    const small = { ...shape, m: 64 };
    expect(tooLargeTogether([alone], limits, 131072)).toBeNull();
    expect(tooLargeTogether([small, small, small, small], limits, 131072)).toBeNull();
    expect(tooLargeTogether([small, alone, small, small], limits, 131072)).toMatch(
      /^4 runs are compared, so each may use 1\/4 of the device's memory\. Compared run 2: .*largest width that fits/,
    );
  });
});
