/**
 * Every predicted number for a run, from its spectrum and settings: what the CLI's `theory` prints and the
 * app's theory panel shows. One place, so both always agree.
 */
import type { Config } from './config';
import {
  IST_RADIUS_NOTE, etaAuto, etaStable, radiusBound, radiusLazy, radiusSmallEta, radiusStab, rate, theta, widthRequired,
  type SchemeParams, type Spectrum,
} from './theory';

/** Defaults of the width heuristic: failure probability δ and horizon K (MATH.md C.5). */
export const WIDTH_DEFAULTS = { delta: 0.1, rounds: 1000 } as const;

export interface TheorySummary {
  theta: number;
  lambda0: number;
  lambdaMax: number;
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
  notes: string[];
}

/** The scheme parameters of a config, with η resolved ("auto" = 0.1·ξ/λ_max). */
export function schemeOf(config: Config, sp: Spectrum): SchemeParams {
  const eta = config.eta === 'auto' ? etaAuto(sp, config.xi) : config.eta;
  return { xi: config.xi, p: config.p, tau: config.tau, eta, kappa: config.kappa, categorical: config.mask === 'categorical' };
}

export function summarize(config: Config, sp: Spectrum, yNorm2: number, delta: number = WIDTH_DEFAULTS.delta, horizon: number = WIDTH_DEFAULTS.rounds): TheorySummary {
  const s = schemeOf(config, sp);
  const radius = radiusLazy(sp, s);
  const rho = rate(sp, s);
  return {
    theta: theta(s.xi, s.p, s.categorical),
    lambda0: sp.lambda0,
    lambdaMax: sp.lambdaMax,
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
    notes: [
      'radius, rate and the predicted curve are lazy-limit predictions (derived, MATH.md C.3), not the paper\u2019s constants.',
      'mReq is a heuristic (MATH.md C.5).',
      ...(s.categorical ? [IST_RADIUS_NOTE] : []),
    ],
  };
}
