/**
 * The editor's check: every step's solution run in a Web Worker exactly as `lesson check` runs it, and per step the
 * value reached, the threshold, the margin, the rounds it took — a warning where the margin is within the run's own
 * noise, and the reason where a step fails (its own link reaches the goal, a threshold within the noise of where it
 * starts, a goal missed).
 */
import { useId } from 'react';

import { showValue } from '../../core/lessons/goals';
import type { StepOutcome } from '../../engine/protocol';
import { draftText, useStudio } from '../../state/studioStore';
import { useStudioClient } from '../context';

function verdict(o: StepOutcome): { mark: string; cls: string; words: string } {
  if (!o.ok) return { mark: '✗', cls: 'fail', words: 'fails' };
  if (o.warning) return { mark: '⚠', cls: 'warn', words: 'passes, with a warning' };
  return { mark: '✓', cls: 'ok', words: 'passes' };
}

export function CheckReport() {
  const studio = useStudioClient();
  const id = useId();
  const check = useStudio((s) => s.check);
  const draft = useStudio((s) => s.draft);
  const stale = check.text !== null && check.text !== draftText(draft);
  const done = check.outcomes.filter((o) => o !== null) as StepOutcome[];
  return (
    <section className="studio-check" aria-labelledby={`${id}-title`} data-testid="studio-check">
      <h3 id={`${id}-title`}>Check</h3>
      <p className="small">
        Runs every step’s solution in the background, as <code>lesson check</code> does: the goal must be reached with a
        margin, and not by the step’s own link.
      </p>
      <div className="buttons">
        {check.running ? (
          <button type="button" onClick={() => studio.cancelCheck()}>
            Cancel the check
          </button>
        ) : (
          <button type="button" onClick={() => void studio.check()} disabled={!draft.steps.length}>
            Check every step
          </button>
        )}
        <span role="status" className="small" data-testid="studio-check-status">
          {check.running
            ? `Checking step ${(check.current ?? 0) + 1} of ${check.outcomes.length}…`
            : done.length && done.length === check.outcomes.length
              ? `${done.filter((o) => o.ok).length} of ${done.length} steps pass${stale ? ' — the lesson has changed since' : ''}.`
              : ''}
        </span>
      </div>
      {check.error && (
        <p className="notice error" role="alert">
          {check.error}
        </p>
      )}
      {done.length > 0 && (
        <table className="studio-results">
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">Value</th>
              <th scope="col">Threshold</th>
              <th scope="col">Margin</th>
              <th scope="col">Rounds</th>
            </tr>
          </thead>
          {done.map((o) => {
            const v = verdict(o);
            const rows = o.conditions.length ? o.conditions : [null];
            return (
              <tbody key={o.step} className={v.cls} data-testid={`studio-check-${o.step}`}>
                {rows.map((c, k) => (
                  <tr key={k}>
                    {k === 0 && (
                      <th scope="row" rowSpan={rows.length}>
                        <span aria-label={v.words}>{v.mark}</span> {o.step}
                      </th>
                    )}
                    <td className="num">{c ? showValue(c.value) : '—'}</td>
                    <td>{c ? c.label : 'no goal'}</td>
                    <td>
                      {c?.margin != null ? showValue(c.margin) : '—'}
                      {c?.margin != null && c.noise ? (
                        <span className="small"> ({showValue(c.margin / c.noise)} × noise)</span>
                      ) : null}
                    </td>
                    {k === 0 && <td rowSpan={rows.length}>{o.round || '—'}</td>}
                  </tr>
                ))}
                {(o.warning || !o.ok) && (
                  <tr>
                    <td colSpan={5} className="small">
                      {o.ok ? `Warning: ${o.warning}.` : o.line}
                    </td>
                  </tr>
                )}
              </tbody>
            );
          })}
        </table>
      )}
    </section>
  );
}
