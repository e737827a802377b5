// The config table: ranges enforced per key, presets, messages in words, and links that never throw.
import { describe, expect, it } from 'vitest';

import {
  applyPreset,
  CONFIG_KEYS,
  CONFIG_TABLE,
  defaultConfig,
  lockedWhy,
  parseConfig,
  serializeConfig,
} from './config';

describe('config table', () => {
  it('defaults round-trip through a link', () => {
    const { config, messages } = parseConfig(serializeConfig(defaultConfig()));
    expect(messages).toEqual([]);
    expect(config).toEqual(defaultConfig());
  });

  it('clamps every numeric key to its range, with a message naming the key', () => {
    for (const key of CONFIG_KEYS) {
      const spec = CONFIG_TABLE[key];
      if (spec.kind === 'enum') continue;
      for (const [raw, want] of [
        [spec.max * 10 + 1, spec.max],
        [spec.min - 1, spec.min],
      ] as const) {
        const { config, messages } = parseConfig({ scheme: 'custom', [key]: String(raw) });
        // A list key (freq) holds its clamped values as a list; its message names the value.
        expect(config[key]).toBe(spec.kind === 'list' ? String(want) : want);
        const named = spec.kind === 'list' ? `${key} value ` : `${key} = `;
        expect(messages.some((m) => m.startsWith(named) && /clamped/.test(m))).toBe(true);
      }
    }
  });

  it('replaces a bad enum or non-number by the default, with a message', () => {
    for (const key of CONFIG_KEYS) {
      const { config, messages } = parseConfig({ scheme: 'custom', [key]: 'garbage' });
      if (key === 'scheme') expect(config.scheme).toBe(CONFIG_TABLE.scheme.default);
      else expect(config[key]).toEqual(CONFIG_TABLE[key].default);
      expect(messages.some((m) => m.startsWith(`${key} = "garbage"`))).toBe(true);
    }
  });

  it('rounds non-integers for whole-number keys and accepts eta = auto', () => {
    const { config, messages } = parseConfig('scheme=custom&m=100.6&eta=auto&p=3');
    expect(config.m).toBe(101);
    expect(config.eta).toBe('auto');
    expect(messages).toHaveLength(1);
    expect(parseConfig('eta=0.05').config.eta).toBe(0.05);
  });

  it('ignores unknown keys and never throws on malformed input', () => {
    const bad = [
      '',
      '?',
      '&&&',
      '%',
      '%E0%A4%A',
      'm=%zz',
      '?m=1e999',
      'xi=NaN&p=Infinity',
      'm=0x10',
      'seed=-5',
      '<script>alert(1)</script>=1',
      'scheme=<img src=x onerror=alert(1)>',
      'm=' + '9'.repeat(400),
      'unknown=3&m=64',
    ];
    for (const q of bad) {
      const res = parseConfig(q);
      expect(CONFIG_KEYS.every((k) => k in res.config)).toBe(true);
      res.messages.forEach((m) => expect(m.length).toBeLessThan(200));
    }
    expect(parseConfig('unknown=3&m=64').messages).toEqual([]);
    expect(parseConfig('m=0x10').messages[0]).toMatch(/not a whole number/);
    expect(parseConfig(42 as unknown as string).messages[0]).toMatch(/not a set of key = value pairs/);
    expect(parseConfig([1, 2] as unknown as Record<string, unknown>).messages[0]).toMatch(
      /not a set of key = value pairs/,
    );
  });

  it('reads the input masks and the split of the data (THEORY.md J) with any scheme, in range', () => {
    const { config, messages } = parseConfig('scheme=ist&p=4&inputmask=gauss&nu=0.3&split=1');
    expect(messages).toEqual([]);
    expect(config).toMatchObject({ inputmask: 'gauss', nu: 0.3, split: 1, mask: 'categorical', p: 4 });
    const bad = parseConfig('inputmask=uniform&nu=5&split=2');
    expect(bad.config).toMatchObject({ inputmask: 'none', nu: 2, split: 1 });
    expect(bad.messages).toHaveLength(3);
  });

  it('applies the presets of THEORY.md B.2 and says which explicit values they replaced', () => {
    const gd = parseConfig('scheme=gd&xi=0.3&p=5');
    expect([gd.config.xi, gd.config.p, gd.config.tau]).toEqual([1, 1, 1]);
    expect(gd.messages.join(' ')).toMatch(/Full GD fixes xi = 1/);
    const ist = parseConfig('scheme=ist&p=5&xi=0.9');
    expect(ist.config.mask).toBe('categorical');
    expect(ist.config.xi).toBeCloseTo(0.2, 15);
    expect(ist.messages.join(' ')).toMatch(/ξ = 1\/p/);
    const ms = parseConfig('scheme=msdropout&p=1&tau=3');
    expect([ms.config.p, ms.config.tau]).toEqual([2, 1]);
    expect(parseConfig('scheme=msdropout').config.p).toBe(4);
    expect(applyPreset(defaultConfig(), 'ist').p).toBe(4);
    expect(
      applyPreset({ ...defaultConfig(), scheme: 'ist', mask: 'categorical', p: 4, xi: 0.25 }, 'dropout').mask,
    ).toBe('bernoulli');
  });
});

describe('why a setting is locked', () => {
  const c = (q: string) => parseConfig(q).config;
  it('names the scheme, the fixed value and the schemes that free it', () => {
    expect(lockedWhy(c('scheme=dropout'), 'p')).toBe(
      'Dropout fixes p = 1 — choose Multi-sample dropout, IST or Custom to change it.',
    );
    expect(lockedWhy(c('scheme=gd'), 'xi')).toMatch(
      /^Full GD fixes ξ = 1 — choose Dropout, Multi-sample dropout, IST or Custom to change it\.$/,
    );
    expect(lockedWhy(c('scheme=msdropout'), 'tau')).toMatch(/fixes τ = 1 — choose IST or Custom/);
    expect(lockedWhy(c('scheme=ist&p=4'), 'mask')).toMatch(/^IST fixes the mask \(categorical\)/);
  });
  it('says ξ follows p under categorical masks, and which initialization uses κ and the ratio', () => {
    expect(lockedWhy(c('scheme=ist&p=4'), 'xi')).toMatch(/ξ = 1\/p: change p instead/);
    expect(lockedWhy(c('init=lecun'), 'kappa')).toMatch(/NTK initialization only/);
    expect(lockedWhy(c('init=ntk'), 'ratio')).toMatch(/LeCun and He/);
    expect(lockedWhy(c('scheme=gd'), 'nu')).toMatch(/Gaussian input masks only/);
    expect(lockedWhy(c('scheme=gd&inputmask=gauss'), 'nu')).toBeNull();
  });
  it('is null where the setting is free', () => {
    for (const k of ['xi', 'p', 'tau', 'mask', 'kappa'] as const) expect(lockedWhy(c('scheme=custom'), k)).toBeNull();
    expect(lockedWhy(c('init=he'), 'ratio')).toBeNull();
  });
});
