/**
 * A run's fixed ingredients from its config: data (generated or given), initial weights (generated or given),
 * the resolved step size and the scheme parameters the theory needs. Engine, reference and CLI all start here.
 */
import { Rng } from '../math/rng';
import type { Config } from './config';
import { circleData, type Dataset, sphereData, teacherData } from './datasets';
import { initWeights, type Weights } from './init';
import { initScales, lazyTheoryApplies } from './network';
import { settingKernel } from './settingKernel';
import { schemeOf } from './summary';
import { type Eigenbasis, type Scales, scalesOf, type SchemeParams, spectrum } from './theory';

export interface Problem {
  config: Config;
  data: Dataset;
  init: Weights;
  /** The full spectrum of H^∞; null when it was deferred (large n: computed off the training path). */
  spectrum: Eigenbasis | null;
  /** λ_0 and λ_max (from the spectrum, or from Lanczos when it was deferred). */
  scales: Scales;
  /** The step size actually used (η from the config, or the auto value). */
  eta: number;
  scheme: SchemeParams;
}

export function makeData(config: Config): Dataset {
  const rng = Rng.stream(config.seed, 'data');
  if (config.data === 'circle') return circleData(config.n, config.freq.split(',').map(Number), config.spacing, rng);
  return config.data === 'teacher' ? teacherData(config.n, config.d, rng) : sphereData(config.n, config.d, rng);
}

export function makeInit(config: Config): Weights {
  return initWeights(config.m, config.d, initScales(config, config.m, config.d), Rng.stream(config.seed, 'init'));
}

/** The masks' own random stream for a run. */
export function maskStream(config: Config): Rng {
  return Rng.stream(config.seed, 'masks');
}

/** A problem with its full spectrum. */
export interface FullProblem extends Problem {
  spectrum: Eigenbasis;
}

/**
 * Builds the problem. Given data overrides n and d; given weights override m. The config returned in the
 * problem is updated to match them.
 */
export function makeProblem(config: Config, data?: Dataset, init?: Weights): FullProblem {
  return build(config, data, init, false) as FullProblem;
}

/** Above this many samples a live run starts without the full spectrum of H^∞ (n³ work: 0.2 s at 256, 76 s at 2048). */
export const DEFER_SPECTRUM_N = 256;

/**
 * The problem a live run starts from: above DEFER_SPECTRUM_N samples only λ_max is computed (Lanczos, for the step
 * size), and the full spectrum is left to be computed off the training path.
 */
export function startProblem(config: Config, data?: Dataset, init?: Weights): Problem {
  return build(config, data, init, true);
}

function build(config: Config, data: Dataset | undefined, init: Weights | undefined, deferSpectrum: boolean): Problem {
  const ds = data ?? makeData(config);
  const cfg: Config = { ...config, n: ds.X.rows, d: ds.X.cols, m: init ? init.W.rows : config.m };
  const w = init ?? makeInit(cfg);
  const kernel = lazyTheoryApplies(cfg) ? null : settingKernel(ds.X, cfg);
  const sp = deferSpectrum && cfg.n > DEFER_SPECTRUM_N ? null : spectrum(ds.X, kernel);
  const scales = sp ?? scalesOf(ds.X, kernel);
  const scheme = schemeOf(cfg, scales);
  return { config: cfg, data: ds, init: w, spectrum: sp, scales, eta: scheme.eta, scheme };
}

/** The same data, initialization and spectrum under another run's scheme settings (a compared run). */
export function withSettings<P extends Problem>(problem: P, config: Config): P {
  const cfg: Config = { ...config, n: problem.config.n, d: problem.config.d, m: problem.config.m };
  const scheme = schemeOf(cfg, problem.scales);
  return { ...problem, config: cfg, eta: scheme.eta, scheme };
}
