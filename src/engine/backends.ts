/**
 * Backends in the browser: which ones start here (each must pass a small matmul check), which of the GPU ones are
 * software (a fallback WebGPU adapter, a SwiftShader or llvmpipe WebGL renderer: not GPUs, so never chosen
 * automatically), a requested backend tried first, and the automatic choice by measurement — a few timed rounds of
 * the actual configuration on each candidate, the fastest taken. Device limits come from the adapter where there is one.
 */
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';

import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import * as tf from '@tensorflow/tfjs-core';

import type { DeviceLimits } from '../core/masked/limits';
import { type BackendInfo, type BackendName, BACKENDS } from './protocol';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

const MB = 1024 * 1024;
const DEFAULT_LIMITS: Record<BackendName, DeviceLimits> = {
  webgpu: { totalBytes: 1024 * MB, tensorBytes: 128 * MB },
  webgl: { totalBytes: 1024 * MB, tensorBytes: 256 * MB },
  wasm: { totalBytes: 1024 * MB, tensorBytes: 512 * MB },
  cpu: { totalBytes: 1024 * MB, tensorBytes: 512 * MB },
};

interface AdapterProbe {
  adapter: GPUAdapter | null;
  description: string;
  fallback: boolean;
}

let probed: Promise<AdapterProbe> | null = null;

/** The WebGPU adapter, asked for once per worker. */
function probeWebGpu(): Promise<AdapterProbe> {
  probed ??= requestWebGpu();
  return probed;
}

async function requestWebGpu(): Promise<AdapterProbe> {
  const gpu = (self.navigator as Navigator & { gpu?: GPU }).gpu;
  if (!gpu) return { adapter: null, description: 'no navigator.gpu', fallback: false };
  const adapter = await gpu.requestAdapter().catch(() => null);
  if (!adapter) return { adapter: null, description: 'no WebGPU adapter', fallback: false };
  const info = (adapter as GPUAdapter & { info?: GPUAdapterInfo & { isFallbackAdapter?: boolean } }).info;
  const fallback = Boolean(
    (adapter as GPUAdapter & { isFallbackAdapter?: boolean }).isFallbackAdapter || info?.isFallbackAdapter,
  );
  const description =
    [info?.vendor, info?.architecture, info?.description].filter(Boolean).join(' ') || 'WebGPU adapter';
  return { adapter, description, fallback };
}

/** Starts one backend and checks a 2×2 matmul; throws with the reason on failure. */
async function start(name: BackendName): Promise<void> {
  if (!(await tf.setBackend(name))) throw new Error(`${name} did not start`);
  await tf.ready();
  const r = tf.matMul(tf.tensor2d([1, 2, 3, 4], [2, 2]), tf.tensor2d([1, 0, 0, 1], [2, 2]));
  const v = await r.data();
  tf.dispose(r);
  if (v[3] !== 4) throw new Error(`${name} computed a wrong result`);
}

/** A WebGL renderer that is a CPU rasterizer. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

export async function chooseBackend(
  requested: BackendName | null,
  exclude: readonly BackendName[] = [],
): Promise<BackendInfo> {
  const order = (requested ? [requested, ...BACKENDS.filter((b) => b !== requested)] : [...BACKENDS]).filter(
    (b) => !exclude.includes(b),
  );
  const skipped: string[] = [];
  for (const name of order) {
    let adapter = name === 'wasm' ? 'WebAssembly (SIMD where available)' : name === 'cpu' ? 'JavaScript' : '';
    let limits = DEFAULT_LIMITS[name];
    if (name === 'webgpu') {
      const probe = await probeWebGpu();
      if (!probe.adapter) {
        skipped.push(`WebGPU: ${probe.description}`);
        continue;
      }
      if (probe.fallback && requested !== 'webgpu') {
        skipped.push(`WebGPU: software adapter (${probe.description}), not a GPU`);
        continue;
      }
      adapter = probe.description + (probe.fallback ? ' (software)' : '');
      limits = {
        totalBytes: Math.min(limits.totalBytes, 4 * probe.adapter.limits.maxBufferSize),
        tensorBytes: probe.adapter.limits.maxStorageBufferBindingSize,
      };
    }
    if (name === 'webgl') {
      adapter = webglRenderer();
      if (SOFTWARE_RENDERER.test(adapter) && requested !== 'webgl') {
        skipped.push(`WebGL: software renderer (${adapter}), not a GPU`);
        continue;
      }
    }
    try {
      await start(name);
    } catch (e) {
      skipped.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    const why = requested && requested !== name ? `${requested} was requested but failed. ` : '';
    return {
      name,
      adapter,
      note: why + (skipped.length ? `Skipped: ${skipped.join('; ')}.` : 'First choice.'),
      limits,
    };
  }
  throw new Error(`No backend could start: ${skipped.join('; ')}`);
}

/** The WebGL renderer's name, unmasked where the browser allows (the masked one hides a software rasterizer). */
function webglRenderer(): string {
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    if (!gl) return 'WebGL2';
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    return String((ext && gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)) || gl.getParameter(gl.RENDERER) || 'WebGL2');
  } catch {
    return 'WebGL2';
  }
}

/** The backends, in preference order, that start here and are not software GPUs (for the automatic choice). */
export async function automaticCandidates(): Promise<{ names: BackendName[]; skipped: string[] }> {
  const names: BackendName[] = [];
  const skipped: string[] = [];
  for (const name of BACKENDS) {
    try {
      const info = await chooseBackend(
        null,
        BACKENDS.filter((b) => b !== name),
      );
      names.push(info.name);
    } catch (e) {
      skipped.push(e instanceof Error ? e.message.replace(/^No backend could start: /, '') : String(e));
    }
  }
  return { names, skipped };
}

export interface Measurement {
  name: BackendName;
  /** Rounds per second of the configuration (0 when it failed). */
  rate: number;
}

/** Longest warm-up (shader compilation) a candidate may take before it counts as slower than the others. */
const WARMUP_LIMIT_MS = 3000;
/** How long each candidate is timed after its warm-up. */
const TIMED_MS = 100;

/**
 * Times `round` (one training round of the actual configuration, read back) on each candidate after one untimed
 * warm-up round, and returns the rates, fastest first; `make` builds the configuration on the current backend.
 */
export async function measureBackends(
  names: readonly BackendName[],
  make: () => { round: () => Promise<void>; dispose: () => void },
): Promise<Measurement[]> {
  const out: Measurement[] = [];
  for (const name of names) {
    let run: ReturnType<typeof make> | null = null;
    try {
      await start(name);
      run = make();
      const w0 = performance.now();
      await run.round();
      if (performance.now() - w0 > WARMUP_LIMIT_MS) {
        out.push({ name, rate: 1000 / (performance.now() - w0) });
        continue;
      }
      let rounds = 0;
      const t0 = performance.now();
      while (performance.now() - t0 < TIMED_MS || rounds < 2) {
        await run.round();
        rounds++;
      }
      out.push({ name, rate: (1000 * rounds) / (performance.now() - t0) });
    } catch {
      out.push({ name, rate: 0 });
    } finally {
      run?.dispose();
    }
  }
  return out.sort((a, b) => b.rate - a.rate);
}
