/**
 * What the lesson editor captures from the app as it is: a step's link with only the keys that differ from the
 * defaults, and a solution — the keys that, set over the step's link, open the settings the lecturer has now (the
 * pace left out: it is how a run is watched, not what reaches a goal). Both compare links by the settings they open,
 * as the app writes them (core/link.ts linkQuery), and leave out what a scheme fixes or derives (ξ of IST, the mask)
 * while keeping what the lecturer chose (IST's p = 4, though IST starts there).
 */
import { linkProblems, linkQuery, readLink } from '../link';
import { defaultPace, PACE_KEYS } from '../pace';
import { solvedLink } from './format';

/** Keys that belong to the address, not to a step's settings. */
const NOT_SETTINGS = ['backend', 'present', 'embed', 'panels', 'controls', 'lesson', 'step'];

/** The settings a query opens, as the app writes them (no backend, presentation or embed keys). */
function settingsOf(query: string): string {
  return linkQuery({ ...readLink(query), backend: null, presenting: false, embed: null });
}

/** A query string as a lesson file writes it: commas and colons kept readable. */
const written = (p: URLSearchParams) => p.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');

/** Settings a scheme fixes or derives from p: left out wherever the settings stay the same without them. */
const FOLLOWERS = ['xi', 'tau', 'mask'];

/**
 * Each key of `params` in turn left out where the settings `opens` gives stay `target` and its value is not a choice:
 * the value `base` has for it (the defaults, or the step's link), or one a scheme sets.
 */
function dropUnneeded(
  params: URLSearchParams,
  target: string,
  opens: (p: URLSearchParams) => string,
  base: URLSearchParams,
): void {
  for (const key of [...new Set(params.keys())]) {
    if (base.get(key) !== params.get(key) && !FOLLOWERS.includes(key)) continue;
    const without = new URLSearchParams(params);
    without.delete(key);
    if (opens(without) === target) params.delete(key);
  }
}

/** The view's defaults, as allSettings spells them. */
const defaultsOf = (query: string) => {
  const view = readLink(query).view;
  return allSettings(view === 'train' ? '' : `view=${view}`);
};

/** The query with only the keys that differ from the defaults; it opens exactly what `query` opens. */
export function minimalQuery(query: string): string {
  const target = settingsOf(query);
  const params = new URLSearchParams(query.replace(/^\?/, ''));
  for (const k of NOT_SETTINGS) params.delete(k);
  dropUnneeded(params, target, (p) => settingsOf(p.toString()), defaultsOf(query));
  return written(params);
}

/** Every setting a query opens, with the ones the app leaves out at their defaults (the pace, no compared runs) spelled out. */
function allSettings(query: string): URLSearchParams {
  const params = new URLSearchParams(settingsOf(query).replace(/^\?/, ''));
  if (readLink(query).view !== 'train') return params;
  const pace = defaultPace();
  for (const k of PACE_KEYS) if (!params.has(k)) params.set(k, String(pace[k]));
  if (!params.has('compare')) params.set('compare', '');
  return params;
}

/** Every setting a query opens but the pace (how a run is watched, not what it trains). */
function unpaced(query: string): URLSearchParams {
  const p = allSettings(query);
  for (const k of PACE_KEYS) p.delete(k);
  return p;
}

/** Whether two links open the same settings (the pace aside). */
export const sameSettings = (a: string, b: string): boolean => written(unpaced(a)) === written(unpaced(b));

/**
 * The solution that opens `current` from the step's `link`: the fewest keys to set over the link, "" when the link
 * opens it already — or null when `current` is in another view than the link (a solution stays in its step's view).
 */
export function solutionFrom(link: string, current: string): string | null {
  if (readLink(link).view !== readLink(current).view) return null;
  const target = written(unpaced(current));
  const opens = (p: URLSearchParams) => written(unpaced(solvedLink(link, written(p))));
  const params = unpaced(current);
  const from = unpaced(link);
  for (const [k, v] of [...params]) if (from.get(k) === v) params.delete(k);
  dropUnneeded(params, target, opens, defaultsOf(link));
  const solution = written(params);
  return opens(params) === target && !linkProblems(solvedLink(link, solution)).length ? solution : null;
}
