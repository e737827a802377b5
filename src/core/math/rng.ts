/**
 * Seeded pseudo-random numbers for everything random in the app (data, initialization, masks).
 *
 * Algorithm: xoshiro128** (Blackman & Vigna, 2018) on four 32-bit words, seeded through splitmix32.
 * Uniform doubles take 53 bits from two outputs; normals use the Box–Muller transform.
 * Independent streams for data, init and masks come from hashing a label into the seed, so that
 * changing one stream (say the number of masks drawn) never shifts another.
 */

/** splitmix32: spreads a 32-bit seed over the state words. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** FNV-1a hash of a label, mixed with the seed: the seed of a named stream. */
export function streamSeed(seed: number, label: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A generator's state: xoshiro128**'s four words and the normal it holds back. */
export interface RngState {
  words: [number, number, number, number];
  spare: number | null;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare: number | null = null;

  constructor(seed: number) {
    const st = { s: seed >>> 0 };
    this.a = splitmix32(st);
    this.b = splitmix32(st);
    this.c = splitmix32(st);
    this.d = splitmix32(st);
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /** The generator's whole state (its four words and a spare normal), to continue it elsewhere exactly. */
  state(): RngState {
    return { words: [this.a, this.b, this.c, this.d], spare: this.spare };
  }

  /** Continues from a state taken by `state()`: the same numbers follow, bit for bit. */
  restore(s: RngState): void {
    [this.a, this.b, this.c, this.d] = s.words;
    this.spare = s.spare;
  }

  /** A stream named `label` derived from `seed`. */
  static stream(seed: number, label: string): Rng {
    return new Rng(streamSeed(seed, label));
  }

  /** Next raw 32-bit output (xoshiro128**). */
  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /**
   * Sets out[i] to 1 where the i-th next raw output is below `threshold`, else 0: the same draws as `out.length` calls
   * of nextU32, with the state in locals (about half the time: masks draw one output per entry, every round).
   */
  fillBelow(out: Float32Array, threshold: number): void {
    let { a, b, c, d } = this;
    for (let i = 0; i < out.length; i++) {
      const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
      const t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = rotl(d, 11);
      out[i] = result < threshold ? 1 : 0;
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.nextU32() >>> 5; // 27 bits
    const lo = this.nextU32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform double in [lo, hi). */
  uniformIn(lo: number, hi: number): number {
    return lo + (hi - lo) * this.uniform();
  }

  /** Uniform integer in {0, …, k−1}. */
  int(k: number): number {
    return Math.floor(this.uniform() * k);
  }

  /** Standard normal draw (Box–Muller, both values used). */
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    let u = 0;
    while (u === 0) u = this.uniform();
    const v = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** +1 or −1 with equal probability. */
  sign(): number {
    return this.nextU32() & 1 ? 1 : -1;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
