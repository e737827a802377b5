/**
 * Goals from a measurement, for the lesson editor: a threshold proposed from a metric's value now and its noise (a
 * factor of the value — "ten times smaller" is 0.1 × now — and never closer to it than PROPOSAL_MARGIN × the noise,
 * rounded to two significant figures away from now), how far a step's own link lies from a threshold in units of its
 * noise (lesson check refuses closer than NOISE_MARGIN), and the margin by which a solution meets it.
 */
import { type Condition, type GoalMetric, marginOf, marginText, NOISE_MARGIN, showValue, type Value } from './goals';

/** What a goal asks of a metric, against its value now. */
export const TARGETS = {
  lower: { label: 'lower than now', factor: 1, below: true },
  half: { label: 'half of now', factor: 0.5, below: true },
  tenth: { label: 'ten times smaller', factor: 0.1, below: true },
  higher: { label: 'higher than now', factor: 1, below: false },
  double: { label: 'twice as large', factor: 2, below: false },
  tenfold: { label: 'ten times larger', factor: 10, below: false },
} as const;
export type Target = keyof typeof TARGETS;

/**
 * How many times its noise a proposed threshold lies at least from the value now: lesson check's NOISE_MARGIN and two
 * more, since the check measures the step's own link on a run of its own, whose value can differ from this one by a
 * noise or two.
 */
export const PROPOSAL_MARGIN = NOISE_MARGIN + 2;

/** v rounded to two significant figures, down (`down`) or up. */
function roundAway(v: number, down: boolean): number {
  if (v === 0) return 0;
  const unit = 10 ** (Math.floor(Math.log10(Math.abs(v))) - 1);
  return Number(((down ? Math.floor(v / unit) : Math.ceil(v / unit)) * unit).toPrecision(2));
}

/** A proposed condition on a metric of the main run, and how it was found, in words. */
export interface Proposal {
  condition: Condition;
  why: string;
}

/**
 * The threshold for `target` on a metric whose value now is `now` with noise `noise` (null or 0: not noisy): the
 * target's factor × now, moved out to PROPOSAL_MARGIN × noise beyond now when the factor alone would be closer.
 */
export function proposeThreshold(metric: GoalMetric, now: number, noise: number | null, target: Target): Proposal {
  const { factor, below, label } = TARGETS[target];
  const away = PROPOSAL_MARGIN * (noise ?? 0);
  const scaled = factor * now;
  const value = roundAway(below ? Math.min(scaled, now - away) : Math.max(scaled, now + away), below);
  const byNoise = below ? now - away < scaled : now + away > scaled;
  const why =
    below && now > 0 && value <= 0
      ? `the noise ${showValue(noise)} is too large for a threshold below ${showValue(now)}: train longer, or choose another target`
      : away > 0 && byNoise
        ? `${PROPOSAL_MARGIN} × the noise ${showValue(noise)} ${below ? 'below' : 'above'} ${showValue(now)}`
        : `${label}: ${factor === 1 ? '' : `${factor} × `}${showValue(now)}`;
  return { condition: { metric, run: 1, op: below ? 'lt' : 'gt', value }, why };
}

/** Where a step's own link lies against a condition: what a student who only waits would see. */
export interface StartDistance {
  /** How far the link's value is from meeting the condition (≤ 0: it meets it already). */
  distance: number;
  /** Far enough: not met, and at least NOISE_MARGIN × the noise away (what lesson check asks). */
  enough: boolean;
  text: string;
}

/** How far the step's own link (its value `start`, with noise `noise`) is from the condition; null: not comparable. */
export function startDistance(c: Condition, start: Value, noise: number | null): StartDistance | null {
  const margin = marginOf(c, start);
  if (margin === null) return null;
  const at = `The step's own link measures ${showValue(start)}${noise ? ` ± ${showValue(noise)}` : ''}`;
  if (margin >= 0)
    return { distance: -margin, enough: false, text: `${at}: it meets the goal already — nothing left to do.` };
  const distance = -margin;
  if (!noise)
    return { distance, enough: true, text: `${at}: ${showValue(distance)} from the threshold (it is not noisy).` };
  const times = distance / noise;
  const enough = times >= NOISE_MARGIN;
  return {
    distance,
    enough,
    text: enough
      ? `${at}: ${showValue(distance)} from the threshold, ${showValue(times)} × its noise (lesson check asks for ${NOISE_MARGIN} ×).`
      : `${at}: only ${showValue(times)} × its noise from the threshold — a student could reach it by waiting; lesson check asks for ${NOISE_MARGIN} × (move it at least ${showValue(NOISE_MARGIN * noise)} from ${showValue(start)}).`,
  };
}

/** How a value reached (a solution's, or the app's now) meets a condition: the margin, and whether it is thin. */
export interface Reach {
  met: boolean;
  /** The margin is within the run's noise (lesson check warns). */
  thin: boolean;
  text: string;
}

export function reachOf(c: Condition, now: Value, noise: number | null): Reach | null {
  const margin = marginOf(c, now);
  if (margin === null) return null;
  const thin = margin >= 0 && noise !== null && noise > 0 && margin < noise;
  const met = c.op === 'lt' || c.op === 'gt' ? margin > 0 : margin >= 0;
  return {
    met,
    thin,
    text: met
      ? `${showValue(now)}: ${marginText(c, margin, noise)}${thin ? ' — within the noise' : ''}`
      : `${showValue(now)}: not met (${showValue(-margin)} short)`,
  };
}
