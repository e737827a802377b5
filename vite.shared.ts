// Build pieces shared by the hosted build (vite.config.ts) and the one-file offline build (vite.offline.config.ts).
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
