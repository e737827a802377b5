// What the link asked for that was changed, and why a run stopped or was refused — always as text. (Which backend
// runs and why is the header's status chip.)
import { useRun } from '../state/store';
import { useView } from '../state/view';

export function Notices() {
  const messages = useRun((s) => s.linkMessages);
  const notice = useRun((s) => s.notice);
  const training = useView((v) => v.view === 'train');
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
    </div>
  );
}
