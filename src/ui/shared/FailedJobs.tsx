// The jobs of a sweep, phase diagram or phase transition lost with their worker twice: which, and why, in words.
const SHOWN = 6;

export function FailedJobs({ failures, what }: { failures: string[]; what: string }) {
  if (!failures.length) return null;
  return (
    <ul className="notice error" role="alert" aria-label={`Failed ${what}`} data-testid="failed-jobs">
      {failures.slice(0, SHOWN).map((f) => (
        <li key={f}>{f}</li>
      ))}
      {failures.length > SHOWN && <li>… and {failures.length - SHOWN} more.</li>}
    </ul>
  );
}
