// Sweep building blocks: the grid syntax, its cells through the config table, and the converged error.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from './config';
import { convergedError } from './converge';
import { gridCells, parseGrid } from './grid';

describe('grids', () => {
  it('parses keys and values and makes the product, first key slowest', () => {
    const g = parseGrid('p=1,2; xi=0.5,1');
    expect(g.ok).toBe(true);
    if (!g.ok) return;
    const cells = gridCells({ ...defaultConfig(), scheme: 'custom' }, g.grid);
    expect(cells.map((c) => [c.config.p, c.config.xi])).toEqual([[1, 0.5], [1, 1], [2, 0.5], [2, 1]]);
  });
  it('applies ranges and presets per cell, with messages', () => {
    const g = parseGrid('p=2,99');
    if (!g.ok) throw new Error(g.error);
    const cells = gridCells({ ...defaultConfig(), scheme: 'dropout' }, g.grid);
    expect(cells[1].messages.join(' ')).toMatch(/clamped to 32/);
    expect(cells[0].config.p).toBe(1); // dropout fixes p = 1
  });
  it('refuses bad grids with a reason', () => {
    for (const [spec, re] of [['', /empty/], ['width=1,2', /config key/], ['p=', /no values/], ['p=1;p=2', /twice/]] as const) {
      const g = parseGrid(spec);
      expect(g.ok).toBe(false);
      if (!g.ok) expect(g.error).toMatch(re);
    }
  });
});

describe('converged error', () => {
  it('is the last window\u2019s mean, settled when the last two windows agree', () => {
    const flat = Array.from({ length: 300 }, (_, k) => 1 + 0.01 * Math.sin(k));
    const r = convergedError(flat, { window: 100, tol: 0.05 });
    expect(r?.settled).toBe(true);
    expect(r?.value).toBeCloseTo(flat.slice(200).reduce((a, b) => a + b, 0) / 100, 12);
    const falling = Array.from({ length: 300 }, (_, k) => Math.exp(-k / 50));
    expect(convergedError(falling, { window: 100, tol: 0.05 })?.settled).toBe(false);
    expect(convergedError([1, 2, 3], { window: 100, tol: 0.05 })).toBeNull();
  });
});
