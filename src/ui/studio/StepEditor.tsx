/**
 * One step in the editor: its link (opened, or taken again from the app as it is), its title and text — Markdown
 * with math, previewed as the student will see it — the panel in focus and the control its task is about, its goal
 * and solution, its question and answer, and what it holds fixed or hides.
 */
import { useId } from 'react';

import { sameSettings } from '../../core/lessons/capture';
import { stepControls } from '../../core/lessons/format';
import { readLink } from '../../core/link';
import { type PanelName, PANELS } from '../../core/panels';
import { editStep, useStudio } from '../../state/studioStore';
import { useStudioClient } from '../context';
import { withActions } from '../lessons/actions';
import { Markdown } from '../shared/Markdown';
import { GoalEditor } from './GoalEditor';
import { LimitsEditor } from './LimitsEditor';
import { useCurrentQuery } from './useLive';

export function StepEditor({ index }: { index: number }) {
  const studio = useStudioClient();
  const id = useId();
  const step = useStudio((s) => s.draft.steps[index]);
  const current = useCurrentQuery();
  const view = readLink(step.link).view;
  const here = sameSettings(step.link, current);
  const set = (patch: Parameters<typeof editStep>[1], merge?: string) => editStep(index, patch, merge);
  const panels = (Object.keys(PANELS) as PanelName[]).filter((p) => PANELS[p] === view);
  return (
    <section className="studio-step" aria-labelledby={`${id}-title`} data-testid="studio-step">
      <h3 id={`${id}-title`}>Step {index + 1}</h3>
      <div className="studio-link">
        <span>
          Opens <code>{step.link || 'the defaults'}</code>
          {view !== 'train' ? ` (${view} view)` : ''}
        </span>
        <span className={here ? 'small here' : 'small'} data-testid="studio-here">
          {here ? '● The app shows this step’s link now.' : '○ The app shows other settings now.'}
        </span>
        <span className="buttons">
          <button type="button" onClick={() => void studio.openStep(index)} disabled={here}>
            Open the step’s link
          </button>
          <button type="button" onClick={() => studio.recapture(index)} disabled={here}>
            Take the app as it is now
          </button>
        </span>
      </div>
      <label>
        Title <input type="text" value={step.title} onChange={(e) => set({ title: e.target.value }, 'title')} />
      </label>
      <label htmlFor={`${id}-text`}>
        Text{' '}
        <span className="small">
          (Markdown; math in $…$; {'{Play}'} becomes “Press Play (or Space)”, or “Tap Play” on a phone)
        </span>
      </label>
      <textarea id={`${id}-text`} rows={5} value={step.text} onChange={(e) => set({ text: e.target.value }, 'text')} />
      {step.text.trim() && (
        <div className="studio-preview" role="group" aria-label="The text as the student sees it">
          <Markdown text={withActions(step.text, false)} />
        </div>
      )}
      <div className="studio-row">
        <label>
          Panel in focus{' '}
          <select
            value={step.focus ?? ''}
            onChange={(e) => {
              const focus = (e.target.value || null) as PanelName | null;
              set({ focus, hide: step.hide.filter((p) => p !== focus) });
            }}
          >
            <option value="">none</option>
            {panels.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label>
          The task’s control{' '}
          <select
            value={step.control ?? ''}
            onChange={(e) => {
              const control = e.target.value || null;
              set({ control, lock: step.lock.filter((c) => c !== control) });
            }}
          >
            <option value="">none</option>
            {stepControls(view).map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="small">Or press “Focus this panel” on a panel of the view.</p>
      <GoalEditor index={index} />
      <fieldset className="studio-question">
        <legend>Question (optional)</legend>
        <label>
          Question{' '}
          <input
            type="text"
            value={step.question?.text ?? ''}
            onChange={(e) => {
              const text = e.target.value;
              const answer = step.question?.answer ?? '';
              set({ question: text || answer ? { text, answer } : null }, 'question');
            }}
          />
        </label>
        <label>
          Answer{' '}
          <input
            type="text"
            value={step.question?.answer ?? ''}
            onChange={(e) => {
              const answer = e.target.value;
              const text = step.question?.text ?? '';
              set({ question: text || answer ? { text, answer } : null }, 'answer');
            }}
          />
        </label>
      </fieldset>
      <LimitsEditor index={index} />
    </section>
  );
}
