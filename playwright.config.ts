// End-to-end tests: the built app served by `vite preview`, driven in Debian's Chromium (Playwright cannot
// download its own browser here). WebGPU comes from SwiftShader with --enable-unsafe-webgpu; the `no-webgpu`
// project leaves that flag out to test the fallback.
import { defineConfig } from '@playwright/test';

const executablePath = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? '/usr/bin/chromium';
const args = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'e2e',
  timeout: 180_000,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: 'http://localhost:4173',
    launchOptions: { executablePath, args: [...args, '--enable-unsafe-webgpu'] },
  },
  projects: [
    { name: 'chromium', testIgnore: /no-webgpu/ },
    { name: 'no-webgpu', testMatch: /no-webgpu/, use: { launchOptions: { executablePath, args } } },
  ],
  webServer: {
    // The hosted build (served), and the one-file offline build (opened from file:// by e2e/offline.spec.ts).
    command:
      'npx vite build && npx vite build --config vite.offline.config.ts && npx vite preview --port 4173 --strictPort',
    url: 'http://localhost:4173',
    timeout: 180_000,
    reuseExistingServer: !process.env.CI,
  },
});
