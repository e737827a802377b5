/**
 * Every predicted number for a run, from its spectrum and settings: what the CLI's `theory` prints and the
 * app's theory panel shows. One place, so both always agree.
 */
import type { Config } from './config';
import { dominantTerm, guarantee } from './guarantee';
import { masksInputs } from './inputNoise';
import { initScales, lazyTheoryApplies } from './network';
import { splitsData } from './split';
import {
  etaAuto,
  etaStable,
  IST_RADIUS_NOTE,
  radiusBound,
  radiusLazy,
  radiusSmallEta,
  radiusStab,
  rate,
  type Scales,
  type SchemeParams,
  type Spectrum,
  theta,
  widthRequired,
} from './theory';

/** Defaults of the width heuristic: failure probability δ and horizon K (THEORY.md C.5). */
export const WIDTH_DEFAULTS = { delta: 0.1, rounds: 1000 } as const;

export interface TheorySummary {
  /**
   * Whether the lazy-limit prediction (radius, rate, curve) describes the setting (ReLU, first layer, NTK init, clean
   * inputs, every worker seeing all the data).
   */
  lazyLimit: boolean;
  theta: number;
  lambda0: number;
  lambdaMax: number;
  /** λ_max of the setting's NTK at initialization, which the auto step and the stability limit use. */
  lambdaMaxSetting: number;
  eta: number;
  etaAuto: number;
  etaStable: number;
  radius: number;
  radiusSmallEta: number;
  radiusBound: number;
  rate: number;
  rateSquaredLoss: number;
  rStab: number;
  mReq: number;
  delta: number;
  horizon: number;
  /** The paper's own bound (THEORY.md C.2), in the app's convention: which statement, its rate, B_1 and the orders of its conditions. */
  paperTheorem: string;
  paperCorollary: string;
  paperRate: number;
  paperB1: number;
  paperDominantTerm: string;
  paperWidthOrder: number;
  paperEtaOrder: number;
  notes: string[];
}

/**
 * Why the lazy-limit prediction is withheld for a scheme's inputs and data, in words ('' when it is not): it covers
 * neuron masks on clean inputs that every worker sees whole (THEORY.md C.3), not Gaussian input masks (J.1) nor data
 * split across the workers (J.2).
 */
export function predictionWithheld(c: Pick<Config, 'inputmask' | 'nu' | 'split' | 'p'>): string {
  return [
    masksInputs(c) ? `Gaussian input masks, ν = ${c.nu}` : '',
    splitsData(c) ? `the data split among the ${c.p} workers` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** Whether the lazy-limit prediction describes a configuration: the lazy setting, clean inputs, whole data. */
export function predictionApplies(c: Config): boolean {
  return lazyTheoryApplies(c) && !predictionWithheld(c);
}

/** Why the lazy-limit prediction does not describe a configuration, in words. */
export function notLazyWhy(c: Config): string {
  return [
    c.act !== 'relu' ? 'GELU activation' : '',
    c.layers !== 'first' ? 'both layers trained' : '',
    c.init !== 'ntk' ? `${c.init === 'he' ? 'He' : 'LeCun'} initialization` : '',
    predictionWithheld(c),
  ]
    .filter(Boolean)
    .join(', ');
}

/** The scheme parameters of a config, with η resolved ("auto" = 0.1·ξ/λ_max). */
export function schemeOf(config: Config, sp: Pick<Scales, 'stepLambdaMax'>): SchemeParams {
  const eta = config.eta === 'auto' ? etaAuto(sp, config.xi) : config.eta;
  return {
    xi: config.xi,
    p: config.p,
    tau: config.tau,
    eta,
    kappa: config.kappa,
    categorical: config.mask === 'categorical',
  };
}

export function summarize(
  config: Config,
  sp: Spectrum,
  yNorm2: number,
  delta: number = WIDTH_DEFAULTS.delta,
  horizon: number = WIDTH_DEFAULTS.rounds,
): TheorySummary {
  const s = schemeOf(config, sp);
  const radius = radiusLazy(sp, s);
  const rho = rate(sp, s);
  const lazyLimit = predictionApplies(config);
  const paper = guarantee(s, { n: sp.n, d: config.d, m: config.m, lambda0: sp.lambda0, rounds: horizon, delta });
  return {
    lazyLimit,
    theta: theta(s.xi, s.p, s.categorical),
    lambda0: sp.lambda0,
    lambdaMax: sp.lambdaMax,
    lambdaMaxSetting: sp.stepLambdaMax,
    eta: s.eta,
    etaAuto: etaAuto(sp, s.xi),
    etaStable: etaStable(sp, s.xi),
    radius,
    radiusSmallEta: radiusSmallEta(sp, s),
    radiusBound: radiusBound(sp.n, s),
    rate: rho,
    rateSquaredLoss: rho * rho,
    rStab: radiusStab(s.kappa, delta, sp.lambda0, sp.n),
    mReq: widthRequired(s, { n: sp.n, lambda0: sp.lambda0, yNorm2, delta, rounds: horizon, rLazy: radius }),
    delta,
    horizon,
    paperTheorem: `Liao & Kyrillidis, arXiv v1, ${paper.theorem}`,
    paperCorollary: paper.corollary,
    paperRate: paper.rate,
    paperB1: paper.B1,
    paperDominantTerm: dominantTerm(paper).name,
    paperWidthOrder: paper.mOrder,
    paperEtaOrder: paper.etaOrder,
    notes: [
      lazyLimit
        ? 'radius, rate and the predicted curve are lazy-limit predictions (derived, THEORY.md C.3), not the paper\u2019s constants.'
        : lazyTheoryApplies(config)
          ? `radius, rate and mReq are the lazy-limit formulas of the same scheme on clean inputs that every worker sees whole; they do not describe this run (${predictionWithheld(config)}), and the app draws no prediction for it.`
          : `radius, rate and mReq are the lazy-limit formulas, which do not apply to this setting (${notLazyWhy(config)}); the auto step uses λ_max of the setting\u2019s own NTK at initialization, lambdaMaxSetting.`,
      ...(masksInputs(config)
        ? [
            'Gaussian input masks (THEORY.md J.1): inputNoise holds the expected loss at initialization split into the smoothed network\u2019s error (closed form) and the masks\u2019 variance (Monte Carlo, with its standard error).',
          ]
        : []),
      ...(splitsData(config)
        ? [
            'Split data (THEORY.md J.2): each worker trains on its own share of the samples; the central paper assumes every worker sees all of them, and no prediction is made here.',
          ]
        : []),
      'mReq is a heuristic (THEORY.md C.5).',
      'paperRate, paperB1 and the paper\u2019s width and step orders (C = 1) are the arXiv v1 statements converted to this app\u2019s convention (THEORY.md C.2).',
      ...(s.categorical ? [IST_RADIUS_NOTE] : []),
    ],
  };
}

/** The activation-stability radius √(2π)·ω₁·δ·λ_0/(16n²) of a ReLU setting (ω₁ the standard deviation of w: κ under
 * the NTK initialization); null for GELU, where no such radius is stated. */
export function stabilityRadius(config: Config, sp: Pick<Spectrum, 'lambda0' | 'n'>): number | null {
  if (config.act !== 'relu') return null;
  return radiusStab(initScales(config, config.m, config.d).w, WIDTH_DEFAULTS.delta, sp.lambda0, sp.n);
}
