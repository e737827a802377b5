/**
 * Memory a run needs on the device, estimated from its shapes before anything is allocated, and the largest
 * width that fits a device's limits. Counts float32 tensors of one round: weights and their p local copies,
 * the [n, L] activations / masks / residual products of a local step, and the NTKs.
 */
import type { Config } from './config';

export interface DeviceLimits {
  /** All tensors of a round together. */
  totalBytes: number;
  /** One tensor (WebGPU: maxStorageBufferBindingSize). */
  tensorBytes: number;
}

export interface MemoryEstimate {
  totalBytes: number;
  largestBytes: number;
}

type Shape = Pick<Config, 'm' | 'n' | 'd' | 'p' | 'mask'>;

export function memoryEstimate(c: Shape): MemoryEstimate {
  const L = c.mask === 'categorical' ? c.m : c.p * c.m; // width of the local weights
  const floats = 3 * c.d * c.m + c.n * c.m + 3 * c.d * L + 5 * c.n * L + (c.p + 1) * c.n * c.n + c.p * c.n * c.m;
  const largest = Math.max(c.n * L, c.p * c.n * c.m, c.d * L, (c.p + 1) * c.n * c.n);
  return { totalBytes: 4 * floats, largestBytes: 4 * largest };
}

export function fits(c: Shape, limits: DeviceLimits): boolean {
  const e = memoryEstimate(c);
  return e.totalBytes <= limits.totalBytes && e.largestBytes <= limits.tensorBytes;
}

/** The largest width m (≥ 4, ≤ maxM) that fits, or 0 if none does. */
export function largestWidth(c: Shape, limits: DeviceLimits, maxM: number): number {
  if (!fits({ ...c, m: 4 }, limits)) return 0;
  let lo = 4;
  let hi = maxM;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits({ ...c, m: mid }, limits)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const MB = 1024 * 1024;

/** The refusal message for a configuration that does not fit, or null. */
export function tooLarge(c: Shape, limits: DeviceLimits, maxM: number): string | null {
  if (fits(c, limits)) return null;
  const e = memoryEstimate(c);
  const best = largestWidth(c, limits, maxM);
  const need = `needs about ${Math.ceil(e.totalBytes / MB)} MB (largest tensor ${Math.ceil(e.largestBytes / MB)} MB)`;
  const have = `this device allows ${Math.floor(limits.totalBytes / MB)} MB in all and ${Math.floor(limits.tensorBytes / MB)} MB per tensor`;
  const fix =
    best > 0
      ? `The largest width that fits with n = ${c.n}, d = ${c.d}, p = ${c.p} is m = ${best}.`
      : 'Lower n, d or p.';
  return `This configuration ${need}; ${have}. ${fix}`;
}

/** The refusal for runs compared in lockstep (each gets an equal share of the device's memory), or null. */
export function tooLargeTogether(runs: Shape[], limits: DeviceLimits, maxM: number): string | null {
  if (runs.length === 1) return tooLarge(runs[0], limits, maxM);
  const share = { ...limits, totalBytes: limits.totalBytes / runs.length };
  for (const [i, c] of runs.entries()) {
    const refusal = tooLarge(c, share, maxM);
    if (refusal)
      return `${runs.length} runs are compared, so each may use 1/${runs.length} of the device's memory. ${i === 0 ? 'The main run' : `Compared run ${i + 1}`}: ${refusal}`;
  }
  return null;
}
