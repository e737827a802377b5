// Hosting: the build writes a Brotli and a gzip copy of every script, stylesheet and WebAssembly file, and the preview
// server sends them to a browser that accepts them — the same bytes, fewer of them on the wire.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { expect, test } from './fixtures';

test('precompressed files: Brotli or gzip as the request accepts, the same bytes once decoded', async ({ request }) => {
  const assets = readdirSync('dist/assets');
  for (const name of [assets.find((f) => /^index-.*\.js$/.test(f)), assets.find((f) => /simd.*\.wasm$/.test(f))]) {
    expect(name).toBeDefined();
    const original = readFileSync(path.join('dist/assets', name as string));
    for (const [encoding, ext] of [
      ['br', '.br'],
      ['gzip', '.gz'],
    ]) {
      const r = await request.get(`/assets/${name}`, { headers: { 'Accept-Encoding': encoding } });
      expect(r.headers()['content-encoding']).toBe(encoding);
      expect(r.headers()['vary']).toMatch(/Accept-Encoding/);
      expect(Buffer.compare(await r.body(), original)).toBe(0);
      expect(readFileSync(path.join('dist/assets', `${name}${ext}`)).length).toBeLessThan(original.length);
    }
    const plain = await request.get(`/assets/${name}`, { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.headers()['content-encoding']).toBeUndefined();
    expect(Buffer.compare(await plain.body(), original)).toBe(0);
  }
});
