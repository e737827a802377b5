/**
 * A step's goal and solution in the editor. "Goal from a measurement": a metric the step's view measures (or one of
 * its settings), its value now and, for a noisy one, its spread over the latest measurements; a threshold proposed
 * for a target ("ten times smaller") never within NOISE_MARGIN × the noise of the value, and how far the step's own
 * link lies from it. Each condition shows whether the app meets it now and by what margin. "Use the current settings
 * as the solution" takes what the lecturer set to reach it.
 */
import { useId, useState } from 'react';

import {
  type Condition,
  conditionLabel,
  GOAL_METRICS,
  type GoalMetric,
  type Op,
  showValue,
  type Value,
} from '../../core/lessons/goals';
import { proposeThreshold, reachOf, startDistance, type Target, TARGETS } from '../../core/lessons/propose';
import { readLink, viewKeys } from '../../core/link';
import { namedKeys, noiseNow, snapshotNow } from '../../state/lessonClient';
import { editStep, useStudio } from '../../state/studioStore';
import { useView } from '../../state/view';
import { useStudioClient } from '../context';
import { useCurrentQuery, useTick } from './useLive';

const OPS_SHOWN: [Op, string][] = [
  ['lt', '<'],
  ['le', '≤'],
  ['gt', '>'],
  ['ge', '≥'],
];

/** A metric's noise as a number (null: not noisy, or not measured yet). */
const noiseOf = (noise: Partial<Record<GoalMetric, Value>>, m: GoalMetric): number | null => {
  const v = noise[m];
  return typeof v === 'number' && v > 0 ? v : null;
};

export function GoalEditor({ index }: { index: number }) {
  const studio = useStudioClient();
  const id = useId();
  const step = useStudio((s) => s.draft.steps[index]);
  const start = useStudio((s) => s.starts[step.uid] ?? null);
  const shown = useView((v) => v.view);
  useCurrentQuery();
  useTick(500);
  const view = readLink(step.link).view;
  const metrics = (Object.keys(GOAL_METRICS) as GoalMetric[]).filter((m) => GOAL_METRICS[m].view === view);
  const [pick, setPick] = useState<string>(view === 'train' ? 'plateau' : metrics[0]);
  const [target, setTarget] = useState<Target>('lower');
  const [typed, setTyped] = useState<{ op: Op; value: string } | null>(null);
  const inView = shown === view;
  const named = namedKeys(step);
  const snap = inView ? snapshotNow(named) : null;
  const noise = inView ? noiseNow(named) : {};
  const isSetting = pick.startsWith('config:');
  const metric = (isSetting ? null : pick) as GoalMetric | null;
  const key = isSetting ? pick.slice('config:'.length) : null;
  const now: Value = !snap ? null : metric ? (snap.runs[0]?.[metric] ?? null) : (snap.config[key as string] ?? null);
  const metricNoise = metric ? noiseOf(noise, metric) : null;
  const proposal =
    metric && typeof now === 'number' && Number.isFinite(now)
      ? proposeThreshold(metric, now, metricNoise, target)
      : null;
  // The condition to add: a setting keeps its value now; a metric takes the proposal, or what the lecturer typed.
  let condition: Condition | null = null;
  if (key !== null && now !== null) condition = { config: key, run: 1, op: 'eq', value: now };
  if (metric && proposal) {
    const value = typed ? Number(typed.value) : (proposal.condition.value as number);
    condition =
      Number.isFinite(value) && typed?.value !== ''
        ? { metric, run: 1, op: typed?.op ?? proposal.condition.op, value }
        : null;
  }
  const goal = step.goal;
  const setGoal = (g: typeof goal) => editStep(index, { goal: g, ...(g ? {} : { solution: null }) });
  const add = () => {
    if (!condition) return;
    const c = condition;
    setGoal(
      goal
        ? { ...goal, conditions: [...goal.conditions, c] }
        : { text: `Reach ${conditionLabel(c)}.`, mode: 'all', conditions: [c] },
    );
    setTyped(null);
  };
  const startOf = (c: Condition) => {
    if (!start || c.metric === undefined) return null;
    return startDistance(c, start.values[c.metric] ?? null, noiseOf(start.noise, c.metric));
  };
  const startNow = condition ? startOf(condition) : null;
  const live = (c: Condition) => {
    if (!snap) return null;
    const v =
      c.config !== undefined ? (snap.config[c.config] ?? null) : (snap.runs[0]?.[c.metric as GoalMetric] ?? null);
    if (c.config !== undefined || c.op === 'eq') return { met: String(v) === String(c.value), text: showValue(v) };
    const r = reachOf(c, v, noiseOf(noise, c.metric as GoalMetric));
    return r ? { met: r.met, text: r.text } : { met: false, text: showValue(v) };
  };
  return (
    <fieldset className="studio-goal">
      <legend>Goal</legend>
      {goal ? (
        <>
          <label>
            What the task says{' '}
            <input type="text" value={goal.text} onChange={(e) => setGoal({ ...goal, text: e.target.value })} />
          </label>
          <ul className="studio-conditions" aria-label="Conditions">
            {goal.conditions.map((c, k) => {
              const l = live(c);
              const d = startOf(c);
              return (
                <li key={k}>
                  <span>
                    <strong>{conditionLabel(c)}</strong>{' '}
                    <button
                      type="button"
                      className="link"
                      onClick={() =>
                        setGoal(
                          goal.conditions.length > 1
                            ? { ...goal, conditions: goal.conditions.filter((_, j) => j !== k) }
                            : null,
                        )
                      }
                      aria-label={`Remove the condition ${conditionLabel(c)}`}
                    >
                      remove
                    </button>
                  </span>
                  {l && (
                    <span className={l.met ? 'small met' : 'small'}>
                      {l.met ? '✓' : '○'} now {l.text}
                    </span>
                  )}
                  {d && <span className={d.enough ? 'small' : 'small warn'}>{d.text}</span>}
                </li>
              );
            })}
          </ul>
          {goal.conditions.length > 1 && (
            <label>
              Reached when{' '}
              <select value={goal.mode} onChange={(e) => setGoal({ ...goal, mode: e.target.value as 'all' | 'any' })}>
                <option value="all">all conditions hold</option>
                <option value="any">any condition holds</option>
              </select>
            </label>
          )}
        </>
      ) : (
        <p className="small">No goal yet: a step without one is read and looked at.</p>
      )}
      <div className="studio-measure" role="group" aria-labelledby={`${id}-measure`}>
        <h4 id={`${id}-measure`}>Goal from a measurement</h4>
        <label htmlFor={`${id}-metric`}>Measure</label>
        <select
          id={`${id}-metric`}
          value={pick}
          onChange={(e) => {
            setPick(e.target.value);
            setTyped(null);
          }}
        >
          <optgroup label="What the app measures">
            {metrics.map((m) => (
              <option key={m} value={m} title={GOAL_METRICS[m].help}>
                {m} — {GOAL_METRICS[m].help}
              </option>
            ))}
          </optgroup>
          <optgroup label="A setting">
            {viewKeys(view).map((k) => (
              <option key={k} value={`config:${k}`}>
                setting {k}
              </option>
            ))}
          </optgroup>
        </select>
        {!inView ? (
          <p className="small">Open the {view} view (the step’s link) to measure.</p>
        ) : (
          <p className="small" data-testid="studio-now">
            Now: <strong>{showValue(now)}</strong>
            {metricNoise !== null && ` ± ${showValue(metricNoise)} (its spread over the latest measurements)`}
            {now === null &&
              metric &&
              (metric === 'plateau'
                ? ' — the plateau is measured once the error has levelled off, often after a few thousand rounds: train the run (Play).'
                : ' — train the run (Play) until it is measured.')}
          </p>
        )}
        {metric && proposal && (
          <>
            <label htmlFor={`${id}-target`}>Target</label>
            <select
              id={`${id}-target`}
              value={target}
              onChange={(e) => {
                setTarget(e.target.value as Target);
                setTyped(null);
              }}
            >
              {(Object.keys(TARGETS) as Target[]).map((t) => (
                <option key={t} value={t}>
                  {TARGETS[t].label}
                </option>
              ))}
            </select>
            <div className="studio-threshold">
              <label>
                Condition {metric}{' '}
                <select
                  aria-label="Comparison"
                  value={typed?.op ?? proposal.condition.op}
                  onChange={(e) =>
                    setTyped({ op: e.target.value as Op, value: typed?.value ?? String(proposal.condition.value) })
                  }
                >
                  {OPS_SHOWN.map(([op, sign]) => (
                    <option key={op} value={op}>
                      {sign}
                    </option>
                  ))}
                </select>
              </label>
              <input
                type="number"
                aria-label="Threshold"
                step="any"
                value={typed?.value ?? String(proposal.condition.value)}
                onChange={(e) => setTyped({ op: typed?.op ?? proposal.condition.op, value: e.target.value })}
              />
            </div>
            <p className="small">Proposed: {proposal.why}.</p>
          </>
        )}
        {startNow && <p className={startNow.enough ? 'small' : 'small warn'}>{startNow.text}</p>}
        {condition && !startNow && metric && (
          <p className="small">
            The step’s own link is not measured yet: open it and train it a while to see how far it is from the
            threshold.
          </p>
        )}
        <button type="button" onClick={add} disabled={!condition}>
          {goal ? 'Add to the goal' : 'Make this the goal'}
        </button>
      </div>
      {goal && (
        <div className="studio-solution">
          <span>
            Solution:{' '}
            {step.solution === null ? <em>none yet</em> : <code>{step.solution || 'the link as it is, trained'}</code>}
          </span>
          <span className="buttons">
            <button type="button" onClick={() => studio.useSolution(index)}>
              Use the current settings as the solution
            </button>
            {step.solution !== null && (
              <button type="button" onClick={() => void studio.openStep(index, true)}>
                Open the solution
              </button>
            )}
          </span>
        </div>
      )}
    </fieldset>
  );
}
