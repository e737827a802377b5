// What the link asked for that was changed, why a run stopped or was refused (always as text), and which backend
// runs and why — a line that can be dismissed, shrunk to an icon in presentation mode and in an embed.
import { useState } from 'react';

import { useRun } from '../state/store';
import { useView } from '../state/view';

export function Notices() {
  const messages = useRun((s) => s.linkMessages);
  const notice = useRun((s) => s.notice);
  const backend = useRun((s) => s.backend);
  const forced = useRun((s) => s.forcedBackend);
  const training = useView((v) => v.view === 'train');
  const compact = useView((v) => v.presenting || v.embed !== null);
  const [dismissed, setDismissed] = useState(false);
  const [open, setOpen] = useState(false);
  const fellBack = training && backend && (backend.note.includes('failed') || (!forced && backend.name !== 'webgpu'));
  const why = fellBack ? `Running on ${backend.name.toUpperCase()}. ${backend.note}` : '';
  return (
    <div className="notices">
      {training && notice && (
        <p className="notice error" role="alert" data-testid="notice">
          {notice}
        </p>
      )}
      {messages.length > 0 && (
        <div className="notice" data-testid="link-messages">
          <strong>The link was corrected:</strong>
          <ul>
            {messages.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      {fellBack && compact && (
        <span className="notice-icon">
          <button
            type="button"
            className="info"
            aria-expanded={open}
            aria-label="Which backend runs, and why"
            onClick={() => setOpen(!open)}
          >
            i
          </button>
          {open && (
            <span className="small" data-testid="fallback">
              {why}
            </span>
          )}
        </span>
      )}
      {fellBack && !compact && !dismissed && (
        <p className="notice info" data-testid="fallback">
          {why}{' '}
          <button type="button" className="link" onClick={() => setDismissed(true)} aria-label="Hide the backend note">
            Hide
          </button>
        </p>
      )}
    </div>
  );
}
