// Builds the benchmark page (bench/page) to bench/out; used only by bench/browser.ts and bench/threads.ts. Unminified:
// tfjs's threaded WebAssembly build does not survive minification (its pthread workers fail with "e is not defined").
// ISOLATE=1 serves it cross-origin isolated (COOP and COEP), which the threaded build needs.
import { defineConfig } from 'vite';

const isolated = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

export default defineConfig({
  root: 'bench/page',
  worker: { format: 'es' },
  build: { outDir: '../out', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000, minify: false },
  preview: { headers: process.env.ISOLATE === '1' ? isolated : {} },
});
