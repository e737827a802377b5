/**
 * AltMin's input files, as the CLI reads them: data `{ "X": [n rows of d], "y": [n] }`, teacher
 * `{ "W": [k rows of d], "v": [k] }`, start `{ "W": [k rows of d] }` (rows are neurons w_q). Each is checked
 * for shape and finite numbers; a failure is one sentence.
 */
import { fromRows as matFromRows, type Mat } from '../math/matrix';

export type FileResult<T> = { ok: true; value: T } | { ok: false; error: string };

function rowsOf(value: unknown, name: string, cols: number | null): FileResult<Mat> {
  if (!Array.isArray(value) || !value.length)
    return { ok: false, error: `"${name}" must be a non-empty array of rows of numbers.` };
  const width = cols ?? (Array.isArray(value[0]) ? value[0].length : 0);
  for (const [i, row] of value.entries())
    if (!Array.isArray(row) || row.length !== width || !row.every((x) => typeof x === 'number' && Number.isFinite(x)))
      return { ok: false, error: `row ${i + 1} of "${name}" must hold ${width} finite numbers.` };
  if (!width) return { ok: false, error: `the rows of "${name}" are empty.` };
  return { ok: true, value: matFromRows(value as number[][]) };
}

function vectorOf(value: unknown, name: string, length: number): FileResult<Float64Array> {
  if (
    !Array.isArray(value) ||
    value.length !== length ||
    !value.every((x) => typeof x === 'number' && Number.isFinite(x))
  )
    return { ok: false, error: `"${name}" must hold ${length} finite numbers.` };
  return { ok: true, value: Float64Array.from(value as number[]) };
}

export function dataFromJson(obj: unknown): FileResult<{ X: Mat; y: Float64Array }> {
  const o = (obj ?? {}) as { X?: unknown; y?: unknown };
  const X = rowsOf(o.X, 'X', null);
  if (!X.ok) return X;
  const y = vectorOf(o.y, 'y', X.value.rows);
  return y.ok ? { ok: true, value: { X: X.value, y: y.value } } : y;
}

export function teacherFromJson(obj: unknown, d: number): FileResult<{ W: Mat; v: Float64Array }> {
  const o = (obj ?? {}) as { W?: unknown; v?: unknown };
  const W = rowsOf(o.W, 'W', d);
  if (!W.ok) return W;
  const v = vectorOf(o.v, 'v', W.value.rows);
  return v.ok ? { ok: true, value: { W: W.value, v: v.value } } : v;
}

export function startFromJson(obj: unknown, k: number, d: number): FileResult<Mat> {
  const W = rowsOf((obj as { W?: unknown } | null)?.W, 'W', d);
  if (W.ok && W.value.rows !== k)
    return { ok: false, error: `"W" has ${W.value.rows} rows; the teacher has k = ${k} neurons.` };
  return W;
}
