/**
 * The lesson's steps in the editor, in order: each with its title and link, picked to be edited with a click; the
 * step being edited is moved up or down, duplicated or deleted (every change one undo away).
 */
import { readLink } from '../../core/link';
import { deleteStep, duplicateStep, moveStep, useStudio } from '../../state/studioStore';

export function StepList() {
  const steps = useStudio((s) => s.draft.steps);
  const selected = useStudio((s) => s.selected);
  if (!steps.length)
    return (
      <p className="small studio-empty">
        No steps yet. Set the app up as the first step should open — a view, a scheme, the sliders — and press{' '}
        <strong>Add this as a step</strong>.
      </p>
    );
  return (
    <ol className="studio-steps" aria-label="Steps">
      {steps.map((s, i) => {
        const name = `step ${i + 1}`;
        const view = readLink(s.link).view;
        return (
          <li key={s.uid} className={i === selected ? 'on' : undefined}>
            <button
              type="button"
              className="studio-pick"
              aria-current={i === selected ? 'step' : undefined}
              onClick={() => useStudio.setState({ selected: i })}
            >
              <span>
                {i + 1}. {s.title || <em>untitled</em>}
                {s.goal ? ' · task' : ''}
              </span>
              <code className="small">
                {view === 'train' ? '' : `${view}: `}
                {s.link || 'the defaults'}
              </code>
            </button>
            {i === selected && (
              <span className="studio-step-tools">
                <button type="button" onClick={() => moveStep(i, -1)} disabled={i === 0} aria-label={`Move ${name} up`}>
                  ↑ Up
                </button>
                <button
                  type="button"
                  onClick={() => moveStep(i, 1)}
                  disabled={i === steps.length - 1}
                  aria-label={`Move ${name} down`}
                >
                  ↓ Down
                </button>
                <button type="button" onClick={() => duplicateStep(i)} aria-label={`Duplicate ${name}`}>
                  Duplicate
                </button>
                <button type="button" onClick={() => deleteStep(i)} aria-label={`Delete ${name}`}>
                  Delete
                </button>
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
