/**
 * A run's fixed ingredients from its config: data (generated or given), initial weights (generated or given),
 * the resolved step size and the scheme parameters the theory needs. Engine, reference and CLI all start here.
 */
import type { Config } from './config';
import { sphereData, teacherData, type Dataset } from './datasets';
import { initWeights, type Weights } from './init';
import { settingKernel } from './kernels';
import { initScales, lazyTheoryApplies } from './network';
import { Rng } from './rng';
import { schemeOf } from './summary';
import { spectrum, type Eigenbasis, type SchemeParams } from './theory';

export interface Problem {
  config: Config;
  data: Dataset;
  init: Weights;
  spectrum: Eigenbasis;
  /** The step size actually used (η from the config, or the auto value). */
  eta: number;
  scheme: SchemeParams;
}

export function makeData(config: Config): Dataset {
  const rng = Rng.stream(config.seed, 'data');
  return config.data === 'teacher' ? teacherData(config.n, config.d, rng) : sphereData(config.n, config.d, rng);
}

export function makeInit(config: Config): Weights {
  return initWeights(config.m, config.d, initScales(config, config.m, config.d), Rng.stream(config.seed, 'init'));
}

/** The masks' own random stream for a run. */
export function maskStream(config: Config): Rng {
  return Rng.stream(config.seed, 'masks');
}

/**
 * Builds the problem. Given data overrides n and d; given weights override m. The config returned in the
 * problem is updated to match them.
 */
export function makeProblem(config: Config, data?: Dataset, init?: Weights): Problem {
  const ds = data ?? makeData(config);
  const cfg: Config = { ...config, n: ds.X.rows, d: ds.X.cols, m: init ? init.W.rows : config.m };
  const w = init ?? makeInit(cfg);
  const sp = spectrum(ds.X, lazyTheoryApplies(cfg) ? null : settingKernel(ds.X, cfg));
  const scheme = schemeOf(cfg, sp);
  return { config: cfg, data: ds, init: w, spectrum: sp, eta: scheme.eta, scheme };
}

/** The same data, initialization and spectrum under another run's scheme settings (a compared run). */
export function withSettings(problem: Problem, config: Config): Problem {
  const cfg: Config = { ...config, n: problem.config.n, d: problem.config.d, m: problem.config.m };
  const scheme = schemeOf(cfg, problem.spectrum);
  return { ...problem, config: cfg, eta: scheme.eta, scheme };
}
