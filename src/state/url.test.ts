// The link: config, compared runs, forced backend and view read from the address and written back the same way.
import { describe, expect, it } from 'vitest';
import { parseCompare } from '../core/compare';
import { defaultConfig } from '../core/config';
import { linkQuery, readLink } from './url';

describe('link', () => {
  it('round-trips config, backend and presentation view', () => {
    const config = { ...defaultConfig(), scheme: 'msdropout' as const, p: 3, m: 2048 };
    const back = readLink(linkQuery(config, [], 'webgl', true));
    expect(back).toEqual({ config, compare: [], messages: [], backend: 'webgl', presenting: true });
  });
  it('round-trips compared runs in a readable value', () => {
    const config = { ...defaultConfig(), scheme: 'dropout' as const, xi: 0.5, m: 512 };
    const compare = parseCompare('ist:p=2,custom:xi=0.25:p=3:tau=4', config).runs;
    const q = linkQuery(config, compare, null, false);
    expect(q).toContain('&compare=ist:p=2,custom:xi=0.25:p=3:tau=4');
    expect(readLink(q)).toEqual({ config, compare, messages: [], backend: null, presenting: false });
  });
  it('names a bad backend or view in words and chooses automatically', () => {
    const r = readLink('?backend=<b>gpu</b>&view=huge');
    expect(r.backend).toBeNull();
    expect(r.presenting).toBe(false);
    expect(r.messages.join(' ')).toMatch(/backend = "<b>gpu<\/b>" is not one of webgpu, webgl, wasm, cpu/);
    expect(r.messages.join(' ')).toMatch(/view = "huge"/);
  });
});
