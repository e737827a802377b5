// Builds the benchmark page (bench/page) to bench/out; used only by bench/browser.ts.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'bench/page',
  worker: { format: 'es' },
  build: { outDir: '../out', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000 },
});
