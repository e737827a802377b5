/** Serving the built app for the browser benchmarks: `vite preview` on a port, and waiting until it answers. */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

/** The preview server itself as the child (not npx in front of it), so that `kill()` stops the server. */
export function serve(args: string[], port: number): ChildProcess {
  const vite = path.resolve('node_modules/.bin/vite');
  return spawn(vite, ['preview', '--port', String(port), '--strictPort', ...args], { stdio: 'ignore' });
}

export async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server at ${url} did not start`);
}

/** Headless Debian Chromium with WebGPU enabled (a software adapter where there is no GPU). */
export const CHROMIUM = {
  executablePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--enable-unsafe-webgpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
