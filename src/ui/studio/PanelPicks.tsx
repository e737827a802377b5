/**
 * "Focus this panel" on every panel of the view while the editor is open: a button at each panel's top right corner
 * (kept there as the page scrolls and the layout moves) that makes the panel the edited step's focus — and the focus
 * of the steps added next. The button of the panel in focus is pressed.
 */
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';

import { readLink } from '../../core/link';
import { isPanel, type PanelName, PANELS } from '../../core/panels';
import { editStep, useStudio } from '../../state/studioStore';

interface Spot {
  name: PanelName;
  top: number;
  right: number;
}

/** Whether something else (a chart pinned over the page on a phone) lies over the panel at a point. */
function covered(panel: HTMLElement, x: number, y: number): boolean {
  const over = document.elementsFromPoint(x, y).find((e) => !e.closest('.panel-picks'));
  return over !== undefined && !panel.contains(over);
}

/** Where each panel on screen has its button (a panel drawn twice has one, on its first). */
function spots(): Spot[] {
  const out: Spot[] = [];
  for (const el of document.querySelectorAll<HTMLElement>('[data-panel]')) {
    const name = el.dataset.panel ?? '';
    if (!isPanel(name) || out.some((s) => s.name === name) || el.closest('.studio')) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 60 || r.height < 30 || r.bottom < 40 || r.top > innerHeight - 30) continue;
    const top = Math.max(r.top, 0) + 2;
    if (covered(el, r.right - 12, top + 8)) continue;
    out.push({ name, top, right: innerWidth - r.right + 2 });
  }
  return out;
}

const same = (a: Spot[], b: Spot[]) =>
  a.length === b.length && a.every((s, i) => s.name === b[i].name && s.top === b[i].top && s.right === b[i].right);

function pick(name: PanelName): void {
  const { selected, draft } = useStudio.getState();
  useStudio.setState({ focus: name });
  const step = selected !== null ? draft.steps[selected] : undefined;
  if (step && readLink(step.link).view === PANELS[name])
    editStep(selected as number, { focus: name, hide: step.hide.filter((p) => p !== name) });
}

export function PanelPicks() {
  const [at, setAt] = useState<Spot[]>([]);
  const focus = useStudio((s) => {
    const step = s.selected !== null ? s.draft.steps[s.selected] : undefined;
    return step ? step.focus : s.focus;
  });
  useEffect(() => {
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const next = spots();
        setAt((old) => (same(old, next) ? old : next));
      });
    };
    update();
    const timer = setInterval(update, 700);
    addEventListener('scroll', update, true);
    addEventListener('resize', update);
    return () => {
      cancelAnimationFrame(frame);
      clearInterval(timer);
      removeEventListener('scroll', update, true);
      removeEventListener('resize', update);
    };
  }, []);
  return createPortal(
    <div className="panel-picks">
      {at.map((s) => (
        <button
          key={s.name}
          type="button"
          style={{ top: s.top, right: s.right }}
          aria-pressed={focus === s.name}
          aria-label={focus === s.name ? `In focus: ${s.name}` : `Focus this panel: ${s.name}`}
          data-pick={s.name}
          onClick={() => pick(s.name)}
        >
          {focus === s.name ? '✓ In focus' : 'Focus this panel'}
        </button>
      ))}
    </div>,
    document.body,
  );
}
