/**
 * tfjs backends on Node: cpu, wasm with its binaries read from node_modules, and webgpu through Dawn (the `webgpu`
 * package gives Node a navigator.gpu; the same tfjs WebGPU backend as the browser's runs on it). Silences the console
 * banner that suggests tfjs-node (which cannot be installed without downloading a native binary).
 */
import '@tensorflow/tfjs-backend-cpu';

import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';

import { UsageError } from './args';

export const NODE_BACKENDS = ['cpu', 'wasm', 'webgpu'] as const;
export type NodeBackend = (typeof NODE_BACKENDS)[number];

/** Why WebGPU is not usable here, in one line, with what to do. */
const NO_ADAPTER =
  'no usable WebGPU adapter: WebGPU on Node needs a Vulkan loader (Debian: libvulkan1) and a Vulkan driver — your GPU\u2019s, or without a GPU SwiftShader\u2019s: VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json';

/** Gives Node a navigator.gpu from Dawn; returns the adapter's description, or throws a UsageError when there is none. */
async function nodeWebGpu(): Promise<string> {
  // The Vulkan loader complains on every start where this is unset (as in containers and CI).
  process.env.XDG_RUNTIME_DIR ??= os.tmpdir();
  const { create, globals } = await import('webgpu');
  Object.assign(globalThis, globals);
  const gpu = create([]);
  if (typeof navigator === 'undefined')
    Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true });
  else Object.defineProperty(navigator, 'gpu', { value: gpu, configurable: true });
  const adapter = await gpu.requestAdapter().catch(() => null);
  if (!adapter) throw new UsageError(NO_ADAPTER);
  await import('@tensorflow/tfjs-backend-webgpu');
  const info = adapter.info;
  return (
    [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') +
    (info.isFallbackAdapter ? ' (software)' : '')
  );
}

/** Starts a backend; returns what it runs on, in words. */
export async function selectNodeBackend(name: NodeBackend): Promise<string> {
  tf.env().set('PROD', true);
  let on = name === 'cpu' ? 'JavaScript' : 'WebAssembly';
  if (name === 'wasm') {
    const req = createRequire(import.meta.url);
    const dir = path.dirname(req.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
    setWasmPaths(dir + path.sep);
  }
  if (name === 'webgpu') on = await nodeWebGpu();
  if (!(await tf.setBackend(name)))
    throw new UsageError(name === 'webgpu' ? NO_ADAPTER : `the ${name} backend failed to start`);
  await tf.ready();
  return on;
}
