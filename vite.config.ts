// Vite: React app, module workers, relative asset paths, and no cross-origin isolation (the single-threaded WASM
// build is used).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset paths: the built app works from any sub-path of any static host (a course page's folder).
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
});
