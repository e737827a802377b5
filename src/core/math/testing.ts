/** Small helpers shared by the unit tests: random unit rows and relative error. */
import { type Mat, mat } from './matrix';
import { Rng } from './rng';

export function randomUnitRows(n: number, d: number, seed: number): Mat {
  const rng = new Rng(seed);
  const X = mat(n, d);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const v = rng.normal();
      X.data[i * d + j] = v;
      s += v * v;
    }
    for (let j = 0; j < d; j++) X.data[i * d + j] /= Math.sqrt(s);
  }
  return X;
}

export function relErr(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
}

/** Mean and standard error of each entry of a vector-valued sample, over M draws. */
export function monteCarlo(
  M: number,
  size: number,
  draw: (out: Float64Array) => void,
): { mean: Float64Array; se: Float64Array } {
  const s1 = new Float64Array(size);
  const s2 = new Float64Array(size);
  const x = new Float64Array(size);
  for (let t = 0; t < M; t++) {
    draw(x);
    for (let q = 0; q < size; q++) {
      s1[q] += x[q];
      s2[q] += x[q] * x[q];
    }
  }
  const mean = s1.map((v) => v / M);
  const se = s2.map((v, q) => Math.sqrt(Math.max(v / M - mean[q] ** 2, 0) / M));
  return { mean, se };
}
