/**
 * The planted problem of THEORY.md F: Gaussian inputs x_i ~ N(0, I_d), a teacher with weights W* (k rows w*_q,
 * ‖W*‖_F = γ) and a known second layer v* ∈ {±1}^k, noiseless labels y = Σ_q v*_q σ(⟨w*_q (+ e_q), x_i⟩), and the
 * starts W⁰ the paper uses. Each part has its own random stream, so changing one never shifts another.
 */
import { type Mat, mat } from '../math/matrix';
import { Rng } from '../math/rng';
import type { AltMinConfig } from './config';
import { outputs } from './model';

export interface Teacher {
  /** n×d inputs. */
  X: Mat;
  /** n labels. */
  y: Float64Array;
  /** k×d teacher weights, row q = w*_q. */
  Wstar: Mat;
  /** k second-layer signs v*_q. */
  v: Float64Array;
  skip: boolean;
}

export function gaussianMat(rows: number, cols: number, rng: Rng, scale = 1): Mat {
  const A = mat(rows, cols);
  for (let i = 0; i < A.data.length; i++) A.data[i] = scale * rng.normal();
  return A;
}

function frobenius(A: Mat): number {
  return Math.hypot(...A.data);
}

/** The teacher's weights W* (‖W*‖_F = γ) and signs v*, from the seed's `altmin-teacher` stream. */
export function makeTeacherWeights(
  c: Pick<AltMinConfig, 'd' | 'k' | 'gamma'>,
  rng: Rng,
): { Wstar: Mat; v: Float64Array } {
  const Wstar = gaussianMat(c.k, c.d, rng);
  const s = c.gamma / frobenius(Wstar);
  for (let i = 0; i < Wstar.data.length; i++) Wstar.data[i] *= s;
  const v = Float64Array.from({ length: c.k }, () => rng.sign());
  return { Wstar, v };
}

/** Inputs from the seed's `altmin-data` stream. */
export function makeInputs(c: Pick<AltMinConfig, 'n' | 'd'>, rng: Rng): Mat {
  return gaussianMat(c.n, c.d, rng);
}

/** The teacher's problem for a configuration (or for a trial's own seed). */
export function makeTeacher(c: AltMinConfig, seed = c.seed): Teacher {
  const X = makeInputs(c, Rng.stream(seed, 'altmin-data'));
  const { Wstar, v } = makeTeacherWeights(c, Rng.stream(seed, 'altmin-teacher'));
  return withLabels(X, Wstar, v, c.model === 'skip');
}

/** A teacher from given inputs and weights: the labels are the teacher's outputs. */
export function withLabels(X: Mat, Wstar: Mat, v: Float64Array, skip: boolean): Teacher {
  return { X, Wstar, v, skip, y: outputs(X, Wstar, v, skip) };
}

/**
 * The start W⁰ (k×d): identity = 0 (skip model), near = W* + δ_0‖W*‖_F·G/‖G‖_F, random: entries N(0, 1)/d —
 * from the seed's `altmin-start` stream.
 */
export function makeStart(c: Pick<AltMinConfig, 'start' | 'delta0' | 'd'>, t: Pick<Teacher, 'Wstar'>, rng: Rng): Mat {
  const { rows: k, cols: d } = t.Wstar;
  if (c.start === 'identity') return mat(k, d);
  if (c.start === 'random') return gaussianMat(k, d, rng, 1 / c.d);
  const G = gaussianMat(k, d, rng);
  const s = (c.delta0 * frobenius(t.Wstar)) / frobenius(G);
  return mat(
    k,
    d,
    t.Wstar.data.map((w, i) => w + s * G.data[i]),
  );
}

export function startStream(seed: number): Rng {
  return Rng.stream(seed, 'altmin-start');
}
