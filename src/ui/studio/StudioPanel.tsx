/**
 * The lesson editor: the app as it is, and beside it (a column at the right on a wide screen, a section above the
 * view on a narrow one) the lesson's steps — add the app as it is as a step, pick one to edit, reorder, duplicate,
 * delete, undo — the step being edited, the check and the hand-out. Where this browser keeps nothing (a frame on
 * another site) it says so and offers the file. Each panel of the view gets a "Focus this panel" button.
 */
import './studio.css';

import { useEffect } from 'react';

import { readLink } from '../../core/link';
import { PANELS } from '../../core/panels';
import { draftText, edit, redo, undo, useStudio } from '../../state/studioStore';
import { useView } from '../../state/view';
import { useStudioClient } from '../context';
import { download } from '../shared/download';
import { NARROW, useMedia } from '../shared/useMedia';
import { CheckReport } from './CheckReport';
import { HandOut } from './HandOut';
import { PanelPicks } from './PanelPicks';
import { StepEditor } from './StepEditor';
import { StepList } from './StepList';

export function StudioPanel() {
  const studio = useStudioClient();
  const open = useStudio((s) => s.open);
  const draft = useStudio((s) => s.draft);
  const selected = useStudio((s) => s.selected);
  const canUndo = useStudio((s) => s.past.length > 0);
  const canRedo = useStudio((s) => s.future.length > 0);
  const kept = useStudio((s) => s.kept);
  const message = useStudio((s) => s.message);
  const pending = useStudio((s) => s.focus);
  const view = useView((v) => v.view);
  const narrow = useMedia(NARROW);
  const step = selected !== null ? draft.steps[selected] : undefined;
  // The panel the edited step focuses (or the one the next step will) is highlighted as a student sees it.
  const focus =
    step && readLink(step.link).view === view ? step.focus : pending && PANELS[pending] === view ? pending : null;
  useEffect(() => {
    const root = document.documentElement;
    root.classList.toggle('studio-open', open);
    root.classList.toggle('studio-side', open && !narrow);
    if (open && focus) root.dataset.focus = focus;
    else if (open) delete root.dataset.focus;
    return () => {
      root.classList.remove('studio-open', 'studio-side');
      delete root.dataset.focus;
    };
  }, [open, narrow, focus]);
  if (!open) return null;
  const field = (key: 'id' | 'title' | 'summary', label: string, placeholder?: string) => (
    <label>
      {label}{' '}
      <input
        type="text"
        value={draft[key]}
        placeholder={placeholder}
        onChange={(e) => {
          const value = e.target.value;
          edit((d) => ({ ...d, [key]: value }), `lesson-${key}`);
        }}
      />
    </label>
  );
  return (
    <section className={`studio ${narrow ? 'compact' : 'side'}`} aria-label="Lesson editor" data-testid="studio">
      <div className="studio-bar">
        <h2>Lesson editor</h2>
        <span className="spacer" />
        <button type="button" onClick={undo} disabled={!canUndo} title="Undo the last change of the lesson">
          Undo
        </button>
        <button type="button" onClick={redo} disabled={!canRedo} title="Redo the change undone">
          Redo
        </button>
        <button type="button" onClick={() => studio.close()} aria-label="Leave the editor" title="Leave the editor">
          ×
        </button>
      </div>
      {!kept && (
        <p className="notice" role="status" data-testid="studio-not-kept">
          This browser keeps nothing for this page here (a frame on another site, or storage turned off): the lesson
          lives in this tab only. Save it as a file before you leave.{' '}
          <button type="button" onClick={() => download(`${draft.id}.json`, draftText(draft), 'application/json')}>
            Save file
          </button>
        </p>
      )}
      {message && (
        <p className="notice error" role="alert">
          {message}
        </p>
      )}
      <details className="studio-lesson">
        <summary>
          Lesson: <strong>{draft.title || 'untitled'}</strong>
        </summary>
        {field('title', 'Lesson title')}
        {field('summary', 'Lesson summary', 'What the lesson teaches, in one sentence')}
        {field('id', 'Lesson id (lowercase letters, digits, dashes)')}
      </details>
      <StepList />
      <div className="studio-add">
        <button type="button" className="primary" onClick={() => studio.addStep()}>
          Add this as a step
        </button>
        <span className="small">
          The {view === 'train' ? 'training' : view} view with its settings as they are now
          {pending && PANELS[pending] === view ? `, the ${pending} panel in focus` : ''}.
        </span>
      </div>
      {step && selected !== null && <StepEditor key={step.uid} index={selected} />}
      <CheckReport />
      <HandOut />
      <PanelPicks />
    </section>
  );
}
