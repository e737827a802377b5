// Goals from a measurement: the proposed threshold is the target's factor of the value now, never closer to it than
// PROPOSAL_MARGIN × the noise and rounded away from it; the distance of a step's own link in units of its noise; the
// margin a value reached has, and when it is within the noise.
import { describe, expect, it } from 'vitest';

import { type Condition, NOISE_MARGIN } from './goals';
import { PROPOSAL_MARGIN, proposeThreshold, reachOf, startDistance } from './propose';

describe('the threshold proposal', () => {
  it('ten times smaller: 0.1 × now, below it', () => {
    const p = proposeThreshold('plateau', 0.0463, 0.0008, 'tenth');
    expect(p.condition).toEqual({ metric: 'plateau', run: 1, op: 'lt', value: 0.0046 });
    expect(p.why).toMatch(/ten times smaller: 0\.1 × 0\.0463/);
  });
  it('lower than now: PROPOSAL_MARGIN × the noise below now (lesson check’s margin and two noises to spare)', () => {
    expect(PROPOSAL_MARGIN).toBe(NOISE_MARGIN + 2);
    const p = proposeThreshold('plateau', 0.0837, 0.0085, 'lower');
    expect(p.condition).toEqual({ metric: 'plateau', run: 1, op: 'lt', value: 0.041 });
    expect(0.0837 - (p.condition.value as number)).toBeGreaterThanOrEqual(PROPOSAL_MARGIN * 0.0085);
    expect(p.why).toMatch(/5 × the noise 0\.0085 below 0\.0837/);
  });
  it('a factor closer to now than the noise allows is moved out to PROPOSAL_MARGIN × the noise', () => {
    // Half of 0.01 is 0.005, but the noise is 0.0015: at least 0.0075 away.
    expect(proposeThreshold('err', 0.01, 0.0015, 'half').condition.value).toBe(0.0025);
    expect(proposeThreshold('ntkMin', 2, 0.3, 'double').condition).toMatchObject({ op: 'gt', value: 4 });
    expect(proposeThreshold('ntkMin', 2, 0.5, 'double').condition).toMatchObject({ op: 'gt', value: 4.5 });
    expect(proposeThreshold('ntkMin', 2, 0.5, 'higher').condition).toMatchObject({ op: 'gt', value: 4.5 });
  });
  it('rounds up above now, and takes the value itself where there is no noise', () => {
    expect(proposeThreshold('round', 123, null, 'tenfold').condition).toMatchObject({ op: 'gt', value: 1300 });
    expect(proposeThreshold('lambda0', 0.37, 0, 'lower').condition).toMatchObject({ op: 'lt', value: 0.37 });
  });
  it('says when the noise leaves no room below a positive value', () => {
    expect(proposeThreshold('plateau', 0.01, 0.005, 'lower').why).toMatch(/too large/);
  });
});

describe('the margin against the noise', () => {
  const lt: Condition = { metric: 'plateau', run: 1, op: 'lt', value: 0.0046 };
  it('the step’s own link far from the threshold, in units of its noise', () => {
    const d = startDistance(lt, 0.0463, 0.0008);
    expect(d?.enough).toBe(true);
    expect(d?.distance).toBeCloseTo(0.0417);
    expect(d?.text).toMatch(/0\.0417 from the threshold, 52\.1 × its noise/);
  });
  it('within NOISE_MARGIN × the noise: not enough, with how far to move it', () => {
    const d = startDistance({ ...lt, value: 0.045 }, 0.0463, 0.0008);
    expect(d?.enough).toBe(false);
    expect(d?.text).toMatch(/only 1\.63 × its noise .*move it at least 0\.0024 from 0\.0463/);
  });
  it('met already, or not comparable', () => {
    expect(startDistance(lt, 0.001, 0.0001)).toMatchObject({ enough: false, text: /meets the goal already/ });
    expect(startDistance(lt, null, null)).toBeNull();
    expect(startDistance({ config: 'xi', run: 1, op: 'eq', value: 0.5 }, 0.5, null)).toBeNull();
  });
  it('a value reached: its margin, thin when within the noise, short when not met', () => {
    expect(reachOf(lt, 0.003, 0.0002)).toMatchObject({ met: true, thin: false });
    expect(reachOf(lt, 0.003, 0.0002)?.text).toMatch(/margin 0\.0016 \(35 % of the threshold, 8 × the noise 2e-4\)/);
    expect(reachOf(lt, 0.0045, 0.0002)).toMatchObject({ met: true, thin: true, text: /within the noise/ });
    expect(reachOf(lt, 0.005, 0.0002)).toMatchObject({ met: false, text: /not met \(4e-4 short\)/ });
    expect(reachOf(lt, 0.0046, null)?.met).toBe(false);
  });
});
