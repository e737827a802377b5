// Three table cells for a run's measured plateau: mean ± standard error (with its rounds and batches), and measured/R_lazy and measured/R_now.
import { fmtNum } from '../shared/format';
import type { MeasuredRun } from './usePlateaus';

const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(b) ? fmtNum(a / b) : '—');

export function PlateauCells({ run }: { run: MeasuredRun | undefined }) {
  const p = run?.plateau;
  if (!run || !p) {
    const why = run ? `The plateau is measured from about ${run.needs} rounds after the last change.` : '';
    return (
      <>
        <td title={why}>{run ? `from ~${fmtNum(run.needs)}` : '…'}</td>
        <td>…</td>
        <td>…</td>
      </>
    );
  }
  return (
    <>
      <td title={`${p.rounds} rounds from round ${p.from}, ${p.batches} batches of ${p.batchLength}`}>
        {fmtNum(p.mean)} ± {fmtNum(p.se)}
      </td>
      <td>{ratio(p.mean, run.radiusLazy)}</td>
      <td>{ratio(p.mean, run.radiusNow)}</td>
    </>
  );
}
