// Header: name, the view tabs, the training run's backend, live rate and status (training view), and the Share, present, theme and help buttons.
import type { ViewName } from '../core/link';
import { useLesson } from '../state/lessonStore';
import { useRun } from '../state/store';
import { nextTheme, openTheory, useView } from '../state/view';

const VIEW_TABS: [ViewName, string][] = [
  ['train', 'Masked training'],
  ['regimes', 'Width regimes'],
  ['altmin', 'AltMin'],
];

export function Header() {
  const backend = useRun((s) => s.backend);
  const rate = useRun((s) => s.roundsPerSec);
  const status = useRun((s) => s.status);
  const compiling = useRun((s) => s.compiling);
  const theme = useView((v) => v.theme);
  const presenting = useView((v) => v.presenting);
  const view = useView((v) => v.view);
  return (
    <header className="header">
      <h1>Subnet Lab</h1>
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
      {view === 'train' ? (
        <>
          <span className="backend" title={backend?.note ?? ''} data-testid="backend">
            {backend ? `${backend.name.toUpperCase()} · ${backend.adapter}` : 'choosing a backend…'}
          </span>
          <span className="rate" aria-live="off">
            {status === 'running' ? `${rate.toFixed(rate < 10 ? 1 : 0)} rounds/s` : ''}
          </span>
          <span className={`status status-${status}`} data-testid="status" role="status">
            {compiling && ['starting', 'running', 'paused'].includes(status) ? 'compiling shaders…' : status}
          </span>
        </>
      ) : (
        <span className="backend">
          {view === 'altmin'
            ? 'float64 JavaScript in a Web Worker'
            : `phase diagram on ${backend ? backend.name.toUpperCase() : '…'}; curves in float64`}
        </span>
      )}
      <nav className="header-buttons" aria-label="View">
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
        <button
          type="button"
          onClick={() => useLesson.setState({ listOpen: true })}
          title="Guided lessons on the four papers"
        >
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
          {theme === 'system' ? '◐' : theme === 'light' ? '☀' : '☾'} Theme
        </button>
        <button
          type="button"
          onClick={() => useView.setState({ help: true })}
          title="Keyboard shortcuts (?)"
          aria-label="Help"
        >
          ?
        </button>
      </nav>
    </header>
  );
}
