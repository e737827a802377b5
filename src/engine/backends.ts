/**
 * Backend choice in the browser: WebGPU when a real (not software-fallback) adapter exists, then WebGL, WASM,
 * CPU; a requested backend is tried first. Each candidate must start and pass a small matmul check.
 * Device limits come from the adapter where there is one.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { DeviceLimits } from '../core/limits';
import { BACKENDS, type BackendInfo, type BackendName } from './protocol';

setWasmPaths({ 'tfjs-backend-wasm.wasm': wasmPlain, 'tfjs-backend-wasm-simd.wasm': wasmSimd, 'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded });

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

async function probeWebGpu(): Promise<AdapterProbe> {
  const gpu = (self.navigator as Navigator & { gpu?: GPU }).gpu;
  if (!gpu) return { adapter: null, description: 'no navigator.gpu', fallback: false };
  const adapter = await gpu.requestAdapter().catch(() => null);
  if (!adapter) return { adapter: null, description: 'no WebGPU adapter', fallback: false };
  const info = (adapter as GPUAdapter & { info?: GPUAdapterInfo & { isFallbackAdapter?: boolean } }).info;
  const fallback = Boolean((adapter as GPUAdapter & { isFallbackAdapter?: boolean }).isFallbackAdapter || info?.isFallbackAdapter);
  const description = [info?.vendor, info?.architecture, info?.description].filter(Boolean).join(' ') || 'WebGPU adapter';
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

export async function chooseBackend(requested: BackendName | null, exclude: readonly BackendName[] = []): Promise<BackendInfo> {
  const order = (requested ? [requested, ...BACKENDS.filter((b) => b !== requested)] : [...BACKENDS]).filter((b) => !exclude.includes(b));
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
        skipped.push(`WebGPU: software adapter (${probe.description}), slower than WASM`);
        continue;
      }
      adapter = probe.description + (probe.fallback ? ' (software)' : '');
      limits = { totalBytes: Math.min(limits.totalBytes, 4 * probe.adapter.limits.maxBufferSize), tensorBytes: probe.adapter.limits.maxStorageBufferBindingSize };
    }
    try {
      await start(name);
    } catch (e) {
      skipped.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    if (name === 'webgl') adapter = webglRenderer();
    const why = requested && requested !== name ? `${requested} was requested but failed. ` : '';
    return { name, adapter, note: why + (skipped.length ? `Skipped: ${skipped.join('; ')}.` : 'First choice.'), limits };
  }
  throw new Error(`No backend could start: ${skipped.join('; ')}`);
}

function webglRenderer(): string {
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    return (gl && gl.getParameter(gl.RENDERER)) || 'WebGL2';
  } catch {
    return 'WebGL2';
  }
}
