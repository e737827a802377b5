/**
 * The paper's own guarantee (THEORY.md C.2): Liao & Kyrillidis, arXiv v1 (L4DC 2022), Theorem 3 for Bernoulli masks —
 * E‖y − u_k‖² ≤ (1 − ¼η_v1θτλ_0,v1)^k‖y − u_0‖² + B_1 — and Theorem 7 for categorical masks (IST), converted to the
 * app's convention: η_v1 = η/ξ², κ_v1 = κ/ξ, λ_0,v1 = ξλ_0 (so the rate factor is 1 − ηθτλ_0/(4ξ)). Its width and
 * step conditions are orders with unknown constants: given with C = 1, never as thresholds met or missed.
 */
import { type SchemeParams, theta } from './theory';

export interface GuaranteeTerm {
  name: string;
  value: number;
  /** What makes this term smaller, in words. */
  lowers: string;
}

export interface Guarantee {
  theorem: 'Theorem 3' | 'Theorem 7';
  /** The corollary (or theorem) that matches the scheme. */
  corollary: string;
  /** Per-round factor of the bound's first term. */
  rate: number;
  /** The error term: B_1 (Theorem 3), or Theorem 7's O(τ(p−1)²n³d/(λ_0,v1²m)) with C = 1. */
  B1: number;
  terms: GuaranteeTerm[];
  /** The width condition, an order with C = 1. */
  mOrder: number;
  /** The step-size condition (app convention), an order with C = 1. */
  etaOrder: number;
}

export interface GuaranteeInputs {
  n: number;
  d: number;
  m: number;
  lambda0: number;
  /** Horizon K and failure probability δ of the width condition. */
  rounds: number;
  delta: number;
}

function corollaryOf(s: SchemeParams): string {
  if (s.categorical) return 'Theorem 7 (categorical masks: IST)';
  if (s.xi === 1) return 'Theorem 3 with ξ = 1: full-batch GD, B_1 = 0';
  if (s.tau > 1) return 'Corollary 6 (Bernoulli masks, several local steps: "multi-worker IST")';
  return s.p === 1 ? 'Corollary 4 (dropout)' : 'Corollary 5 (multi-sample dropout)';
}

export function guarantee(s: SchemeParams, g: GuaranteeInputs): Guarantee {
  const { n, d, m, lambda0, rounds: K, delta } = g;
  const { xi, p, tau } = s;
  if (s.categorical) {
    // Theorem 7: η_v1λ_0,v1 = ηpλ_0; λ_0,v1 = λ_0/p.
    const l1 = lambda0 / p;
    const term = (tau * (p - 1) ** 2 * n ** 3 * d) / (l1 * l1 * m);
    return {
      theorem: 'Theorem 7',
      corollary: corollaryOf(s),
      rate: 0.5 + 0.5 * (1 - (s.eta * p * lambda0) / 2) ** tau,
      B1: term,
      terms: [{ name: 'τ(p−1)²n³d/(λ_0,v1²m)', value: term, lowers: 'width (∝ 1/m)' }],
      mOrder: (tau * tau * n * n * K * Math.max(n * n, d)) / (l1 ** 4 * delta),
      etaOrder: xi * xi * (l1 / (n * n)),
    };
  }
  const th = theta(xi, p, false);
  const eta1 = s.eta / (xi * xi);
  const k1 = (s.kappa / xi) ** 2;
  const l1 = xi * lambda0;
  const C1 = (4 * th * th * (1 - xi) * n * k1) / p;
  const t = (tau - 1) ** 2;
  const terms: GuaranteeTerm[] = [
    { name: '64(1−ξ)²n³d/(mλ_0²)', value: (64 * (1 - xi) ** 2 * n ** 3 * d) / (m * l1 * l1), lowers: 'width (∝ 1/m)' },
    {
      name: '68ητ(θ−ξ²)n³κ²/(pλ_0)',
      value: (68 * eta1 * tau * (th - xi * xi) * n ** 3 * k1) / (p * l1),
      lowers: 'a smaller step η (∝ η)',
    },
    {
      name: '(θ−ξ²)nκ²/(6τ²p)',
      value: ((th - xi * xi) * n * k1) / (6 * tau * tau * p),
      lowers: 'more subnetworks p or a smaller κ (∝ κ²/p); ξ → 1 removes it',
    },
    { name: '(τ−1)²pC_1/(24τ²)', value: (t * p * C1) / (24 * tau * tau), lowers: 'τ = 1 removes it (∝ (τ−1)²)' },
    {
      name: '8η²(τ−1)²n⁴pC_1/λ_0²',
      value: (8 * eta1 * eta1 * t * n ** 4 * p * C1) / (l1 * l1),
      lowers: 'τ = 1 or a smaller η (∝ η²(τ−1)²)',
    },
    { name: '4η(τ−1)pnC_1', value: 4 * eta1 * (tau - 1) * p * n * C1, lowers: 'τ = 1 or a smaller η (∝ η(τ−1))' },
  ];
  const B1 = terms.reduce((a, x) => a + x.value, 0);
  const mOrder =
    (K / delta) * Math.max(n ** 4 / (k1 * xi * th * l1 ** 4), (n * K * K * B1) / (k1 * th * l1 * l1), K * K * p);
  return {
    theorem: 'Theorem 3',
    corollary: corollaryOf(s),
    rate: 1 - (s.eta * th * tau * lambda0) / (4 * xi),
    B1,
    terms,
    mOrder,
    etaOrder: xi * xi * (l1 / (Math.max(n, p) * n * tau)),
  };
}

/** The largest term of B_1. */
export function dominantTerm(gu: Guarantee): GuaranteeTerm {
  return gu.terms.reduce((a, b) => (b.value > a.value ? b : a));
}

/**
 * What would bring B_1 below the initial error e0, in words: a width where the 1/m term dominates (when the other
 * terms alone are below e0), otherwise the setting that lowers the dominant term. Null when it already is below.
 */
export function whatWouldHelp(gu: Guarantee, m: number, e0: number): string | null {
  if (gu.B1 < e0) return null;
  const top = dominantTerm(gu);
  if (top.lowers.startsWith('width')) {
    const rest = gu.B1 - top.value;
    if (rest < e0)
      return `a width of about m = ${Math.ceil((top.value * m) / (e0 - rest)).toExponential(1)} (the 1/m term dominates)`;
    return `no width alone: the terms that do not fall with m already add up to ${rest.toExponential(1)}`;
  }
  return top.lowers;
}

/** The initial error the bound's first term multiplies: ‖y − u_0‖² (Theorem 3), or C²n with C = max|y_i| + 1 (Theorem 7). */
export function startError(g: Guarantee, n: number, yMax: number, err0: number): number {
  return g.theorem === 'Theorem 7' ? (yMax + 1) ** 2 * n : err0;
}
