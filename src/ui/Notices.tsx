// What the link asked for that was changed, and why a run stopped or was refused: always as text.
import { useRun } from '../state/store';
import { useView } from '../state/view';

export function Notices() {
  const messages = useRun((s) => s.linkMessages);
  const notice = useRun((s) => s.notice);
  const backend = useRun((s) => s.backend);
  const forced = useRun((s) => s.forcedBackend);
  const training = useView((v) => v.view === 'train');
  const fellBack = training && backend && (backend.note.includes('failed') || (!forced && backend.name !== 'webgpu'));
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
      {fellBack && (
        <p className="notice info" data-testid="fallback">
          Running on {backend.name.toUpperCase()}. {backend.note}
        </p>
      )}
    </div>
  );
}
