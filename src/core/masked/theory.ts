/**
 * Theory: every predicted number the app shows, from THEORY.md B–C. All of it is the derived lazy-limit
 * (NTK-linearized) analysis [D], not a quotation of the paper's theorem, whose constants are unavailable (C.2).
 */
import { eigenvector, symEigen } from '../math/eigen';
import { hInf, kSigma } from '../math/kernels';
import { lanczosExtremes } from '../math/lanczos';
import { dot, type Mat, quadForm } from '../math/matrix';
import { Rng } from '../math/rng';

/** What the step size and the stability limit need, without the full spectrum: λ_max of H^∞, and of the setting's NTK. */
export interface Scales {
  n: number;
  /** λ_max(H^∞). */
  lambdaMax: number;
  /**
   * λ_max of the NTK at initialization of the run's setting, which the auto step and the stability limit use: λ_max
   * of H^∞ for the lazy setting; of the setting's own kernel otherwise (settingKernel.ts).
   */
  stepLambdaMax: number;
}

/** Spectral data of the inputs: eigenvalues of H^∞ and the projections of K1 on its eigenvectors (κ = 1). */
export interface Spectrum extends Scales {
  /** λ_0 = λ_min(H^∞). */
  lambda0: number;
  /** Ascending eigenvalues λ_i of H^∞ (THEORY.md D.1). */
  lambdas: Float64Array;
  /** v_iᵀ K1 v_i: K̃_ii / κ² (THEORY.md C.3). */
  k1Proj: Float64Array;
  /** tr(H^∞ K1) = Σ λ_i v_iᵀ K1 v_i, for the small-η form. */
  trHK1: number;
}

/** A spectrum with its unit eigenvectors v_i (n × n numbers: kept where the data lives). */
export interface Eigenbasis extends Spectrum {
  vectors: Float64Array[];
}

/** The spectrum of H^∞ for inputs X; `stepKernel`, when given, sets stepLambdaMax (else λ_max of H^∞). */
export function spectrum(X: Mat, stepKernel: Mat | null = null): Eigenbasis {
  const e = symEigen(hInf(X));
  const K1 = kSigma(X, 1);
  const vectors = Array.from(e.values, (_, i) => eigenvector(e, i));
  const k1Proj = Float64Array.from(vectors, (v) => quadForm(K1, v));
  const lambdas = e.values;
  return {
    n: X.rows,
    lambdas,
    vectors,
    k1Proj,
    lambda0: lambdas[0],
    lambdaMax: lambdas[lambdas.length - 1],
    trHK1: lambdas.reduce((s, l, i) => s + l * k1Proj[i], 0),
    stepLambdaMax: stepKernel ? largestEigenvalue(stepKernel) : lambdas[lambdas.length - 1],
  };
}

/** λ_max of a symmetric matrix by Lanczos (a few dozen products: the top of these spectra is well separated). */
function largestEigenvalue(A: Mat): number {
  return lanczosExtremes(
    (v) => {
      const out = new Float64Array(A.rows);
      for (let i = 0; i < A.rows; i++) out[i] = dot(A.data.subarray(i * A.cols, (i + 1) * A.cols), v);
      return out;
    },
    A.rows,
    { rng: new Rng(1), tol: 1e-10, maxOnly: true },
  ).max;
}

/**
 * λ_max of H^∞ (and of the step kernel) by Lanczos, in about n² per step instead of the full decomposition's n³:
 * what a run needs to start at large n while the full spectrum is computed elsewhere.
 */
export function scalesOf(X: Mat, stepKernel: Mat | null = null): Scales {
  const lambdaMax = largestEigenvalue(hInf(X));
  return { n: X.rows, lambdaMax, stepLambdaMax: stepKernel ? largestEigenvalue(stepKernel) : lambdaMax };
}

/** What the formulas need of a run: the scheme's ξ, p, τ, a resolved η, κ, and whether masks are categorical. */
export interface SchemeParams {
  xi: number;
  p: number;
  tau: number;
  eta: number;
  kappa: number;
  categorical: boolean;
}

/** θ = P(N_r > 0) = 1 − (1 − ξ)^p for Bernoulli masks; 1 for categorical (THEORY.md B.1). */
export function theta(xi: number, p: number, categorical: boolean): number {
  return categorical ? 1 : 1 - Math.pow(1 - xi, p);
}

/** Local progress g_i = 1 − (1 − ηλ_i/ξ)^τ in eigendirection i (THEORY.md C.3). */
export function localProgress(lambda: number, s: SchemeParams): number {
  return 1 - Math.pow(1 - (s.eta * lambda) / s.xi, s.tau);
}

/**
 * C_i = (θ/p)·((1−ξ)/ξ)·g_i·K̃_ii/(2 − θg_i), the stationary second moment in direction i (THEORY.md C.3), with
 * K̃_ii = v_iᵀK_σv_i: κ²·v_iᵀK1v_i by default (the initialization's limit), or given (the current K_σ(W_k), H.2).
 */
export function stationaryTerms(sp: Spectrum, s: SchemeParams, kt?: ArrayLike<number>): Float64Array {
  const th = theta(s.xi, s.p, s.categorical);
  return Float64Array.from(sp.lambdas, (lam, i) => {
    if (s.categorical) return 0; // IST: Σ_l ε^l = 0, the leading-order noise cancels (THEORY.md C.4).
    const g = localProgress(lam, s);
    const k = kt ? kt[i] : s.kappa * s.kappa * sp.k1Proj[i];
    return ((th / s.p) * ((1 - s.xi) / s.xi) * g * k) / (2 - th * g);
  });
}

/** R_lazy(ξ, p, τ, η, κ; X) = Σ_i C_i, in units of ‖y − u‖² (THEORY.md C.3). 0 for IST at leading order (C.4). */
export function radiusLazy(sp: Spectrum, s: SchemeParams): number {
  return stationaryTerms(sp, s).reduce((a, b) => a + b, 0);
}

/**
 * R_now (THEORY.md H.2): the R_lazy formula with K̃_ii = v_iᵀK_σ(W_k)v_i from the current conjugate kernel, which dropout
 * shrinks as it trains.
 */
export function radiusNow(sp: Spectrum, s: SchemeParams, kt: ArrayLike<number>): number {
  return stationaryTerms(sp, s, kt).reduce((a, b) => a + b, 0);
}

/** Small-η form: R ≈ ητθ(1−ξ)/(2ξ²p)·tr(H K_σ) (THEORY.md C.3). */
export function radiusSmallEta(sp: Spectrum, s: SchemeParams): number {
  if (s.categorical) return 0;
  const th = theta(s.xi, s.p, false);
  return ((s.eta * s.tau * th * (1 - s.xi)) / (2 * s.xi * s.xi * s.p)) * s.kappa * s.kappa * sp.trHK1;
}

/** Data-free bound, valid for η ≤ ξ/λ_max: R ≤ ητθ(1−ξ)n²κ²/(4ξ²p) (THEORY.md C.3). */
export function radiusBound(n: number, s: SchemeParams): number {
  if (s.categorical) return 0;
  const th = theta(s.xi, s.p, false);
  return (s.eta * s.tau * th * (1 - s.xi) * n * n * s.kappa * s.kappa) / (4 * s.xi * s.xi * s.p);
}

/** (v_i·e_0)², the initial residual e_0 = u_0 − y in the eigenbasis of H^∞. */
export function projections(eb: Eigenbasis, e0: ArrayLike<number>): Float64Array {
  return Float64Array.from(eb.vectors, (v) => dot(v, e0) ** 2);
}

/**
 * Predicted mean curve E‖y − u_k‖² at the given rounds k (THEORY.md C.3 second moment):
 * Σ_i (1−θg_i)^{2k}(v_i·e_0)² + (1 − (1−θg_i)^{2k})·C_i, given c0_i = (v_i·e_0)².
 */
export function predictedCurve(
  sp: Spectrum,
  s: SchemeParams,
  c0: ArrayLike<number>,
  rounds: ArrayLike<number>,
): Float64Array {
  const th = theta(s.xi, s.p, s.categorical);
  const C = stationaryTerms(sp, s);
  const A = Float64Array.from(sp.lambdas, (lam) => 1 - th * localProgress(lam, s));
  const out = new Float64Array(rounds.length);
  for (let q = 0; q < rounds.length; q++) {
    const k = rounds[q];
    let s2 = 0;
    for (let i = 0; i < A.length; i++) {
      const a2k = Math.pow(A[i], 2 * k);
      s2 += a2k * c0[i] + (1 - a2k) * C[i];
    }
    out[q] = s2;
  }
  return out;
}

/** Per-round contraction of the slowest direction: ρ = 1 − θ(1 − (1 − ηλ_0/ξ)^τ) (THEORY.md C.3). */
export function rate(sp: Spectrum, s: SchemeParams): number {
  return 1 - theta(s.xi, s.p, s.categorical) * localProgress(sp.lambda0, s);
}

/** Recommended step: η = 0.1·ξ/λ_max(H^∞) (THEORY.md C.3); outside the lazy setting, λ_max of the setting's NTK. */
export function etaAuto(sp: Pick<Scales, 'stepLambdaMax'>, xi: number): number {
  return (0.1 * xi) / sp.stepLambdaMax;
}

/** Stability limit of the local steps: η < 2ξ/λ_max(H) (THEORY.md C.3). */
export function etaStable(sp: Pick<Scales, 'stepLambdaMax'>, xi: number): number {
  return (2 * xi) / sp.stepLambdaMax;
}

/** Activation-stability radius R_stab = √(2π)·κ·δ·λ_0/(16n²) (THEORY.md C.5). */
export function radiusStab(kappa: number, delta: number, lambda0: number, n: number): number {
  return (Math.sqrt(2 * Math.PI) * kappa * delta * lambda0) / (16 * n * n);
}

export interface WidthInputs {
  n: number;
  lambda0: number;
  /** ‖y‖². */
  yNorm2: number;
  /** Failure probability δ. */
  delta: number;
  /** Horizon K (global rounds). */
  rounds: number;
  /** R_lazy of the same scheme. */
  rLazy: number;
}

/**
 * Heuristic required width m_req (THEORY.md C.5, [D-heuristic]): drift of every neuron over K rounds (mean part plus
 * mask-noise random walk) below R_stab, with E_0 = √((‖y‖² + nκ²/2)/δ).
 */
export function widthRequired(s: SchemeParams, w: WidthInputs): number {
  const { n, lambda0, delta } = w;
  const k2 = s.kappa * s.kappa;
  const th = theta(s.xi, s.p, s.categorical);
  const e0 = Math.sqrt((w.yNorm2 + (n * k2) / 2) / delta);
  const mean = (4 * Math.sqrt(n) * e0) / (th * lambda0);
  const noise =
    Math.sqrt(w.rounds) *
    ((s.eta * s.tau) / s.xi) *
    Math.sqrt(n) *
    Math.sqrt(((1 - s.xi) / s.xi) * ((n * k2) / 2) + w.rLazy);
  const pre = (16 * n * n) / (Math.sqrt(2 * Math.PI) * s.kappa * delta * lambda0);
  return (pre * (mean + noise)) ** 2;
}

/** Where the IST radius comes from: zero at leading order; a finite-width residual ≈ c/m measured by simulation. */
export const IST_RADIUS_NOTE =
  'IST: the leading-order neighbourhood is 0 (the p subnetworks\u2019 mask noise cancels exactly); ' +
  'what remains is a finite-width effect of order c/m (c ≈ 1.3–2.9 measured at n = 10, d = 5).';
