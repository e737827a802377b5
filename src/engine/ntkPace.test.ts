// The NTK cadence from measured times: measuring takes at most a sixth of the time the run is seen to train in (the
// page's time between calls counted, pauses not), a measurement's cost being what its call took beyond its rounds,
// and it never comes sooner than MIN_GAP rounds.
import { describe, expect, it } from 'vitest';

import { MIN_GAP, NtkPace } from './ntkPace';

describe('NTK cadence', () => {
  it('a measurement of 1 s where a round takes 30 ms of the worker and 70 ms of the page: every 50 rounds', () => {
    const pace = new NtkPace();
    for (let k = 0; k < 9; k++) {
      pace.idle(70);
      pace.ran(1, 30);
    }
    expect(pace.measured(1, 30 + 1000)).toBe(50);
  });

  it('the same without the page (a worker on its own): every 167 rounds, and the rate keeps 5/6', () => {
    const pace = new NtkPace();
    pace.ran(9, 270);
    const gap = pace.measured(1, 30 + 1000);
    expect(gap).toBe(167);
    expect((gap * 30) / (gap * 30 + 1000)).toBeGreaterThanOrEqual(5 / 6);
  });

  it('a pause is not training time; a cheap measurement still waits MIN_GAP rounds; none yet timed: MIN_GAP', () => {
    const pace = new NtkPace();
    expect(pace.measured(5, 500)).toBe(MIN_GAP);
    pace.idle(60_000);
    pace.ran(10, 300);
    expect(pace.measured(5, 150 + 100)).toBe(17);
    pace.ran(10, 3000);
    expect(pace.measured(1, 301)).toBe(MIN_GAP);
  });
});
