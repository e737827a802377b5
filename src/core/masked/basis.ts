/**
 * What the page needs to compute every prediction itself, from a problem with its full spectrum: the spectrum
 * without its n × n eigenvectors, the initial residual's projections on them, ‖y‖² and max|y|.
 */
import { sumSquares } from '../math/matrix';
import { followedModes } from './modes';
import { netOf } from './network';
import type { FullProblem } from './problem';
import { outputs } from './reference';
import { projections, type Spectrum } from './theory';

export interface TheoryBasis {
  spectrum: Spectrum;
  /** (v_i·e_0)² for the run's own initialization. */
  c0: Float64Array;
  yNorm2: number;
  /** max |y_i| (Theorem 7 bounds the initial error by C²n with |y_i| ≤ C − 1). */
  yMax: number;
  /** The directions the modes view follows (indices into the ascending spectrum) and their unit eigenvectors. */
  modes: { index: number[]; vectors: Float64Array[] };
}

export function theoryBasis(problem: FullProblem): TheoryBasis {
  const { data, init, spectrum } = problem;
  const e0 = outputs(data.X, init.W, init.a, undefined, 1, netOf(problem.config, init.W.rows)).map(
    (u, i) => u - data.y[i],
  );
  const { vectors: _vectors, ...sp } = spectrum;
  return {
    spectrum: sp,
    c0: projections(spectrum, e0),
    yNorm2: sumSquares(data.y),
    yMax: data.y.reduce((a, v) => Math.max(a, Math.abs(v)), 0),
    modes: { index: followedModes(sp.n), vectors: followedModes(sp.n).map((i) => spectrum.vectors[i]) },
  };
}
