// Metric history: CSV / JSON text with unmeasured cells, and a comparison's CSV.
import { describe, expect, it } from 'vitest';

import { blankRow, comparisonToCsv, emptyHistory, historyToCsv, historyToJson, pushRow } from './metrics';

function history(errs: number[]) {
  const h = emptyHistory();
  errs.forEach((err, round) => pushRow(h, { ...blankRow(round), err, maxMove: 0, flipFrac: 0 }));
  return h;
}

describe('metric history', () => {
  it('writes empty CSV cells and JSON nulls for unmeasured values', () => {
    const h = history([2, 1]);
    expect(historyToCsv(h).split('\n')[1]).toBe('0,2,,0,0,,,,,,,,');
    expect(JSON.parse(historyToJson(h)).surrErr).toEqual([null, null]);
  });
  it('a comparison CSV numbers its runs and quotes their labels', () => {
    const csv = comparisonToCsv(['Full GD', 'IST "p"=4'], [history([2, 1]), history([2, 1.5])])
      .trim()
      .split('\n');
    expect(csv).toEqual([
      'run,label,round,err,surrErr,maxMove,flipFrac,ntkMin,ntkMinBound,subNtkMin,subNtkMax,subNtkBound,ntkShift,radiusNow,kSigmaRatio',
      '1,"Full GD",0,2,,0,0,,,,,,,,',
      '1,"Full GD",1,1,,0,0,,,,,,,,',
      '2,"IST ""p""=4",0,2,,0,0,,,,,,,,',
      '2,"IST ""p""=4",1,1.5,,0,0,,,,,,,,',
    ]);
  });
});
