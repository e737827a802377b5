// Comparison links: runs parsed over the main run, written back to the same runs, bad parts named in words.
import { describe, expect, it } from 'vitest';

import {
  applyComparePreset,
  COMPARE_PRESETS,
  MAX_RUNS,
  parseCompare,
  runLabel,
  serializeCompare,
  withProblem,
} from './compare';
import { defaultConfig, parseConfig } from './config';

const main = parseConfig('scheme=dropout&xi=0.3&m=256&n=12&seed=5').config;

describe('compare links', () => {
  it('reads each run over the main one: own settings, shared problem, presets enforced', () => {
    const { runs, messages } = parseCompare('ist:p=4,msdropout:p=3:tau=7,gd', main);
    expect(messages).toEqual(['compared run 3: Multi-sample dropout fixes tau = 1; tau = 7 was replaced.']);
    expect(runs.map((r) => r.scheme)).toEqual(['ist', 'msdropout', 'gd']);
    expect(runs[0]).toMatchObject({ p: 4, xi: 0.25, mask: 'categorical', m: 256, n: 12, seed: 5 });
    expect(runs[1]).toMatchObject({ p: 3, tau: 1, xi: 0.3 });
    expect(runs[2]).toMatchObject({ p: 1, xi: 1, tau: 1 });
  });

  it('names what it changed and keeps at most four runs in all', () => {
    const { runs, messages } = parseCompare('ist:p=99:m=8:xi=0.2,warp,gd,gd,gd', main);
    expect(runs).toHaveLength(MAX_RUNS - 1);
    expect(runs[0]).toMatchObject({ p: 32, m: 256 });
    expect(runs[1].scheme).toBe(defaultConfig().scheme);
    expect(messages.some((m) => /at most 4 runs/.test(m))).toBe(true);
    expect(messages.some((m) => m.startsWith('compared run 2: "m=8"'))).toBe(true);
    expect(messages.some((m) => m.startsWith('compared run 2: p = "99"') && /clamped/.test(m))).toBe(true);
    expect(messages.some((m) => m.startsWith('compared run 3: scheme = "warp"'))).toBe(true);
  });

  it('writes runs back to a value that reads as the same runs', () => {
    const { runs } = parseCompare('ist:p=3:tau=5:aggregate=zero,custom:p=2:xi=0.7:eta=0.01,dropout', main);
    const text = serializeCompare(runs, main);
    expect(text).toBe('ist:p=3:tau=5:aggregate=zero,custom:xi=0.7:p=2:eta=0.01,dropout');
    expect(parseCompare(text, main).runs).toEqual(runs);
  });

  it('keeps the problem of the main run when the main run changes', () => {
    const run = parseCompare('ist:p=4', main).runs[0];
    const moved = withProblem({ ...main, m: 1024, seed: 9, xi: 0.9 }, run);
    expect(moved).toMatchObject({ m: 1024, seed: 9, xi: 0.25, p: 4, scheme: 'ist' });
  });

  it('a compared run has its own input masks and split of the data (THEORY.md J), written back the same', () => {
    const ist = parseConfig('scheme=ist&p=4&tau=4&m=256').config;
    const { runs, messages } = parseCompare('ist:split=1,ist:inputmask=gauss:nu=0.1', ist);
    expect(messages).toEqual([]);
    expect(runs[0]).toMatchObject({ split: 1, tau: 4, p: 4, inputmask: 'none' });
    expect(runs[1]).toMatchObject({ split: 0, inputmask: 'gauss', nu: 0.1 });
    expect(serializeCompare(runs, ist)).toBe('ist:split=1,ist:inputmask=gauss:nu=0.1');
    expect(runs.map(runLabel)).toEqual(['IST p=4 τ=4 split data', 'IST p=4 τ=4 input ν=0.1']);
    const preset = COMPARE_PRESETS.find((c) => c.label === 'IST: full vs split data');
    if (!preset) throw new Error('the preset is there');
    const opened = applyComparePreset(main, preset);
    expect([opened.main, ...opened.runs].map((c) => [c.scheme, c.tau, c.split])).toEqual([
      ['ist', 4, 0],
      ['ist', 4, 1],
    ]);
  });

  it('presets open the comparisons they name', () => {
    const dvi = applyComparePreset(main, COMPARE_PRESETS[0]);
    expect(COMPARE_PRESETS[0].label).toBe('Dropout vs IST');
    expect([dvi.main, ...dvi.runs].map(runLabel)).toEqual(['Dropout ξ=0.5', 'IST p=2 τ=1']);
    const all = applyComparePreset(main, COMPARE_PRESETS[1]);
    expect([all.main, ...all.runs].map((c) => c.scheme)).toEqual(['gd', 'dropout', 'msdropout', 'ist']);
    expect(all.runs.every((r) => r.m === main.m && r.seed === main.seed)).toBe(true);
  });
});
