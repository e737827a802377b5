/**
 * "Converged error" of a run, as the sweeps use it: the mean of err over a trailing window, once the mean of
 * that window differs from the mean of the window before it by at most a relative tolerance.
 */

export interface ConvergeRule {
  /** Window length in rounds. */
  window: number;
  /** Largest relative change between the last two windows' means. */
  tol: number;
}

export const DEFAULT_CONVERGE: ConvergeRule = { window: 100, tol: 0.05 };

export interface Converged {
  /** Mean of err over the last window. */
  value: number;
  /** Whether the last two windows agree within the tolerance. */
  settled: boolean;
}

/** Null while fewer than two windows of rounds exist. */
export function convergedError(err: ArrayLike<number>, rule: ConvergeRule = DEFAULT_CONVERGE): Converged | null {
  const w = rule.window;
  if (err.length < 2 * w) return null;
  let last = 0;
  let prev = 0;
  for (let i = err.length - w; i < err.length; i++) last += err[i];
  for (let i = err.length - 2 * w; i < err.length - w; i++) prev += err[i];
  last /= w;
  prev /= w;
  return { value: last, settled: Number.isFinite(last) && Math.abs(last - prev) <= rule.tol * Math.abs(prev) };
}
