// The canvas charts' drawing, from fixed inputs: the calls each layer receives (numbers rounded to a tenth of a pixel),
// as snapshots — a change of a chart's drawing is a visible diff. Inputs are small and exact so that a snapshot can be
// read: an error curve falling to a plateau with a spike, its prediction and neighbourhood, a comparison, the NTK's
// λ_min with the subnetworks' band, and two modes against their predictions.
import { describe, expect, it } from 'vitest';

import type { ModeTheory } from '../core/masked/modes';
import { Columns } from './columns';
import { type ErrorChartData, errorScales, paintErrorChart } from './errorChart';
import { modeScales, paintModeCurves } from './modesChart';
import { ntkScales, paintNtkChart } from './ntkChart';
import { TEST_PALETTE } from './palette';
import { PaintRecorder } from './recorder';

const SIZE = { left: 56, right: 386, top: 10, bottom: 166 };
const layers = () => ({ under: new PaintRecorder(), data: new PaintRecorder() });
const rounds = Array.from({ length: 41 }, (_, k) => k);
const err = rounds.map((k) => 4 * 0.8 ** k + 0.05 + (k === 30 ? 0.4 : 0));
const columns = (ys: number[], bins = 16) => Columns.of('linear', bins, rounds, ys);

function errorData(runs: number): ErrorChartData {
  return {
    runs: Array.from({ length: runs }, (_, i) => ({
      err: columns(err.map((v) => v * (1 + i))),
      radiusNow: columns(rounds.map((k) => (k % 10 === 0 ? 0.06 * (1 + i) : NaN))),
      predicted: [0, 10, 20, 30, 40].map((k) => 4 * 0.8 ** k + 0.05 * (1 + i)),
      radius: 0.05 * (1 + i),
    })),
    first: 0,
    last: 40,
    predictedRounds: [0, 10, 20, 30, 40],
    markers: [],
  };
}

describe('canvas charts draw what they are given', () => {
  it('the error chart: band, R_lazy line and prediction under the data, then the measured curve', () => {
    const d = errorData(1);
    const { x, y } = errorScales(d);
    x.range([SIZE.left, SIZE.right]);
    y.range([SIZE.bottom, SIZE.top]);
    expect(y.domain()).toEqual([0.01, 10]);
    const l = layers();
    paintErrorChart(l, d, x, y, TEST_PALETTE);
    expect({ under: l.under.calls, data: l.data.calls }).toMatchSnapshot();
  });

  it('the error chart with a comparison: one colour per run, bands faint', () => {
    const d = errorData(2);
    const { x, y } = errorScales(d);
    x.range([SIZE.left, SIZE.right]);
    y.range([SIZE.bottom, SIZE.top]);
    const l = layers();
    paintErrorChart(l, d, x, y, TEST_PALETTE);
    expect(l.data.calls.filter((c) => c.startsWith('strokeStyle'))).toEqual([
      'strokeStyle = run0',
      'strokeStyle = run1',
    ]);
    expect({ under: l.under.calls, data: l.data.calls }).toMatchSnapshot();
  });

  it('the NTK chart: the subnetworks’ band (scaled by ξ) and the bounds’ whiskers under λ_min', () => {
    const ntk = rounds.map((k) => (k % 5 === 0 ? 0.12 - 0.001 * k : NaN));
    const d = {
      ntkMin: columns(ntk),
      bound: columns(ntk.map((v) => (Number.isFinite(v) ? 0.004 : NaN))),
      subMin: columns(ntk.map((v) => v * 1.6)),
      subMax: columns(ntk.map((v) => v * 2.2)),
      last: 40,
      xi: 0.5,
      lambda0: 0.118,
    };
    const { x, y } = ntkScales(d);
    x.range([SIZE.left, SIZE.right]);
    y.range([SIZE.bottom, SIZE.top]);
    const l = layers();
    paintNtkChart(l, d, x, y, TEST_PALETTE);
    expect({ under: l.under.calls, data: l.data.calls }).toMatchSnapshot();
  });

  it('the modes chart: each direction measured (data) over its prediction (dashed, under), slow on top', () => {
    const theory = {
      lambda: Float64Array.from([0.1, 0.9]),
      floor: Float64Array.from([0, 0.02]),
    } as unknown as ModeTheory;
    const measured = [columns(rounds.map((k) => 0.9 ** k)), columns(rounds.map((k) => 0.3 * 0.2 ** k + 0.02))];
    const predicted = [[0, 20, 40].map((k) => 0.9 ** k), [0, 20, 40].map((k) => 0.3 * 0.2 ** k + 0.02)];
    const d = { theory, measured, last: 40, predictedRounds: [0, 20, 40] };
    const { x, y } = modeScales(d, predicted);
    x.range([SIZE.left, SIZE.right]);
    y.range([SIZE.bottom, SIZE.top]);
    const l = layers();
    paintModeCurves(l, d, predicted, x, y);
    expect({ under: l.under.calls, data: l.data.calls }).toMatchSnapshot();
  });
});
