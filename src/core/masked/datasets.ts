/**
 * Datasets: `sphere` (x uniform on the unit sphere, y uniform in [−1, 1]), `teacher` (y from a planted narrow
 * ReLU network, rescaled to |y| ≤ 1), and user data (JSON `{ "X": [[…]], "y": […] }` or CSV with y last).
 * Every input row is unit norm (THEORY.md A, assumption A1); duplicate or parallel rows are refused (A2: λ_0 = 0).
 */
import { type Mat, mat } from '../math/matrix';
import { Rng } from '../math/rng';

export interface Dataset {
  /** n×d, unit-norm rows. */
  X: Mat;
  /** n targets. */
  y: Float64Array;
}

/** Width of the planted teacher network of the `teacher` dataset. */
export const TEACHER_WIDTH = 4;

/** Largest user data accepted (rows, columns); the config's ranges for n and d. */
export const USER_DATA_LIMITS = { maxRows: 4096, maxCols: 1024 } as const;

function unitGaussianRow(rng: Rng, d: number, out: Float64Array, offset: number): void {
  let norm: number;
  do {
    norm = 0;
    for (let j = 0; j < d; j++) {
      const g = rng.normal();
      out[offset + j] = g;
      norm += g * g;
    }
  } while (norm === 0);
  const s = 1 / Math.sqrt(norm);
  for (let j = 0; j < d; j++) out[offset + j] *= s;
}

/** x uniform on S^{d−1} (normalized Gaussian), y uniform in [−1, 1]. */
export function sphereData(n: number, d: number, rng: Rng): Dataset {
  const X = mat(n, d);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    unitGaussianRow(rng, d, X.data, i * d);
    y[i] = rng.uniformIn(-1, 1);
  }
  return { X, y };
}

/** x uniform on S^{d−1}; y = Σ_q v_q σ(⟨w*_q, x⟩) with w*_q ~ N(0, I), v_q = ±1, then divided by max |y|. */
export function teacherData(n: number, d: number, rng: Rng): Dataset {
  const X = mat(n, d);
  for (let i = 0; i < n; i++) unitGaussianRow(rng, d, X.data, i * d);
  const k = TEACHER_WIDTH;
  const w = Float64Array.from({ length: k * d }, () => rng.normal());
  const v = Float64Array.from({ length: k }, () => rng.sign());
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let q = 0; q < k; q++) {
      let z = 0;
      for (let j = 0; j < d; j++) z += w[q * d + j] * X.data[i * d + j];
      s += v[q] * Math.max(z, 0);
    }
    y[i] = s;
  }
  const peak = y.reduce((acc, t) => Math.max(acc, Math.abs(t)), 0);
  if (peak > 0) for (let i = 0; i < n; i++) y[i] /= peak;
  return { X, y };
}

/**
 * Points on the unit circle, x = (cos φ, sin φ) — at seeded random angles, or equally spaced — and targets
 * y = the mean of sin(f·φ) over the frequencies f (THEORY.md I.2).
 */
export function circleData(n: number, freqs: readonly number[], spacing: 'random' | 'even', rng: Rng): Dataset {
  const X = mat(n, 2);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const phi = spacing === 'even' ? (2 * Math.PI * i) / n : 2 * Math.PI * rng.uniform();
    X.data[2 * i] = Math.cos(phi);
    X.data[2 * i + 1] = Math.sin(phi);
    y[i] = freqs.reduce((s, f) => s + Math.sin(f * phi), 0) / freqs.length;
  }
  return { X, y };
}

/** The angle of each row of circle data, in [0, 2π). */
export function anglesOf(X: Mat): Float64Array {
  return Float64Array.from({ length: X.rows }, (_, i) => {
    const a = Math.atan2(X.data[i * X.cols + 1], X.data[i * X.cols]);
    return a < 0 ? a + 2 * Math.PI : a;
  });
}

/** What the targets' frequencies mean for the NTK, in words (odd f ≥ 3 have no weight for the ReLU without bias). */
export function frequencyNotes(freqs: readonly number[]): string[] {
  const odd = freqs.filter((f) => f >= 3 && f % 2 === 1);
  return odd.length
    ? [
        `Frequency ${odd.join(', ')}: the NTK of the ReLU without bias gives odd frequencies of 3 and above no weight, so the error in them hardly falls (THEORY.md I.2).`,
      ]
    : [];
}

export type DataResult = { ok: true; data: Dataset; notes: string[] } | { ok: false; error: string };

const fail = (error: string): DataResult => ({ ok: false, error });

/** Parses user data from JSON or CSV text, normalizes rows and checks assumption A2. */
export function parseUserData(text: string): DataResult {
  const trimmed = text.trim();
  if (!trimmed) return fail('The data file is empty.');
  const rows = trimmed.startsWith('{') ? jsonRows(trimmed) : csvRows(trimmed);
  if ('error' in rows) return fail(rows.error);
  return fromRows(rows.X, rows.y);
}

function jsonRows(text: string): { X: number[][]; y: number[] } | { error: string } {
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch {
    return { error: 'The data is not valid JSON: expected { "X": [[...], ...], "y": [...] }.' };
  }
  const o = obj as { X?: unknown; y?: unknown };
  if (!Array.isArray(o.X) || !Array.isArray(o.y))
    return { error: 'The JSON data needs two arrays: "X" (rows of inputs) and "y" (targets).' };
  if (!o.X.every((r) => Array.isArray(r) && r.every((v) => typeof v === 'number')))
    return { error: '"X" must be an array of rows of numbers.' };
  if (!o.y.every((v) => typeof v === 'number')) return { error: '"y" must be an array of numbers.' };
  return { X: o.X as number[][], y: o.y as number[] };
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function csvRows(text: string): { X: number[][]; y: number[] } | { error: string } {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const cells = lines.map((l) => l.split(/[,;\t]/).map((c) => c.trim()));
  // A first row with any non-number cell is a header.
  if (cells.length && cells[0].some((c) => !NUMBER.test(c))) cells.shift();
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    const bad = cells[i].findIndex((c) => !NUMBER.test(c));
    if (bad >= 0)
      return { error: `CSV line ${i + 1}, column ${bad + 1}: "${cells[i][bad].slice(0, 20)}" is not a number.` };
    if (cells[i].length < 2) return { error: `CSV line ${i + 1} needs at least one input column and the target y.` };
    const nums = cells[i].map(Number);
    y.push(nums.pop() as number);
    X.push(nums);
  }
  return { X, y };
}

/** Validates shapes, normalizes rows to unit norm, refuses zero, duplicate and parallel rows. */
export function fromRows(rows: number[][], targets: number[]): DataResult {
  const n = rows.length;
  if (n < 2) return fail('The data needs at least 2 rows.');
  if (n > USER_DATA_LIMITS.maxRows)
    return fail(`The data has ${n} rows; the most this app trains on is ${USER_DATA_LIMITS.maxRows}.`);
  if (targets.length !== n) return fail(`There are ${n} input rows but ${targets.length} targets.`);
  const d = rows[0].length;
  if (d < 1) return fail('Each row needs at least one input value.');
  if (d > USER_DATA_LIMITS.maxCols)
    return fail(`Rows have ${d} inputs; the most this app accepts is ${USER_DATA_LIMITS.maxCols}.`);
  const X = mat(n, d);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    if (r.length !== d) return fail(`Row ${i + 1} has ${r.length} inputs, but row 1 has ${d}.`);
    if (!r.every(Number.isFinite)) return fail(`Row ${i + 1} has a value that is not a finite number.`);
    const norm = Math.hypot(...r);
    if (norm === 0) return fail(`Row ${i + 1} is all zeros and cannot be normalized to unit length.`);
    // Rows already of unit length are kept bit for bit, so exported runs load back exactly.
    const unit = Math.abs(norm - 1) < 1e-12;
    for (let j = 0; j < d; j++) X.data[i * d + j] = unit ? r[j] : r[j] / norm;
  }
  if (!targets.every(Number.isFinite)) return fail('Every target y must be a finite number.');
  const dup = firstParallelPair(X);
  if (dup)
    return fail(
      `Rows ${dup[0] + 1} and ${dup[1] + 1} point the same way after normalization (duplicate or parallel inputs): ` +
        'then λ_0 = λ_min(H^∞) = 0 and the theory does not apply. Remove one of them.',
    );
  const notes = rows.some((r) => Math.abs(Math.hypot(...r) - 1) > 1e-9)
    ? ['Input rows were normalized to unit length.']
    : [];
  return { ok: true, data: { X, y: Float64Array.from(targets) }, notes };
}

/** First pair of rows with the same direction (to 1e-9 per coordinate), found by hashing rounded rows. */
function firstParallelPair(X: Mat): [number, number] | null {
  const seen = new Map<string, number>();
  for (let i = 0; i < X.rows; i++) {
    const key = Array.from(X.data.subarray(i * X.cols, (i + 1) * X.cols), (v) =>
      (Math.round(v * 1e9) / 1e9 || 0).toString(),
    ).join(',');
    const j = seen.get(key);
    if (j !== undefined) return [j, i];
    seen.set(key, i);
  }
  return null;
}

/** n of the rows (n ≤ the rows there are), chosen by a seeded shuffle: the data a regime's λ_0(n) is computed on. */
export function subsetRows(data: Dataset, n: number, rng: Rng): Dataset {
  const N = data.X.rows;
  const d = data.X.cols;
  const order = Array.from({ length: N }, (_, i) => i);
  for (let i = N - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const X = mat(n, d);
  const y = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    X.data.set(data.X.data.subarray(order[k] * d, (order[k] + 1) * d), k * d);
    y[k] = data.y[order[k]];
  }
  return { X, y };
}
