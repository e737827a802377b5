// The NTK cadence from measured times: measuring takes at most a sixth of the time the run is seen to train in (the
// page's time between calls counted, pauses not), and never comes sooner than MIN_GAP rounds.
import { describe, expect, it } from 'vitest';

import { MIN_GAP, NtkPace } from './ntkPace';

describe('NTK cadence', () => {
  it('a measurement of 1 s where a round takes 30 ms of the worker and 70 ms of the page: every 50 rounds', () => {
    const pace = new NtkPace();
    for (let k = 0; k < 10; k++) {
      pace.idle(70);
      pace.ran(1, 30 + (k === 9 ? 1000 : 0));
    }
    expect(pace.measured(1000)).toBe(50);
  });

  it('the same without the page (a worker on its own): every 167 rounds, and the rate keeps 5/6', () => {
    const pace = new NtkPace();
    pace.ran(10, 300 + 1000);
    const gap = pace.measured(1000);
    expect(gap).toBe(167);
    expect((gap * 30) / (gap * 30 + 1000)).toBeGreaterThanOrEqual(5 / 6);
  });

  it('a pause is not training time, and a cheap measurement still waits MIN_GAP rounds', () => {
    const pace = new NtkPace();
    pace.idle(60_000);
    pace.ran(10, 300 + 100);
    expect(pace.measured(100)).toBe(17);
    pace.ran(10, 3000);
    expect(pace.measured(1)).toBe(MIN_GAP);
  });
});
