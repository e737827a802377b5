// Header: name, backend and adapter, live rate, status, and the Share button.
import { useState } from 'react';
import { useRun } from '../state/store';

export function Header() {
  const backend = useRun((s) => s.backend);
  const rate = useRun((s) => s.roundsPerSec);
  const status = useRun((s) => s.status);
  const compiling = useRun((s) => s.compiling);
  const [copied, setCopied] = useState(false);
  const share = async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      window.prompt('Copy this link:', location.href);
    }
  };
  return (
    <header className="header">
      <h1>Subnet Lab</h1>
      <span className="backend" title={backend?.note ?? ''} data-testid="backend">
        {backend ? `${backend.name.toUpperCase()} · ${backend.adapter}` : 'choosing a backend…'}
      </span>
      <span className="rate" aria-live="off">{status === 'running' ? `${rate.toFixed(rate < 10 ? 1 : 0)} rounds/s` : ''}</span>
      <span className={`status status-${status}`} data-testid="status" role="status">{compiling && ['starting', 'running', 'paused'].includes(status) ? 'compiling shaders…' : status}</span>
      <button type="button" onClick={share} title="Copy a link that reproduces this run">{copied ? 'Copied' : 'Share'}</button>
    </header>
  );
}
