/**
 * Data split across the workers (THEORY.md J.2): the n samples in a fixed partition S_1…S_p of sizes ⌊n/p⌋ or ⌈n/p⌉,
 * drawn once from the seed (its own stream: a seeded permutation, dealt out in turn), and the weight n/|S_l| with which
 * worker l counts each of its own samples — so that its loss estimates the whole data's.
 */
import { Rng } from '../math/rng';

/** The worker that holds each sample (n entries in 0…p−1). */
export function splitOwners(seed: number, n: number, p: number): Int32Array {
  const rng = Rng.stream(seed, 'split');
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const owner = new Int32Array(n);
  order.forEach((i, k) => (owner[i] = k % p));
  return owner;
}

/** [n, p] row-major: n/|S_l| where worker l holds sample i, else 0 (a worker with no sample has a zero column). */
export function shareWeights(owner: Int32Array, p: number): Float64Array {
  const n = owner.length;
  const sizes = new Float64Array(p);
  for (const l of owner) sizes[l] += 1;
  const w = new Float64Array(n * p);
  owner.forEach((l, i) => (w[i * p + l] = n / sizes[l]));
  return w;
}

/** Whether a run's workers see different data: split on, with more than one worker. */
export const splitsData = (c: { split: number; p: number }) => c.split === 1 && c.p > 1;
