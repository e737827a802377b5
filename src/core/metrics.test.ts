// Metric history: CSV / JSON text with unmeasured cells, a comparison's CSV, and the measured plateau.
import { describe, expect, it } from 'vitest';
import { comparisonToCsv, emptyHistory, historyToCsv, historyToJson, plateauSince, pushRow } from './metrics';

function history(errs: number[]) {
  const h = emptyHistory();
  errs.forEach((err, round) => pushRow(h, { round, err, surrErr: NaN, maxMove: 0, flipFrac: 0, ntkMin: NaN, subNtkMin: NaN, subNtkMax: NaN, ntkShift: NaN }));
  return h;
}

describe('metric history', () => {
  it('writes empty CSV cells and JSON nulls for unmeasured values', () => {
    const h = history([2, 1]);
    expect(historyToCsv(h).split('\n')[1]).toBe('0,2,,0,0,,,,');
    expect(JSON.parse(historyToJson(h)).surrErr).toEqual([null, null]);
  });
  it('a comparison CSV numbers its runs and quotes their labels', () => {
    const csv = comparisonToCsv(['Full GD', 'IST "p"=4'], [history([2, 1]), history([2, 1.5])]).trim().split('\n');
    expect(csv).toEqual(['run,label,round,err,surrErr,maxMove,flipFrac,ntkMin,subNtkMin,subNtkMax,ntkShift',
      '1,"Full GD",0,2,,0,0,,,,', '1,"Full GD",1,1,,0,0,,,,', '2,"IST ""p""=4",0,2,,0,0,,,,', '2,"IST ""p""=4",1,1.5,,0,0,,,,']);
  });
  it('plateau: mean of the last third since a round, only once enough rounds have passed', () => {
    const h = history(Array.from({ length: 400 }, (_, k) => (k < 100 ? 10 : k < 300 ? 5 : 1)));
    expect(plateauSince(h, 150, 300)).toBeNull(); // only 250 rounds since round 150
    expect(plateauSince(h, 0, 300)).toBeCloseTo(((133 - 100) * 5 + 100 * 1) / 133, 12);
  });
});
