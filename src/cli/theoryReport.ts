/** The `theory` command's report: every predicted number for a problem, as one JSON-ready object. */
import { sumSquares } from '../core/matrix';
import type { Problem } from '../core/problem';
import {
  IST_RADIUS_NOTE, etaAuto, etaStable, radiusBound, radiusLazy, radiusSmallEta, radiusStab, rate, theta, widthRequired,
} from '../core/theory';

export function theoryReport(problem: Problem, delta: number, horizon: number): Record<string, unknown> {
  const { spectrum: sp, scheme: s, config: c } = problem;
  const radius = radiusLazy(sp, s);
  const rho = rate(sp, s);
  return {
    scheme: c.scheme,
    n: c.n,
    d: c.d,
    m: c.m,
    theta: theta(s.xi, s.p, s.categorical),
    lambda0: sp.lambda0,
    lambdaMax: sp.lambdaMax,
    eta: s.eta,
    etaAuto: etaAuto(sp, s.xi),
    etaStable: etaStable(sp, s.xi),
    radius,
    radiusSmallEta: radiusSmallEta(sp, s),
    radiusBound: radiusBound(c.n, s),
    rate: rho,
    rateSquaredLoss: rho * rho,
    rStab: radiusStab(s.kappa, delta, sp.lambda0, c.n),
    mReq: widthRequired(s, { n: c.n, lambda0: sp.lambda0, yNorm2: sumSquares(problem.data.y), delta, rounds: horizon, rLazy: radius }),
    delta,
    horizon,
    notes: [
      'radius, rate and the predicted curve are lazy-limit predictions (derived, MATH.md C.3), not the paper\u2019s constants.',
      'mReq is a heuristic (MATH.md C.5).',
      ...(s.categorical ? [IST_RADIUS_NOTE] : []),
    ],
  };
}
