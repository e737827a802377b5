/**
 * A plain float64 trainer of the same algorithm (THEORY.md B.1), written as loops over neurons with no tensors.
 * It is the independent oracle the tfjs engine is tested against, and the "naive per-neuron JavaScript
 * trainer" of the benchmarks.
 */
import { type Mat, mat } from '../math/matrix';
import type { Rng } from '../math/rng';
import { inputStream, maskInputs, masksInputs, sampleInputMasks } from './inputNoise';
import { neuronCounts, sampleMasks } from './masks';
import { blankRow, type MetricRow } from './metrics';
import { act, actGrad, lazyNet, type Net, netOf } from './network';
import { maskStream, type Problem } from './problem';
import { shareWeights, splitOwners, splitsData } from './split';

/**
 * u_i = (s/ξ) Σ_r c_r a_r φ(⟨w_r, x_i⟩), with coefficients c (all ones and ξ = 1 for the full network); s and φ from
 * the network (default: ReLU with s = 1/√m, THEORY.md A).
 */
export function outputs(
  X: Mat,
  W: Mat,
  a: ArrayLike<number>,
  coef?: ArrayLike<number>,
  xi = 1,
  net: Net = lazyNet(W.rows),
): Float64Array {
  const { rows: n, cols: d } = X;
  const m = W.rows;
  const u = new Float64Array(n);
  const s = net.outScale / xi;
  for (let r = 0; r < m; r++) {
    const c = coef ? coef[r] : 1;
    if (c === 0) continue;
    for (let i = 0; i < n; i++) {
      let z = 0;
      for (let j = 0; j < d; j++) z += W.data[r * d + j] * X.data[i * d + j];
      u[i] += s * c * a[r] * act(net.act, z);
    }
  }
  return u;
}

export function squaredError(u: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (y[i] - u[i]) ** 2;
  return s;
}

export interface RoundSettings {
  xi: number;
  p: number;
  tau: number;
  eta: number;
  aggregate: 'keep' | 'zero';
}

/**
 * One global round (THEORY.md B.1 steps 2–4) for given masks (p·m, row l = subnetwork l). With a trained second layer,
 * a_r takes its own gradient step from the same local weights and is averaged per neuron like w_r. With `shares`
 * ([n, p] row-major, THEORY.md J.2) subnetwork l weighs sample i's residual by shares[i·p + l]: its own samples only,
 * each counted n/|S_l| times. Input masks (J.1) are applied by passing the masked inputs as X.
 */
export function referenceRound(
  X: Mat,
  y: Float64Array,
  a: Float64Array,
  W: Mat,
  masks: ArrayLike<number>,
  s: RoundSettings,
  net: Net = lazyNet(W.rows),
  shares: ArrayLike<number> | null = null,
): { W: Mat; a: Float64Array; surrErr: number } {
  const { rows: n, cols: d } = X;
  const m = W.rows;
  const scale = net.outScale / s.xi;
  const sum = new Float64Array(m * d);
  const sumA = new Float64Array(m);
  let surr = 0;
  const z = new Float64Array(n);
  const g = new Float64Array(d);
  for (let l = 0; l < s.p; l++) {
    const sel: number[] = [];
    for (let r = 0; r < m; r++) if (masks[l * m + r] === 1) sel.push(r);
    const Wl = mat(sel.length, d);
    sel.forEach((r, k) => Wl.data.set(W.data.subarray(r * d, (r + 1) * d), k * d));
    const al = Float64Array.from(sel, (r) => a[r]);
    for (let t = 0; t < s.tau; t++) {
      // Surrogate output and residual e = u_m − y at the local weights.
      const e = new Float64Array(n);
      for (let k = 0; k < sel.length; k++) {
        for (let i = 0; i < n; i++) {
          let acc = 0;
          for (let j = 0; j < d; j++) acc += Wl.data[k * d + j] * X.data[i * d + j];
          e[i] += scale * al[k] * act(net.act, acc);
        }
      }
      for (let i = 0; i < n; i++) e[i] -= y[i];
      if (t === 0) surr += e.reduce((acc, v, i) => acc + (shares ? shares[i * s.p + l] : 1) * v * v, 0);
      if (shares) for (let i = 0; i < n; i++) e[i] *= shares[i * s.p + l];
      // ∂L_m/∂w_r = (a_r s/ξ) Σ_i e_i φ′(⟨w_r, x_i⟩) x_i and ∂L_m/∂a_r = (s/ξ) Σ_i e_i φ(⟨w_r, x_i⟩), all from the same weights, then the step.
      const step = new Float64Array(sel.length * d);
      const stepA = new Float64Array(sel.length);
      for (let k = 0; k < sel.length; k++) {
        g.fill(0);
        let ga = 0;
        for (let i = 0; i < n; i++) {
          let acc = 0;
          for (let j = 0; j < d; j++) acc += Wl.data[k * d + j] * X.data[i * d + j];
          z[i] = acc;
          const dphi = actGrad(net.act, acc, s.aggregate === 'zero');
          if (dphi !== 0) for (let j = 0; j < d; j++) g[j] += e[i] * dphi * X.data[i * d + j];
          ga += e[i] * act(net.act, acc);
        }
        for (let j = 0; j < d; j++) step[k * d + j] = s.eta * scale * al[k] * g[j];
        stepA[k] = net.trainSecond ? s.eta * scale * ga : 0;
      }
      for (let q = 0; q < step.length; q++) Wl.data[q] -= step[q];
      for (let k = 0; k < sel.length; k++) al[k] -= stepA[k];
    }
    sel.forEach((r, k) => {
      for (let j = 0; j < d; j++) sum[r * d + j] += Wl.data[k * d + j];
      sumA[r] += al[k];
    });
  }
  // Per-neuron average over the subnetworks holding it; nobody's neurons are kept (or zeroed).
  const N = neuronCounts(masks, s.p, m);
  const out = mat(m, d);
  const outA = new Float64Array(m);
  for (let r = 0; r < m; r++) {
    for (let j = 0; j < d; j++) {
      const q = r * d + j;
      out.data[q] = N[r] > 0 ? sum[q] / N[r] : s.aggregate === 'keep' ? W.data[q] : 0;
    }
    outA[r] = !net.trainSecond || N[r] === 0 ? (s.aggregate === 'keep' || !net.trainSecond ? a[r] : 0) : sumA[r] / N[r];
  }
  return { W: out, a: outA, surrErr: surr / s.p };
}

/** The sign pattern 1{⟨w_r, x_i⟩ ≥ 0} (> 0 when `strict`), n·m entries (row i). */
export function patterns(X: Mat, W: Mat, strict = false): Uint8Array {
  const { rows: n, cols: d } = X;
  const m = W.rows;
  const S = new Uint8Array(n * m);
  for (let i = 0; i < n; i++)
    for (let r = 0; r < m; r++) {
      let z = 0;
      for (let j = 0; j < d; j++) z += W.data[r * d + j] * X.data[i * d + j];
      S[i * m + r] = z > 0 || (z === 0 && !strict) ? 1 : 0;
    }
  return S;
}

/**
 * Empirical NTK restricted to coefficients c (THEORY.md D.2 with c ≡ 1, ξ = 1; D.3 with c = a mask):
 * H_ij = (1/ξ²) Σ_r c_r [ (s a_r)² ⟨x_i, x_j⟩ φ′(z_ir) φ′(z_jr) + s² φ(z_ir) φ(z_jr) (second layer trained) ].
 * For the lazy network (ReLU, s = 1/√m, a = ±1) this is (1/(ξ²m)) ⟨x_i, x_j⟩ Σ_r c_r 1_ir 1_jr.
 */
export function empiricalNtk(
  X: Mat,
  W: Mat,
  a: ArrayLike<number>,
  coef?: ArrayLike<number>,
  xi = 1,
  net: Net = lazyNet(W.rows),
): Mat {
  const { rows: n, cols: d } = X;
  const m = W.rows;
  const Z = new Float64Array(n * m);
  for (let i = 0; i < n; i++)
    for (let r = 0; r < m; r++) {
      let z = 0;
      for (let j = 0; j < d; j++) z += W.data[r * d + j] * X.data[i * d + j];
      Z[i * m + r] = z;
    }
  const s2 = (net.outScale * net.outScale) / (xi * xi);
  const H = mat(n, n);
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      let first = 0;
      let second = 0;
      for (let r = 0; r < m; r++) {
        const c = coef ? coef[r] : 1;
        if (c === 0) continue;
        first += c * a[r] * a[r] * actGrad(net.act, Z[i * m + r]) * actGrad(net.act, Z[j * m + r]);
        if (net.trainSecond) second += c * act(net.act, Z[i * m + r]) * act(net.act, Z[j * m + r]);
      }
      let xx = 0;
      for (let q = 0; q < d; q++) xx += X.data[i * d + q] * X.data[j * d + q];
      const v = s2 * (xx * first + second);
      H.data[i * n + j] = v;
      H.data[j * n + i] = v;
    }
  return H;
}

/** Trainer over the reference round with the same masks stream as the engine; reports err, surrErr, maxMove, flipFrac. */
export class ReferenceTrainer {
  W: Mat;
  a: Float64Array;
  round = 0;
  private readonly rng: Rng;
  private readonly inputRng: Rng;
  private readonly S0: Uint8Array;
  private readonly net: Net;

  constructor(private readonly problem: Problem) {
    this.W = mat(problem.init.W.rows, problem.init.W.cols, problem.init.W.data);
    this.a = Float64Array.from(problem.init.a);
    this.net = netOf(problem.config, this.W.rows);
    this.rng = maskStream(problem.config);
    this.inputRng = inputStream(problem.config.seed);
    this.S0 = patterns(problem.data.X, this.W);
  }

  /** Runs one round and returns its metrics (the NTK columns are left unmeasured). */
  step(): MetricRow {
    const { config: c, data } = this.problem;
    const masks = sampleMasks(this.rng, c.mask, c.p, c.m, c.xi);
    const X = masksInputs(c) ? maskInputs(data.X, sampleInputMasks(this.inputRng, c.n, c.d, c.nu)) : data.X;
    const res = referenceRound(
      X,
      data.y,
      this.a,
      this.W,
      masks,
      { xi: c.xi, p: c.p, tau: c.tau, eta: this.problem.eta, aggregate: c.aggregate },
      this.net,
      splitsData(c) ? shareWeights(splitOwners(c.seed, c.n, c.p), c.p) : null,
    );
    this.W = res.W;
    this.a = res.a;
    this.round += 1;
    return { ...this.measure(), surrErr: res.surrErr };
  }

  /** Metrics of the current weights (surrErr unmeasured). */
  measure(): MetricRow {
    const { data, init } = this.problem;
    const { rows: m, cols: d } = this.W;
    let maxMove = 0;
    for (let r = 0; r < m; r++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += (this.W.data[r * d + j] - init.W.data[r * d + j]) ** 2;
      maxMove = Math.max(maxMove, Math.sqrt(s));
    }
    const S = patterns(data.X, this.W, this.problem.config.aggregate === 'zero');
    let flips = 0;
    for (let q = 0; q < S.length; q++) flips += S[q] !== this.S0[q] ? 1 : 0;
    return {
      ...blankRow(this.round),
      err: squaredError(outputs(data.X, this.W, this.a, undefined, 1, this.net), data.y),
      maxMove,
      flipFrac: flips / S.length,
    };
  }
}
