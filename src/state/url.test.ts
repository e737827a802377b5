// The link: config, forced backend and view read from the address and written back the same way.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../core/config';
import { linkQuery, readLink } from './url';

describe('link', () => {
  it('round-trips config, backend and presentation view', () => {
    const config = { ...defaultConfig(), scheme: 'msdropout' as const, p: 3, m: 2048 };
    const back = readLink(linkQuery(config, 'webgl', true));
    expect(back).toEqual({ config, messages: [], backend: 'webgl', presenting: true });
  });
  it('names a bad backend or view in words and chooses automatically', () => {
    const r = readLink('?backend=<b>gpu</b>&view=huge');
    expect(r.backend).toBeNull();
    expect(r.presenting).toBe(false);
    expect(r.messages.join(' ')).toMatch(/backend = "<b>gpu<\/b>" is not one of webgpu, webgl, wasm, cpu/);
    expect(r.messages.join(' ')).toMatch(/view = "huge"/);
  });
});
