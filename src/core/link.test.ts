// The link: the view and its settings, compared runs and a forced backend, read from the address and written back the same way.
import { describe, expect, it } from 'vitest';

import { defaultAltMin, parseAltMin } from './altmin/config';
import { keyLabel, linkProblems, linkQuery, readLink } from './link';
import { parseCompare } from './masked/compare';
import { defaultConfig } from './masked/config';
import { defaultPace } from './pace';
import { defaultPhaseSettings, parsePhaseSettings } from './regimes/regimes';

const altmin = defaultAltMin();
const phase = defaultPhaseSettings();
const pace = defaultPace();
const embed = null;

describe('link', () => {
  it('round-trips config, backend and presentation view', () => {
    const config = { ...defaultConfig(), scheme: 'msdropout' as const, p: 3, m: 2048 };
    const back = readLink(
      linkQuery({ view: 'train', config, compare: [], altmin, phase, backend: 'webgl', presenting: true, pace, embed }),
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
      pace,
      embed,
    });
  });
  it('round-trips compared runs in a readable value', () => {
    const config = { ...defaultConfig(), scheme: 'dropout' as const, xi: 0.5, m: 512 };
    const compare = parseCompare('ist:p=2,custom:xi=0.25:p=3:tau=4', config).runs;
    const q = linkQuery({
      view: 'train',
      config,
      compare,
      altmin,
      phase,
      backend: null,
      presenting: false,
      pace,
      embed,
    });
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
      pace,
      embed,
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
      pace,
      embed,
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
      pace,
      embed,
    });
  });
  it('the regimes view holds the configuration and the phase diagram\u2019s settings', () => {
    const config = { ...defaultConfig(), d: 4, act: 'gelu' as const };
    const ph = parsePhaseSettings('setting=song&ns=8,16&ms=4,64&seeds=2&rounds=500&eps=0.01&show=ntk').settings;
    const q = linkQuery({
      view: 'regimes',
      config,
      compare: [],
      altmin,
      phase: ph,
      backend: null,
      presenting: false,
      pace,
      embed,
    });
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
      pace,
      embed,
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

describe('pace and presentation in the link', () => {
  it('holds the pace keys that differ from the defaults, and presentation in every view', () => {
    const q = linkQuery({
      view: 'train',
      config: defaultConfig(),
      compare: [],
      altmin,
      phase,
      backend: null,
      presenting: true,
      pace: { speed: 10, until: 500, xaxis: 'log', window: 'all', autoplay: '1' },
      embed,
    });
    expect(q).toMatch(/&speed=10&until=500&xaxis=log&autoplay=1&present=1$/);
    expect(readLink(q)).toMatchObject({ presenting: true, pace: { speed: 10, until: 500, xaxis: 'log' } });
    expect(readLink('?view=altmin&present=1').presenting).toBe(true);
    expect(readLink('?view=present').presenting).toBe(true);
  });
  it('clamps out-of-range speed and until with a message, and ignores pace outside the training view', () => {
    const l = readLink('?speed=1e9&until=-3&window=abc');
    expect(l.pace).toEqual({ speed: 100000, until: 1, xaxis: 'linear', window: 'all', autoplay: '0' });
    expect(readLink('?autoplay=yes').messages).toEqual(['autoplay = "yes" is not one of 0, 1; using 0.']);
    expect(l.messages.join(' ')).toMatch(
      /speed = "1e9" is above the largest speed.*until = "-3" is below.*window = "abc" is not a number or "all"/,
    );
    expect(readLink('?view=regimes&speed=10').pace.speed).toBe('full');
    expect(linkProblems('?view=regimes&speed=10')).toEqual([
      '"speed" is not a key of the regimes view\u2019s link.'.replace('\u2019', "'"),
    ]);
  });
});

describe('an embed in the link', () => {
  it('reads the panels and controls, leaving out unknown names with a message', () => {
    const l = readLink('?embed=1&panels=error,ntk,chart9&controls=p,tau,play,volume');
    expect(l.embed).toEqual({ panels: ['error', 'ntk'], controls: ['p', 'tau', 'play'] });
    expect(l.messages).toEqual([
      'panels: "chart9" left out (not a panel of the app).',
      'controls: "volume" left out (the controls are play, speed, scheme, m, xi, p, tau).',
    ]);
    expect(readLink('?embed=1').embed).toEqual({ panels: ['error'], controls: ['play'] });
    expect(readLink('?m=64').embed).toBeNull();
    expect(linkProblems('?embed=1&panels=error&controls=')).toEqual([]);
    const q = linkQuery({ ...readLink('?m=64'), embed: { panels: ['error'], controls: ['p'] } });
    expect(readLink(q).embed).toEqual({ panels: ['error'], controls: ['p'] });
  });
});

describe('a setting as its control names it', () => {
  it('reads the label of each view’s own table, and names Play’s buttons', () => {
    expect(keyLabel('train', 'xi')).toBe('mask probability ξ');
    expect(keyLabel('train', 'speed')).toBe('speed (rounds/s)');
    expect(keyLabel('regimes', 'speed')).toBe('speed');
    expect(keyLabel('train', 'play')).toBe('Play, Step and Reset');
    expect(keyLabel('altmin', 'xi')).toBe('xi');
  });
});
