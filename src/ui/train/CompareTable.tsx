// The compared runs side by side in numbers: each run's η, predicted rate ρ and radius R, and its measured plateau.
import { runLabel } from '../../core/compare';
import { plateauSince } from '../../core/metrics';
import { summarize } from '../../core/summary';
import { useRun } from '../../state/store';
import { fmtNum } from '../shared/format';

const fmt = fmtNum;

export function CompareTable() {
  useRun((s) => s.version);
  const config = useRun((s) => s.config);
  const compare = useRun((s) => s.compare);
  const basis = useRun((s) => s.basis);
  const markers = useRun((s) => s.markers);
  if (!compare.length || !basis) return null;
  const { history, compareHistories } = useRun.getState();
  const histories = [history, ...compareHistories];
  return (
    <table className="numbers compare-numbers" data-testid="compare-numbers">
      <caption>Compared runs (plateau: mean error over the last third, after 300 rounds since the last change)</caption>
      <thead>
        <tr><th scope="col">run</th><th scope="col">η</th><th scope="col">ρ</th><th scope="col">R</th><th scope="col">plateau</th></tr>
      </thead>
      <tbody>
        {[config, ...compare].map((c, i) => {
          const t = summarize(c, basis.spectrum, basis.yNorm2);
          return (
            <tr key={i}>
              <th scope="row"><span className={`swatch run-swatch-${i}`} aria-hidden="true" />{runLabel(c)}</th>
              <td>{fmt(t.eta)}</td><td>{fmt(t.rate)}</td><td>{fmt(t.radius)}</td><td>{fmt(histories[i] ? plateauSince(histories[i], i === 0 ? (markers.at(-1)?.round ?? 0) : 0) : null)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
