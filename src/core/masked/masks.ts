/**
 * Mask sampling for one global round (THEORY.md B.1 step 1), from the seeded `masks` stream.
 * Output: p·m entries in {0, 1}, row l = subnetwork l. Bernoulli(ξ) i.i.d. over (l, r), or categorical:
 * each neuron joins exactly one subnetwork chosen uniformly (IST).
 */
import type { Rng } from '../math/rng';

export type MaskKind = 'bernoulli' | 'categorical';

export function sampleMasks(rng: Rng, kind: MaskKind, p: number, m: number, xi: number): Float32Array {
  const out = new Float32Array(p * m);
  if (kind === 'categorical') {
    for (let r = 0; r < m; r++) out[rng.int(p) * m + r] = 1;
    return out;
  }
  // One 32-bit draw per entry: P(u < ξ·2^32) = ξ; ξ = 1 selects every neuron.
  rng.fillBelow(out, xi * 4294967296);
  return out;
}

/** N_r = Σ_l m_r^l, the number of subnetworks holding neuron r. */
export function neuronCounts(masks: ArrayLike<number>, p: number, m: number): Float64Array {
  const N = new Float64Array(m);
  for (let l = 0; l < p; l++) for (let r = 0; r < m; r++) N[r] += masks[l * m + r];
  return N;
}
