/**
 * λ_min of a round's NTKs (THEORY.md D.2–D.3) — the network's H and each subnetwork's H^l — from the NTK's factors C
 * (H = (XXᵀ) ⊙ CCᵀ, + sA·sAᵀ): each kernel formed on the device from its neurons' columns of C (no second forward
 * pass; where no neuron is in two subnetworks, the network's kernel is the sum of theirs and the rest's, so forming
 * costs one n²m in all), read back once, and solved by warm-started Lanczos whose products vᵀK run on the device
 * (about 1 ms at n = 2048) and whose value and residual bound are computed in float64 from the kernel read back. Or,
 * asked to, from products H·v that never form a kernel (the bound then allows for float32 products).
 * Kernels are formed one at a time, so the device holds at most two n × n at once.
 */
import * as tf from '@tensorflow/tfjs-core';

import { EXACT_EIGEN_MAX_N, lambdaMinOf } from '../core/math/eigen';
import { squareTimes } from '../core/math/matrix';
import { Rng } from '../core/math/rng';
import { type LanczosProfile, warmLanczosMin } from '../core/math/warmLanczos';
import { kernelTimes, neuronFactors, type NtkFactors, ntkKernel, ntkTimes } from './measure';

/** λ_min to within 1% (the residual bound), or until θ stands still: 0.05% a product, three times running. */
export const NTK_TOL = 1e-3;
/** Most Lanczos products per kernel. */
export const NTK_MAX_STEPS = 300;
/**
 * What float32 arithmetic on the device can move λ_min by, as a share of λ_max, added to the bound: a product H·v is off
 * by up to 9e-7 of ‖H‖ at n = 2048, a formed kernel's entries by up to 2e-6 of theirs at m = 1024 (both measured).
 */
const FLOAT32_PRODUCT = 1e-6;
const FLOAT32_KERNEL = 2e-6;

/** What a round leaves for its NTK measurement. */
export interface NtkRound {
  factors: NtkFactors;
  /** The neurons of each subnetwork (mask row l), and of none where no neuron is in two (else null). */
  groups: Int32Array[];
  rest: Int32Array | null;
  xi: number;
}

/** Where a measurement's time went (ms), summed over measurements. */
export interface NtkProfile extends LanczosProfile {
  /** Forming the network's kernel, and the subnetworks'. */
  network: number;
  subnetworks: number;
  readBack: number;
}

export interface NtkMeasured {
  min: number;
  bound: number;
  /** The network's Ritz vector, to start the next measurement from (null where the kernel was decomposed in full). */
  vector: Float64Array | null;
  /** The network's kernel as read back (formed kernels only), for the drift. */
  kernel: Float32Array | null;
  subMin: number;
  subMax: number;
  /** The widest of the subnetworks' bounds. */
  subBound: number;
}

interface Estimate {
  value: number;
  bound: number;
  vector: Float64Array | null;
}

/** Each mask row's neurons, and the neurons of none where no neuron is in two rows (else null). */
export function neuronGroups(masks: ArrayLike<number>, p: number, m: number): Pick<NtkRound, 'groups' | 'rest'> {
  const held = new Uint8Array(m);
  const groups = Array.from({ length: p }, (_, l) => {
    const K: number[] = [];
    for (let r = 0; r < m; r++)
      if (masks[l * m + r] !== 0) {
        K.push(r);
        held[r] += 1;
      }
    return Int32Array.from(K);
  });
  if (held.some((c) => c > 1)) return { groups, rest: null };
  const rest: number[] = [];
  for (let r = 0; r < m; r++) if (!held[r]) rest.push(r);
  return { groups, rest: Int32Array.from(rest) };
}

export interface SolveOptions {
  X: tf.Tensor2D;
  XT: tf.Tensor2D;
  XXt: tf.Tensor2D;
  /** Form the kernels (else products H·v). */
  formed: boolean;
  /** The last measurement's network vector, or null. */
  warm: Float64Array | null;
  profile?: NtkProfile;
}

/** λ_min of H and of every H^l of the round; disposes nothing it was given. */
export async function solveNtks(round: NtkRound, o: SolveOptions): Promise<NtkMeasured> {
  const [n, m] = round.factors.C.shape;
  const clock = o.profile;
  const timed = <T>(key: 'network' | 'subnetworks', f: () => T): T => {
    const t = performance.now();
    const out = f();
    if (clock) clock[key] += performance.now() - t;
    return out;
  };
  const lanczos = (apply: (v: Float64Array) => Promise<Float64Array>, exact?: (v: Float64Array) => Float64Array) =>
    warmLanczosMin(apply, n, {
      start: o.warm,
      rng: new Rng(1),
      tol: NTK_TOL,
      maxSteps: NTK_MAX_STEPS,
      productError: exact ? FLOAT32_KERNEL : FLOAT32_PRODUCT,
      exact,
      profile: clock,
    });
  /** A formed kernel's λ_min, with the kernel as read back (the network's gives the drift). */
  const solveKernel = async (K: tf.Tensor2D): Promise<Estimate & { kernel: Float32Array }> => {
    const t = performance.now();
    const kernel = (await K.data()) as Float32Array;
    if (clock) clock.readBack += performance.now() - t;
    if (n <= EXACT_EIGEN_MAX_N) return { value: lambdaMinOf(n, kernel), bound: 0, vector: null, kernel };
    const est = await lanczos(
      async (v) => {
        const row = tf.tidy(() => kernelTimes(K, tf.tensor2d(Float32Array.from(v), [1, n])));
        const out = (await row.data()) as Float32Array;
        row.dispose();
        return Float64Array.from(out);
      },
      (v) => squareTimes(n, kernel, v),
    );
    return { ...est, kernel };
  };
  const solveProducts = async (f: NtkFactors): Promise<Estimate> =>
    lanczos(async (v) => {
      const col = tf.tidy(() => ntkTimes(o.X, o.XT, f, tf.tensor2d(Float32Array.from(v), [n, 1])));
      const out = (await col.data()) as Float32Array;
      col.dispose();
      return Float64Array.from(out);
    });
  const restricted = (K: Int32Array) => tf.tidy(() => neuronFactors(round.factors, tf.tensor1d(K, 'int32'), 1));
  const disposeFactors = (f: NtkFactors) => tf.dispose([f.C, ...(f.sA ? [f.sA] : [])]);

  const full = round.groups.map((K) => K.length === m);
  const partition = o.formed && round.rest !== null && !full.some(Boolean);
  const subs: (Estimate | null)[] = [];
  let sum: tf.Tensor2D | null = null;
  for (const K of round.groups) {
    if (K.length === m) {
      subs.push(null); // the network's kernel, over ξ²
      continue;
    }
    if (K.length === 0) {
      subs.push({ value: 0, bound: 0, vector: null }); // H^l = 0
      continue;
    }
    const f = restricted(K);
    if (o.formed) {
      const raw = timed('subnetworks', () => tf.tidy(() => ntkKernel(o.XXt, f)));
      subs.push(await solveKernel(raw));
      if (partition) {
        const before: tf.Tensor2D | null = sum;
        sum = before ? timed('network', () => tf.add(before, raw) as tf.Tensor2D) : raw;
        if (before) tf.dispose([before, raw]);
      } else raw.dispose();
    } else subs.push(await solveProducts(f));
    disposeFactors(f);
  }
  let net: Estimate & { kernel: Float32Array | null };
  if (o.formed) {
    let H: tf.Tensor2D;
    if (partition && sum) {
      const rest = round.rest as Int32Array;
      const partial: tf.Tensor2D = sum;
      H = rest.length
        ? timed('network', () => {
            const f = restricted(rest);
            const out = tf.tidy(() => tf.add(partial, ntkKernel(o.XXt, f)) as tf.Tensor2D);
            disposeFactors(f);
            partial.dispose();
            return out;
          })
        : partial;
    } else H = timed('network', () => tf.tidy(() => ntkKernel(o.XXt, round.factors)));
    net = await solveKernel(H);
    H.dispose();
  } else net = { ...(await solveProducts(round.factors)), kernel: null };
  const xi2 = round.xi * round.xi;
  const scaled = subs.map((e) => e ?? net).map((e) => ({ value: e.value / xi2, bound: e.bound / xi2 }));
  const none = !scaled.length;
  return {
    min: net.value,
    bound: net.bound,
    vector: net.vector,
    kernel: net.kernel,
    subMin: none ? NaN : Math.min(...scaled.map((e) => e.value)),
    subMax: none ? NaN : Math.max(...scaled.map((e) => e.value)),
    subBound: none ? NaN : Math.max(...scaled.map((e) => e.bound)),
  };
}
