// Vite: React app, module workers, relative asset paths, the Content-Security-Policy on the dev and preview servers,
// and no cross-origin isolation (the single-threaded WASM build is used).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

import { CSP, DEV_CSP } from './csp';

export default defineConfig({
  // Relative asset paths: the built app works from any sub-path of any static host (a course page's folder).
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  server: { headers: { 'Content-Security-Policy': DEV_CSP } },
  preview: { headers: { 'Content-Security-Policy': CSP } },
});
