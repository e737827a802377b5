/**
 * Lesson goals: conditions on what the app measures (a metric of the open view, for the main run or a compared one)
 * or on a configuration key, combined with `all` or `any`, and their evaluation against a snapshot of the app. Pure:
 * the page and `cli lesson check` build the snapshot from their own runs and share this evaluation.
 */
import type { ViewName } from '../link';

export const OPS = ['lt', 'le', 'gt', 'ge', 'eq'] as const;
export type Op = (typeof OPS)[number];
const OP_TEXT: Record<Op, string> = { lt: '<', le: '≤', gt: '>', ge: '≥', eq: '=' };

/** Every metric a goal may name: the view that measures it and what it is, in words. */
export const GOAL_METRICS = {
  round: { view: 'train', help: 'rounds trained since the step opened' },
  err: { view: 'train', help: 'the training error ‖y − u_k‖² at the latest round' },
  plateau: {
    view: 'train',
    help: 'the measured plateau (THEORY.md H.1), once it can be measured (without a prediction: over the latter half of the rounds since the last change)',
  },
  radiusLazy: { view: 'train', help: 'the neighbourhood R_lazy predicted from the initialization (C.3)' },
  radiusNow: { view: 'train', help: 'the neighbourhood R_now from the current conjugate kernel (H.2), latest' },
  ntkMin: { view: 'train', help: 'λ_min of the empirical NTK H(W_k), latest measured' },
  subNtkMin: { view: 'train', help: 'ξ·λ_min of the subnetworks’ NTKs (the lowest), latest measured' },
  lambda0: { view: 'train', help: 'λ_0 = λ_min(H^∞) of the data' },
  maxMove: { view: 'train', help: 'the largest neuron move ‖w_r(k) − w_r(0)‖, latest measured' },
  rStab: { view: 'train', help: 'the activation-stability radius R_stab (C.5)' },
  flipFrac: { view: 'train', help: 'the fraction of activation signs flipped since initialization, latest' },
  ntkShift: { view: 'train', help: '‖H(k) − H(0)‖_F/‖H(0)‖_F, latest measured' },
  guaranteeB1: { view: 'train', help: 'B₁ of the paper’s guarantee (C.2) in units of ‖y − u‖²' },
  guaranteeRatio: { view: 'train', help: 'B₁ divided by ‖y − u_0‖²: below 1 the guarantee says something' },
  status: { view: 'train', help: 'the run’s status: ready, running, paused, diverged, refused' },
  phaseDone: { view: 'regimes', help: 'the fraction of the phase diagram’s rows trained (1 = finished)' },
  boundary: { view: 'regimes', help: 'the measured boundary width at the largest n that has one' },
  boundaryParams: { view: 'regimes', help: 'parameters per sample m·d/n at that boundary (the counting bound is 1)' },
  altminDist: { view: 'altmin', help: 'AltMin’s final distance to the teacher ‖W − W*‖ (relative)' },
  gdDist: { view: 'altmin', help: 'gradient descent’s final distance to the teacher (relative)' },
  altminIters: { view: 'altmin', help: 'the iterations AltMin ran' },
  recoveryDone: { view: 'altmin', help: 'the fraction of the phase transition’s trials done (1 = finished)' },
} as const satisfies Record<string, { view: ViewName; help: string }>;
export type GoalMetric = keyof typeof GOAL_METRICS;

export interface Condition {
  /** A metric (of run `run`, 1 = the main run) or a configuration key of the step's view. */
  metric?: GoalMetric;
  config?: string;
  run: number;
  op: Op;
  value: number | string;
}

export interface Goal {
  text: string;
  mode: 'all' | 'any';
  conditions: Condition[];
}

export type Value = number | string | null;

/** What a goal is checked against: the open view, its configuration, and each run's metrics (main run first). */
export interface Snapshot {
  view: ViewName;
  config: Record<string, Value>;
  runs: Partial<Record<GoalMetric, Value>>[];
}

export interface ConditionState {
  /** "plateau < 0.05", "run 2 plateau < 0.05", "ξ = 0.5". */
  label: string;
  met: boolean;
  /** The value now, null while it is not measured. */
  now: Value;
}

export interface GoalState {
  reached: boolean;
  conditions: ConditionState[];
}

function compare(now: Value, op: Op, target: number | string): boolean {
  if (now === null) return false;
  if (typeof target === 'string' || typeof now === 'string') return op === 'eq' && String(now) === String(target);
  if (!Number.isFinite(now)) return false;
  if (op === 'eq') return Math.abs(now - target) <= 1e-9 * Math.max(1, Math.abs(target));
  return op === 'lt' ? now < target : op === 'le' ? now <= target : op === 'gt' ? now > target : now >= target;
}

/** A value as a condition shows it: short, exponents for very small and very large numbers. */
export function showValue(v: Value): string {
  if (typeof v !== 'number') return v === null ? 'not measured yet' : v;
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-3 || a >= 1e5) ? v.toExponential(2).replace(/\.?0+e/, 'e') : String(+v.toPrecision(3));
}

export function conditionLabel(c: Condition): string {
  const who = c.config !== undefined ? c.config : `${c.run > 1 ? `run ${c.run} ` : ''}${c.metric}`;
  return `${who} ${OP_TEXT[c.op]} ${showValue(c.value)}`;
}

export function evaluateGoal(goal: Goal, snap: Snapshot): GoalState {
  const conditions = goal.conditions.map((c) => {
    const now =
      c.config !== undefined
        ? (snap.config[c.config] ?? null)
        : (snap.runs[c.run - 1]?.[c.metric as GoalMetric] ?? null);
    return { label: conditionLabel(c), met: compare(now, c.op, c.value), now };
  });
  const reached = goal.mode === 'all' ? conditions.every((c) => c.met) : conditions.some((c) => c.met);
  return { reached, conditions };
}

/** How many times a run's own noise a threshold must lie from where a step starts (lesson check refuses closer). */
export const NOISE_MARGIN = 3;

/**
 * How far a value lies inside a numeric condition's threshold (positive: met; negative: not yet), or null where the
 * condition is not a numeric comparison or the value is not measured. `eq` has no side to measure.
 */
export function marginOf(c: Condition, now: Value): number | null {
  if (typeof now !== 'number' || !Number.isFinite(now) || typeof c.value !== 'number' || c.op === 'eq') return null;
  return c.op === 'lt' || c.op === 'le' ? c.value - now : now - c.value;
}

/** A margin in words: "margin 0.0081 (74 % of the threshold, 3.2 × the noise 0.0025)". */
export function marginText(c: Condition, margin: number, noise: number | null): string {
  const parts: string[] = [];
  if (typeof c.value === 'number' && c.value !== 0)
    parts.push(`${Math.round((100 * margin) / Math.abs(c.value))} % of the threshold`);
  if (noise) parts.push(`${showValue(margin / noise)} × the noise ${showValue(noise)}`);
  return `margin ${showValue(margin)}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}
