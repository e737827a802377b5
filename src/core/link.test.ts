// The link: the view and its settings, compared runs and a forced backend, read from the address and written back the same way.
import { describe, expect, it } from 'vitest';

import { defaultAltMin, parseAltMin } from './altmin/config';
import { linkQuery, readLink } from './link';
import { parseCompare } from './masked/compare';
import { defaultConfig } from './masked/config';
import { defaultPhaseSettings, parsePhaseSettings } from './regimes/regimes';

const altmin = defaultAltMin();
const phase = defaultPhaseSettings();

describe('link', () => {
  it('round-trips config, backend and presentation view', () => {
    const config = { ...defaultConfig(), scheme: 'msdropout' as const, p: 3, m: 2048 };
    const back = readLink(
      linkQuery({ view: 'train', config, compare: [], altmin, phase, backend: 'webgl', presenting: true }),
    );
    expect(back).toEqual({
      view: 'train',
      config,
      compare: [],
      altmin,
      phase,
      messages: [],
      backend: 'webgl',
      presenting: true,
    });
  });
  it('round-trips compared runs in a readable value', () => {
    const config = { ...defaultConfig(), scheme: 'dropout' as const, xi: 0.5, m: 512 };
    const compare = parseCompare('ist:p=2,custom:xi=0.25:p=3:tau=4', config).runs;
    const q = linkQuery({ view: 'train', config, compare, altmin, phase, backend: null, presenting: false });
    expect(q).toContain('&compare=ist:p=2,custom:xi=0.25:p=3:tau=4');
    expect(readLink(q)).toEqual({
      view: 'train',
      config,
      compare,
      altmin,
      phase,
      messages: [],
      backend: null,
      presenting: false,
    });
  });
  it('the AltMin view holds its own settings (n, d and seed are its own there); the training keys stay at their defaults', () => {
    const a = parseAltMin('model=general&d=10&k=3&n=500&start=random&seed=7&ns=100,300').config;
    const q = linkQuery({
      view: 'altmin',
      config: { ...defaultConfig(), m: 64 },
      compare: [],
      altmin: a,
      phase,
      backend: 'wasm',
      presenting: false,
    });
    expect(q).toMatch(/^\?view=altmin&model=general&d=10&k=3&n=500/);
    expect(q).toContain('ns=100,300');
    expect(readLink(q)).toEqual({
      view: 'altmin',
      config: defaultConfig(),
      compare: [],
      altmin: a,
      phase,
      messages: [],
      backend: 'wasm',
      presenting: false,
    });
  });
  it('the regimes view holds the configuration and the phase diagram\u2019s settings', () => {
    const config = { ...defaultConfig(), d: 4, act: 'gelu' as const };
    const ph = parsePhaseSettings('setting=song&ns=8,16&ms=4,64&seeds=2&rounds=500&eps=0.01&show=ntk').settings;
    const q = linkQuery({ view: 'regimes', config, compare: [], altmin, phase: ph, backend: null, presenting: false });
    expect(q).toContain('&setting=song&ns=8,16&ms=4,64&seeds=2&rounds=500&eps=0.01&show=ntk');
    expect(readLink(q)).toEqual({
      view: 'regimes',
      config,
      compare: [],
      altmin,
      phase: ph,
      messages: [],
      backend: null,
      presenting: false,
    });
    expect(readLink('?view=regimes&seeds=0&show=x&ms=5,abc').messages).toHaveLength(3);
  });
  it('names a bad backend, view or AltMin value in words', () => {
    const r = readLink('?backend=<b>gpu</b>&view=huge');
    expect([r.backend, r.view, r.presenting]).toEqual([null, 'train', false]);
    expect(r.messages.join(' ')).toMatch(/backend = "<b>gpu<\/b>" is not one of webgpu, webgl, wasm, cpu/);
    expect(r.messages.join(' ')).toMatch(/view = "huge"/);
    expect(readLink('?view=altmin&model=skip&k=3&d=9').messages).toEqual([
      'The skip model has k = d = 9 neurons; k = 3 was replaced.',
    ]);
  });
});
