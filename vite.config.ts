// Vite: React app, module workers, relative asset paths, the Content-Security-Policy on the dev and preview servers,
// no cross-origin isolation (the single-threaded WASM build is used), and a service worker (Workbox, through
// vite-plugin-pwa) that precaches every file of the build — scripts, workers, WebAssembly, fonts — so that a page
// loaded once reloads and works with the network off; every file is also written Brotli- and gzip-compressed, and the
// preview server sends those copies to a browser that accepts them.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

import { CSP, DEV_CSP } from './csp';
import { katexWoff2Only, precompress, servePrecompressed } from './vite.shared';

export default defineConfig({
  // Relative asset paths: the built app works from any sub-path of any static host (a course page's folder).
  base: './',
  plugins: [
    react(),
    katexWoff2Only(),
    servePrecompressed('dist'),
    VitePWA({
      // The page registers the worker itself, guarded, once the first round has trained (platform/offline.ts).
      injectRegister: false,
      registerType: 'autoUpdate',
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{html,js,css,wasm,woff2,svg}'],
        // The threaded WebAssembly build needs cross-origin isolation, which the page does not ask for.
        globIgnores: ['**/*threaded*'],
        // The engine's chunk and the WebAssembly binaries are larger than Workbox's 2 MB default.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // Any link of the app (its query is the configuration) opens the cached page.
        navigateFallback: 'index.html',
        // A new build takes over at once and drops the old build's files: the next load is the new version.
        skipWaiting: true,
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
    }),
    // Last, once the service worker is written too.
    precompress('dist'),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  server: { headers: { 'Content-Security-Policy': DEV_CSP } },
  preview: { headers: { 'Content-Security-Policy': CSP } },
});
