// The compared runs side by side in numbers: each run's η, predicted rate ρ and radius R, its measured plateau and the ratios.
import { runLabel } from '../../core/masked/compare';
import { summarize } from '../../core/masked/summary';
import { useRun } from '../../state/store';
import { fmtNum } from '../shared/format';
import { Refs } from '../shared/Refs';
import { PlateauCells } from './PlateauCells';
import { usePlateaus } from './usePlateaus';

const fmt = fmtNum;

export function CompareTable() {
  useRun((s) => s.version);
  const config = useRun((s) => s.config);
  const compare = useRun((s) => s.compare);
  const basis = useRun((s) => s.basis);
  const measured = usePlateaus();
  if (!compare.length || !basis) return null;
  return (
    // Seven columns are wider than the panel on narrow screens: the table scrolls inside it (focusable, for keyboards).
    <div className="table-scroll" tabIndex={0} role="group" aria-label="Compared runs, in numbers">
      <table className="numbers compare-numbers" data-testid="compare-numbers">
        <caption>
          <Refs text="Compared runs (plateau ± standard error once the prediction has settled (H.1); ratios: measured / predicted)" />
        </caption>
        <thead>
          <tr>
            <th scope="col">run</th>
            <th scope="col">η</th>
            <th scope="col">ρ</th>
            <th scope="col">R_lazy</th>
            <th scope="col">plateau</th>
            <th scope="col">/ R_lazy</th>
            <th scope="col">/ R_now</th>
          </tr>
        </thead>
        <tbody>
          {[config, ...compare].map((c, i) => {
            const t = summarize(c, basis.spectrum, basis.yNorm2);
            return (
              <tr key={i}>
                <th scope="row">
                  <span className={`swatch run-swatch-${i}`} aria-hidden="true" />
                  {runLabel(c)}
                </th>
                <td>{fmt(t.eta)}</td>
                <td>{fmt(t.rate)}</td>
                <td>{fmt(t.radius)}</td>
                <PlateauCells run={measured[i]} />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
