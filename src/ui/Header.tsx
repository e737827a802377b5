/**
 * Header: name, the view tabs, a status chip (the training run's backend, rate and status; which backend runs and why
 * on a tap), and the Share, present, lessons, theory, theme and help buttons — on a phone, behind a Menu button.
 */
import { useState } from 'react';

import type { ViewName } from '../core/link';
import { useLesson } from '../state/lessonStore';
import { useRun } from '../state/store';
import { nextTheme, openTheory, useView } from '../state/view';
import { PHONE, useMedia } from './shared/useMedia';

const VIEW_TABS: [ViewName, string][] = [
  ['train', 'Masked training'],
  ['regimes', 'Width regimes'],
  ['altmin', 'AltMin'],
];

/** The backend and the run's state in a few words, with why this backend on a tap. */
function StatusChip() {
  const backend = useRun((s) => s.backend);
  const rate = useRun((s) => s.roundsPerSec);
  const status = useRun((s) => s.status);
  const compiling = useRun((s) => s.compiling);
  const view = useView((v) => v.view);
  const [open, setOpen] = useState(false);
  // Only the GPU backends compile shaders.
  const shaders = compiling && (backend?.name === 'webgpu' || backend?.name === 'webgl');
  const state =
    view !== 'train'
      ? view === 'altmin'
        ? 'float64 in a worker'
        : `phase diagram on ${backend ? backend.name.toUpperCase() : '…'}`
      : shaders && ['starting', 'running', 'paused'].includes(status)
        ? 'compiling shaders…'
        : status === 'running'
          ? `${rate.toFixed(rate < 10 ? 1 : 0)} rounds/s`
          : status;
  const note = backend ? `${backend.name.toUpperCase()} · ${backend.adapter}. ${backend.note}` : 'Choosing a backend…';
  return (
    <span className="status-chip-wrap">
      <button
        type="button"
        className={`status-chip status-${view === 'train' ? status : 'ready'}`}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        data-testid="backend"
        title={backend?.note ?? ''}
      >
        <span className="chip-backend">{backend ? backend.name.toUpperCase() : '…'}</span>
        <span className="chip-state" data-testid="status" role="status">
          {state}
        </span>
        <span className="sr-only">: which backend runs, and why</span>
      </button>
      {open && (
        <span className="chip-details small" data-testid="backend-note">
          {note}
        </span>
      )}
    </span>
  );
}

function HeaderButtons() {
  const theme = useView((v) => v.theme);
  const presenting = useView((v) => v.presenting);
  return (
    <>
      <button
        type="button"
        onClick={() => useView.setState({ share: true })}
        title="A link that reproduces this run, and the iframe to embed it"
      >
        Share
      </button>
      <button
        type="button"
        onClick={() => useView.setState({ presenting: !presenting })}
        aria-pressed={presenting}
        title="Presentation: large type for a projector, a compact bar of controls (p)"
      >
        Present
      </button>
      <button type="button" onClick={() => useLesson.setState({ listOpen: true })} title="Guided lessons on the papers">
        Lessons
      </button>
      <button type="button" onClick={() => openTheory('')} title="Every formula the app computes, with its status">
        Theory
      </button>
      <button
        type="button"
        onClick={nextTheme}
        aria-label={`Theme: ${theme}`}
        title={`Theme: ${theme} — follow the system, light or dark (t)`}
      >
        {theme === 'system' ? '◐' : theme === 'light' ? '☀' : '☾'}
      </button>
      <button
        type="button"
        onClick={() => useView.setState({ help: true })}
        title="Keyboard shortcuts (?)"
        aria-label="Help"
      >
        ?
      </button>
    </>
  );
}

function ViewTabs() {
  const view = useView((v) => v.view);
  return (
    <nav className="view-tabs" aria-label="Views">
      {VIEW_TABS.map(([v, label]) => (
        <button
          key={v}
          type="button"
          aria-current={view === v ? 'page' : undefined}
          onClick={() => useView.setState({ view: v })}
        >
          {label}
        </button>
      ))}
    </nav>
  );
}

export function Header() {
  const phone = useMedia(PHONE);
  const [menu, setMenu] = useState(false);
  if (phone)
    return (
      <header className="header phone">
        <h1>Subnet Lab</h1>
        <StatusChip />
        <button type="button" className="menu-button" aria-expanded={menu} onClick={() => setMenu(!menu)}>
          Menu
        </button>
        {menu && (
          // A tap on any button in the menu closes it.
          <div className="header-menu" onClick={(e) => e.target instanceof HTMLButtonElement && setMenu(false)}>
            <ViewTabs />
            <nav className="header-buttons" aria-label="View">
              <HeaderButtons />
            </nav>
          </div>
        )}
      </header>
    );
  return (
    <header className="header">
      <h1>Subnet Lab</h1>
      <ViewTabs />
      <StatusChip />
      <nav className="header-buttons" aria-label="View">
        <HeaderButtons />
      </nav>
    </header>
  );
}
