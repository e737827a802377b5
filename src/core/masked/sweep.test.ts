// Sweeps: the cells each kind trains (swept keys free of presets), value lists refused in words, the CSV, and the
// log–log slope of the converged error against a swept value.
import { describe, expect, it } from 'vitest';

import { parseConfig } from './config';
import { cellRounds, logSlope, MAX_CELLS, SWEEP_KINDS, sweepBatches, sweepCells, sweepCsv, sweepRule } from './sweep';

const current = parseConfig('scheme=dropout&xi=0.3&m=256&n=12&d=6&seed=4&tau=1').config;

describe('the floor against ν and the plateau against τ on full and split data (THEORY.md J)', () => {
  it('the ν sweep turns the input masks on; every masked or split cell trains alone, through the live trainer', () => {
    const made = sweepCells('nu', current, ['0.05,0.1,0.2'], 1);
    if (!made.ok) throw new Error(made.error);
    expect(made.cells.map((c) => [c.config.inputmask, c.config.nu])).toEqual([
      ['gauss', 0.05],
      ['gauss', 0.1],
      ['gauss', 0.2],
    ]);
    expect(sweepBatches(made.cells.map((c) => c.config))).toEqual([[0], [1], [2]]);
    const ist = parseConfig('scheme=ist&p=4&m=256&n=12&d=6').config;
    const split = sweepCells('split-tau', ist, ['0,1', '1,4'], 1);
    if (!split.ok) throw new Error(split.error);
    expect(split.cells.map((c) => [c.config.split, c.config.tau, c.config.mask])).toEqual([
      [0, 1, 'categorical'],
      [0, 4, 'categorical'],
      [1, 1, 'categorical'],
      [1, 4, 'categorical'],
    ]);
    // The full-data cells share a batch; each split cell is one of its own.
    expect(sweepBatches(split.cells.map((c) => c.config)).sort()).toEqual([[0, 1], [2], [3]]);
  });

  it('fits the log–log slope with its 95 % interval over the positive cells', () => {
    const exact = logSlope([0.1, 0.2, 0.4, 0.8].map((v) => ({ value: v, converged: 3 * v * v })));
    expect(exact?.slope).toBeCloseTo(2, 12);
    // Points exactly on the line: the interval closes on the slope.
    expect(exact!.hi - exact!.lo).toBeLessThan(1e-9);
    expect(exact!.lo).toBeLessThanOrEqual(2 + 1e-9);
    expect(exact!.hi).toBeGreaterThanOrEqual(2 - 1e-9);
    const noisy = logSlope(
      [0.05, 0.1, 0.2, 0.4, 0.8].map((v, i) => ({ value: v, converged: v * (1 + 0.2 * (i % 2 ? 1 : -1)) })),
    );
    if (!noisy) throw new Error('five cells fit');
    expect(noisy.lo).toBeLessThan(1);
    expect(noisy.hi).toBeGreaterThan(1);
    expect(noisy.points).toBe(5);
    // Cells that diverged (NaN) or sit at ν = 0 are left out; fewer than three points fit nothing.
    expect(
      logSlope([
        { value: 0, converged: 1 },
        { value: 0.1, converged: NaN },
        { value: 0.2, converged: 1 },
      ]),
    ).toBeNull();
  });
});

describe('sweep batches', () => {
  const configsOf = (kind: keyof typeof SWEEP_KINDS, lists: string[], over = current) => {
    const made = sweepCells(kind, over, lists, 1);
    if (!made.ok) throw new Error(made.error);
    return made.cells.map((c) => c.config);
  };

  it('p × ξ: one batch per p, each of its ten ξ in grid order, the costliest first', () => {
    const configs = configsOf('p-xi', [...SWEEP_KINDS['p-xi'].values]);
    const batches = sweepBatches(configs);
    expect(batches.map((b) => configs[b[0]].p)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    for (const b of batches) {
      expect(b).toHaveLength(10);
      expect(new Set(b.map((i) => configs[i].p)).size).toBe(1);
      expect(b).toEqual([...b].sort((x, y) => x - y));
    }
    expect(batches.flat().sort((x, y) => x - y)).toEqual(configs.map((_, i) => i));
  });

  it('τ varies within a batch; widths do not; a trained second layer and an oversized batch are split', () => {
    const tau = configsOf('tau', ['1,2,4']);
    expect(sweepBatches(tau)).toEqual([[0, 1, 2]]);
    expect(sweepBatches(configsOf('m', ['64,128']))).toEqual([[1], [0]]);
    const both = configsOf('p-xi', ['2', '0.5,1'], parseConfig('layers=both&m=64&n=12&d=6').config);
    expect(sweepBatches(both)).toEqual([[0], [1]]);
    // n·p·m floats per cell: 4096 · 10 · 128 = 2^22.3 > 2^22, so each cell is a batch of its own.
    const big = configsOf('p-xi', ['10', '0.5,1'], parseConfig('m=128&n=4096&d=6').config);
    expect(sweepBatches(big)).toEqual([[0], [1]]);
  });
});

describe('sweep cells', () => {
  it('p × ξ: the default 10 × 10 grid of Bernoulli custom runs at the current τ, p slowest', () => {
    const made = sweepCells('p-xi', current, [...SWEEP_KINDS['p-xi'].values], 3);
    if (!made.ok) throw new Error(made.error);
    expect(made.cells).toHaveLength(100);
    expect(made.cells[0].config).toMatchObject({
      scheme: 'custom',
      mask: 'bernoulli',
      p: 1,
      xi: 0.1,
      tau: 3,
      m: 256,
      seed: 4,
    });
    expect(made.cells[11].config).toMatchObject({ p: 2, xi: 0.2 });
    expect(made.cells.every((c) => c.messages.length === 0)).toBe(true);
  });

  it('τ is swept under the custom scheme (a preset would fix it); m keeps the scheme', () => {
    const tau = sweepCells('tau', current, ['1,4']);
    const m = sweepCells('m', current, ['64,128']);
    if (!tau.ok || !m.ok) throw new Error('refused');
    expect(tau.cells.map((c) => [c.config.scheme, c.config.tau, c.config.xi])).toEqual([
      ['custom', 1, 0.3],
      ['custom', 4, 0.3],
    ]);
    expect(m.cells.map((c) => [c.config.scheme, c.config.m])).toEqual([
      ['dropout', 64],
      ['dropout', 128],
    ]);
  });

  it('refuses empty lists, non-numbers and grids over the cell limit, in words', () => {
    expect(sweepCells('m', current, [' , '])).toEqual({ ok: false, error: 'Give at least one value of m.' });
    expect(sweepCells('p-xi', current, ['1,2', '0.5,half'])).toEqual({
      ok: false,
      error: '"half" in the values of xi is not a number.',
    });
    const many = Array.from({ length: 21 }, (_, i) => i + 1).join(',');
    const big = sweepCells('p-xi', current, [many, many]);
    expect(big.ok).toBe(false);
    expect(!big.ok && big.error).toBe(`441 cells is more than ${MAX_CELLS}; use fewer values.`);
  });

  it('the converged-error window is a tenth of the rounds; the CSV has one row per cell in order', () => {
    expect(sweepRule(300)).toEqual({ window: 30, tol: 0.05 });
    expect(sweepRule(5).window).toBe(1);
    const csv = sweepCsv(
      ['p', 'xi'],
      [
        { at: { p: '1', xi: '0.5' }, result: { converged: 0.25, settled: true, radius: 0.2, rounds: 300 } },
        { at: { p: '2', xi: '0.5' }, result: { converged: NaN, settled: false, radius: 0.1, rounds: 300 } },
      ],
    );
    expect(csv).toBe('p,xi,converged,settled,radius,rounds\n1,0.5,0.25,true,0.2,300\n2,0.5,NaN,false,0.1,300\n');
  });
});

describe('cellRounds', () => {
  it('trains a quarter past the predicted settle time, at least 200 rounds, and says when the cap cuts it short', () => {
    expect(cellRounds(400, 3000)).toEqual({ rounds: 500, reached: true });
    expect(cellRounds(10, 3000)).toEqual({ rounds: 200, reached: true });
    expect(cellRounds(2400, 3000)).toEqual({ rounds: 3000, reached: true });
    expect(cellRounds(2401, 3000)).toEqual({ rounds: 3000, reached: false });
    expect(cellRounds(Infinity, 3000)).toEqual({ rounds: 3000, reached: false });
  });
});
