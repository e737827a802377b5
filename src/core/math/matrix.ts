/**
 * Dense row-major float64 matrices and the few operations the core needs.
 * Kept tiny on purpose: the heavy lifting (eigen-decomposition) is delegated to ml-matrix.
 */

export interface Mat {
  readonly rows: number;
  readonly cols: number;
  /** Row-major entries, length rows·cols. */
  readonly data: Float64Array;
}

export function mat(rows: number, cols: number, data?: ArrayLike<number>): Mat {
  const out = new Float64Array(rows * cols);
  if (data) {
    if (data.length !== rows * cols) throw new Error(`expected ${rows * cols} entries, got ${data.length}`);
    out.set(data);
  }
  return { rows, cols, data: out };
}

export function fromRows(rows: readonly (readonly number[])[]): Mat {
  const r = rows.length;
  const c = r ? rows[0].length : 0;
  const m = mat(r, c);
  rows.forEach((row, i) => m.data.set(row, i * c));
  return m;
}

export function toRows(a: Mat): number[][] {
  return Array.from({ length: a.rows }, (_, i) => Array.from(a.data.subarray(i * a.cols, (i + 1) * a.cols)));
}

export function transpose(a: Mat): Mat {
  const t = mat(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) t.data[j * a.rows + i] = a.data[i * a.cols + j];
  return t;
}

/** A·B. */
export function matmul(a: Mat, b: Mat): Mat {
  if (a.cols !== b.rows) throw new Error(`shape mismatch ${a.rows}x${a.cols} · ${b.rows}x${b.cols}`);
  const out = mat(a.rows, b.cols);
  const { data: A } = a;
  const { data: B } = b;
  const O = out.data;
  for (let i = 0; i < a.rows; i++) {
    for (let k = 0; k < a.cols; k++) {
      const aik = A[i * a.cols + k];
      if (aik === 0) continue;
      const bo = k * b.cols;
      const oo = i * b.cols;
      for (let j = 0; j < b.cols; j++) O[oo + j] += aik * B[bo + j];
    }
  }
  return out;
}

/** A·Aᵀ (the Gram matrix of the rows). */
export function gram(a: Mat): Mat {
  const n = a.rows;
  const out = mat(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let k = 0; k < a.cols; k++) s += a.data[i * a.cols + k] * a.data[j * a.cols + k];
      out.data[i * n + j] = s;
      out.data[j * n + i] = s;
    }
  }
  return out;
}

export function dot(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
}

export function sumSquares(x: ArrayLike<number>): number {
  return dot(x, x);
}

/** vᵀ·A·v for a square A. */
export function quadForm(a: Mat, v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.rows; i++) {
    let r = 0;
    for (let j = 0; j < a.cols; j++) r += a.data[i * a.cols + j] * v[j];
    s += v[i] * r;
  }
  return s;
}

/** A·v in float64 for a square matrix given flat and row-major (float32 or float64), four sums at a time. */
export function squareTimes(n: number, data: ArrayLike<number>, v: ArrayLike<number>): Float64Array {
  const out = new Float64Array(n);
  const tail = n - (n % 4);
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < tail; j += 4) {
      s0 += data[row + j] * v[j];
      s1 += data[row + j + 1] * v[j + 1];
      s2 += data[row + j + 2] * v[j + 2];
      s3 += data[row + j + 3] * v[j + 3];
    }
    for (let j = tail; j < n; j++) s0 += data[row + j] * v[j];
    out[i] = s0 + s1 + s2 + s3;
  }
  return out;
}
