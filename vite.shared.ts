// Build pieces shared by the hosted build (vite.config.ts) and the one-file offline build (vite.offline.config.ts).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

import type { Plugin } from 'vite';

/** The one-file offline build's output: one HTML file in dist-offline/. */
export const OFFLINE_DIR = 'dist-offline';
export const OFFLINE_FILE = 'subnet-lab-offline.html';

/**
 * KaTeX's stylesheet offers each font as woff2, woff and ttf; every browser the app runs in reads woff2, so the other
 * two are dropped (about 1 MB the build would otherwise ship, precache and, offline, inline).
 */
export function katexWoff2Only(): Plugin {
  return {
    name: 'subnet-lab:katex-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/katex(\.min)?\.css$/.test(id)) return null;
      return code.replace(/,\s*url\([^)]*\.(woff|ttf)\)\s*format\("(woff|truetype)"\)/g, '');
    },
  };
}

/** The build's files worth compressing ahead of time (binary fonts and images are compressed already). */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|wasm)$/;

/**
 * Writes `.br` (Brotli, quality 11) and `.gz` (gzip, level 9) beside every compressible file of the build, so that a
 * static host serves them without compressing on each request (see the README's hosting notes).
 */
export function precompress(outDir: string): Plugin {
  return {
    name: 'subnet-lab:precompress',
    apply: 'build',
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
          e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
        );
      for (const file of walk(outDir).filter((f) => COMPRESSIBLE.test(f))) {
        const data = readFileSync(file);
        if (data.length < 1024) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}

/** The preview server's side of it: a request that accepts Brotli or gzip gets the file's precompressed copy. */
export function servePrecompressed(outDir: string): Plugin {
  return {
    name: 'subnet-lab:serve-precompressed',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '/').split('?')[0];
        const accepts = String(req.headers['accept-encoding'] ?? '');
        const root = path.resolve(outDir);
        const file = path.join(root, decodeURIComponent(url === '/' ? '/index.html' : url));
        if (!file.startsWith(root) || !COMPRESSIBLE.test(file)) return next();
        for (const [enc, ext] of [
          ['br', '.br'],
          ['gzip', '.gz'],
        ] as const)
          if (accepts.includes(enc) && existsSync(file + ext)) {
            res.setHeader('Content-Encoding', enc);
            res.setHeader('Content-Type', CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
            res.setHeader('Vary', 'Accept-Encoding');
            res.end(readFileSync(file + ext));
            return;
          }
        next();
      });
    },
  };
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};
