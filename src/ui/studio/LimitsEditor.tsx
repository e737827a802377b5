/**
 * What a step holds fixed and hides: a box per control its view can fix (the student sees it disabled, "fixed in
 * this step") and per panel of its view (not shown in the step). The step's own control, its focus and the panel that
 * holds its control cannot be taken away (the format refuses it).
 */
import { CONTROLS_PANEL, LOCKABLE } from '../../core/lessons/format';
import { keyLabel, readLink } from '../../core/link';
import { type PanelName, PANELS } from '../../core/panels';
import { editStep, useStudio } from '../../state/studioStore';

const toggle = <T,>(list: T[], v: T, on: boolean): T[] => (on ? [...list, v] : list.filter((x) => x !== v));

export function LimitsEditor({ index }: { index: number }) {
  const step = useStudio((s) => s.draft.steps[index]);
  const view = readLink(step.link).view;
  const panels = (Object.keys(PANELS) as PanelName[]).filter((p) => PANELS[p] === view);
  const holder = CONTROLS_PANEL[view];
  const count = step.lock.length + step.hide.length;
  return (
    <details className="studio-limits" open={count > 0}>
      <summary>Fixed controls and hidden panels{count ? ` (${count})` : ''}</summary>
      <fieldset>
        <legend>Controls the student may not change</legend>
        {LOCKABLE[view].map((c) => (
          <label key={c} title={c === step.control ? 'The task is about this control' : undefined}>
            <input
              type="checkbox"
              checked={step.lock.includes(c)}
              disabled={c === step.control}
              onChange={(e) => editStep(index, { lock: toggle(step.lock, c, e.target.checked) })}
            />{' '}
            {keyLabel(view, c)} <span className="small">({c})</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Panels hidden in this step</legend>
        {panels.map((p) => {
          const needed = p === step.focus || (p === holder && step.control !== null);
          return (
            <label key={p} title={needed ? 'The step needs this panel (its focus, or its control)' : undefined}>
              <input
                type="checkbox"
                checked={step.hide.includes(p)}
                disabled={needed}
                onChange={(e) => editStep(index, { hide: toggle(step.hide, p, e.target.checked) })}
              />{' '}
              {p}
            </label>
          );
        })}
      </fieldset>
    </details>
  );
}
