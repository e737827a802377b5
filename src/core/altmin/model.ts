/**
 * The student network of THEORY.md F and the linear algebra AltMin and GD need, in float64 on flat arrays.
 * Z = W (+ I for the skip model), rows z_q; f(x) = Σ_q v_q σ(⟨z_q, x⟩). For fixed activation patterns
 * P_iq = 1{⟨z_q, x_i⟩ > 0} the network is linear in vec(Z): f(X) = B·vec(Z) with B = [v_1 P_1 X, …, v_k P_k X]
 * (n × dk, column q·d + j). B is never formed: its products and its Gram matrices are computed from X and P.
 */
import { type Mat, mat, transpose } from '../math/matrix';

/** Z = W + I (skip model, k = d) or W. */
export function shifted(W: Mat, skip: boolean): Mat {
  if (!skip) return W;
  const Z = mat(W.rows, W.cols, W.data);
  for (let q = 0; q < W.rows; q++) Z.data[q * W.cols + q] += 1;
  return Z;
}

/** Activation patterns P (n×k, 0/1) of the network with weights W. */
export function patternsOf(X: Mat, W: Mat, skip: boolean): Uint8Array {
  const Z = shifted(W, skip);
  const { rows: n, cols: d } = X;
  const k = Z.rows;
  const P = new Uint8Array(n * k);
  for (let i = 0; i < n; i++)
    for (let q = 0; q < k; q++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += Z.data[q * d + j] * X.data[i * d + j];
      P[i * k + q] = s > 0 ? 1 : 0;
    }
  return P;
}

/** f(X) = Σ_q v_q σ(X z_q). */
export function outputs(X: Mat, W: Mat, v: ArrayLike<number>, skip: boolean): Float64Array {
  return applyB(X, patternsOf(X, W, skip), v, shifted(W, skip).data);
}

/** B·z for patterns P: (Bz)_i = Σ_q v_q P_iq ⟨z_q, x_i⟩. */
export function applyB(X: Mat, P: Uint8Array, v: ArrayLike<number>, z: ArrayLike<number>): Float64Array {
  const { rows: n, cols: d } = X;
  const k = v.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let q = 0; q < k; q++) {
      if (!P[i * k + q]) continue;
      let t = 0;
      for (let j = 0; j < d; j++) t += z[q * d + j] * X.data[i * d + j];
      s += v[q] * t;
    }
    out[i] = s;
  }
  return out;
}

/** Bᵀ·r: (Bᵀr)_{q·d+j} = v_q Σ_i P_iq x_ij r_i. */
export function applyBt(X: Mat, P: Uint8Array, v: ArrayLike<number>, r: ArrayLike<number>): Float64Array {
  const { rows: n, cols: d } = X;
  const k = v.length;
  const out = new Float64Array(k * d);
  for (let i = 0; i < n; i++) {
    if (r[i] === 0) continue;
    for (let q = 0; q < k; q++) {
      if (!P[i * k + q]) continue;
      const c = v[q] * r[i];
      for (let j = 0; j < d; j++) out[q * d + j] += c * X.data[i * d + j];
    }
  }
  return out;
}

/**
 * G = BᵀB (dk × dk, row-major): block (q, r) = v_q v_r Σ_{i ∈ S_qr} x_i x_iᵀ over the samples S_qr where both
 * neurons fire — a symmetric d×d Gram matrix. Each block gathers its samples' columns, then takes long dot
 * products along the samples; blocks (r, q) and (b, a) are mirrors.
 */
export function normalMatrix(Xm: Mat, P: Uint8Array, v: ArrayLike<number>): Float64Array {
  const { rows: n, cols: d } = Xm;
  const XT = transpose(Xm).data;
  const k = v.length;
  const D = d * k;
  const G = new Float64Array(D * D);
  const idx = new Int32Array(n);
  const cols = new Float64Array(d * n);
  for (let q = 0; q < k; q++)
    for (let r = q; r < k; r++) {
      let m = 0;
      for (let i = 0; i < n; i++) if (P[i * k + q] & P[i * k + r]) idx[m++] = i;
      for (let a = 0; a < d; a++) {
        const src = a * n;
        const dst = a * m;
        for (let s = 0; s < m; s++) cols[dst + s] = XT[src + idx[s]];
      }
      const sign = v[q] * v[r];
      for (let a = 0; a < d; a++)
        for (let b = a; b < d; b++) {
          let sum = 0;
          const ca = a * m;
          const cb = b * m;
          for (let s = 0; s < m; s++) sum += cols[ca + s] * cols[cb + s];
          sum *= sign;
          const qa = q * d + a;
          const qb = q * d + b;
          const ra = r * d + a;
          const rb = r * d + b;
          G[qa * D + rb] = G[qb * D + ra] = G[ra * D + qb] = G[rb * D + qa] = sum;
        }
    }
  return G;
}

/** K = BBᵀ (n × n): K_ij = ⟨x_i, x_j⟩·Σ_q P_iq P_jq (v_q² = 1). */
export function rowGram(X: Mat, P: Uint8Array, k: number): Float64Array {
  const { rows: n, cols: d } = X;
  const K = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      let shared = 0;
      for (let q = 0; q < k; q++) shared += P[i * k + q] & P[j * k + q];
      if (!shared) continue;
      let xx = 0;
      for (let a = 0; a < d; a++) xx += X.data[i * d + a] * X.data[j * d + a];
      K[i * n + j] = K[j * n + i] = xx * shared;
    }
  return K;
}

/** The loss (1/2n)‖f(X) − y‖². */
export function lossOf(X: Mat, W: Mat, v: ArrayLike<number>, y: ArrayLike<number>, skip: boolean): number {
  const f = outputs(X, W, v, skip);
  let s = 0;
  for (let i = 0; i < f.length; i++) s += (f[i] - y[i]) ** 2;
  return s / (2 * f.length);
}

/** ‖W − W*‖_F / ‖W* + I‖_F (skip, the paper's) or / ‖W*‖_F (general). */
export function distance(W: Mat, Wstar: Mat, skip: boolean): number {
  let num = 0;
  for (let i = 0; i < W.data.length; i++) num += (W.data[i] - Wstar.data[i]) ** 2;
  return Math.sqrt(num) / Math.hypot(...shifted(Wstar, skip).data);
}
