// The one-file offline build (`npm run build:offline`): the app as a single HTML file that opens from file:// — for a
// USB stick, or a hall with no network — with its script, styles, fonts, workers and the WebAssembly binaries inlined
// (vite-plugin-singlefile inlines the page's script and styles; the workers start from their inlined text; every
// asset becomes a data: URL). It trains on WASM (or the CPU); a GPU backend works there too where the browser has one.
import { readFileSync, renameSync } from 'node:fs';
import path from 'node:path';

import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

import { katexWoff2Only, OFFLINE_DIR, OFFLINE_FILE } from './vite.shared';

const OUT = OFFLINE_DIR;

/** tfjs runs its threaded WebAssembly build only on a cross-origin isolated page, which a file:// page never is. */
function noThreadedWasm(): Plugin {
  const id = '\0no-threaded-wasm';
  return {
    name: 'subnet-lab:no-threaded-wasm',
    enforce: 'pre',
    resolveId: (source) => (/tfjs-backend-wasm-threaded-simd\.wasm\?url$/.test(source) ? id : null),
    load: (source) => (source === id ? 'export default "";' : null),
  };
}

/** The icon inlined too, and the one file named for what it is once it is written. */
function offlineFile(): Plugin {
  const icon = `data:image/svg+xml;base64,${readFileSync('public/favicon.svg').toString('base64')}`;
  return {
    name: 'subnet-lab:offline-file',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace(/href="[^"]*favicon\.svg"/, `href="${icon}"`),
    },
    closeBundle: () => renameSync(path.join(OUT, 'index.html'), path.join(OUT, OFFLINE_FILE)),
  };
}

export default defineConfig({
  base: './',
  plugins: [react(), katexWoff2Only(), noThreadedWasm(), viteSingleFile(), offlineFile()],
  resolve: {
    alias: [{ find: /^\.\/workerScript$/, replacement: path.resolve('src/state/workerScript.offline.ts') }],
  },
  // The workers' script is one classic script (a module worker from a blob does not start in a file:// page) with no
  // chunks to fetch, its WebAssembly binaries inlined as data: URLs.
  worker: { format: 'iife', plugins: () => [noThreadedWasm()], rolldownOptions: { output: { codeSplitting: false } } },
  build: { outDir: OUT, target: 'es2022', copyPublicDir: false, emptyOutDir: true },
});
