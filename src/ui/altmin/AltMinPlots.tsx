// AltMin and GD side by side from the same data and start: ‖W^t − W*‖ and the loss on log axes (shared), each with its fitted rate ρ.
import type { AltMinTraceOut } from '../../core/altmin/traces';
import { drawAltMinChart } from '../../plots/altminChart';
import { logDomain } from '../../plots/transforms';
import { useAltMin } from '../../state/altminStore';
import { useView } from '../../state/view';
import { ChartBox } from '../shared/ChartBox';
import { fmtNum } from '../shared/format';

/** Below float64 rounding the curves say nothing: the axis stops at 1e−16 (the loss, a square, falls further). */
const FLOOR = 1e-16;
const floored = ([lo, hi]: [number, number]): [number, number] => [Math.max(lo, FLOOR), Math.max(hi, FLOOR * 10)];

const NAMES = { altmin: 'Alternating minimization', gd: 'Gradient descent' } as const;

function rateText(t: AltMinTraceOut): string {
  if (!t.rate) return 'rate: too few iterations above the float64 floor to fit';
  if (t.rate.rho >= 1) return `no linear convergence (fitted ρ = ${fmtNum(t.rate.rho)})`;
  return `ρ = ${fmtNum(t.rate.rho)} per iteration (fit over iterations ${t.rate.from}–${t.rate.to})`;
}

export function AltMinPlots() {
  // On a projector the two plots fill the screen below the settings.
  const presenting = useView((v) => v.presenting);
  const traces = useAltMin((s) => s.traces);
  const status = useAltMin((s) => s.traceStatus);
  const message = useAltMin((s) => s.traceMessage);
  const seconds = useAltMin((s) => s.traceSeconds);
  const yDomain = traces
    ? floored(logDomain(traces.altmin.dist, traces.altmin.loss, traces.gd.dist, traces.gd.loss))
    : ([1e-3, 1] as [number, number]);
  return (
    <section
      className="stack"
      data-panel="traces"
      aria-label="AltMin against gradient descent"
      aria-busy={status === 'running'}
    >
      {message && (
        <p className="notice error" role="alert">
          {message}
        </p>
      )}
      <p className="small" data-testid="altmin-status" role="status">
        {status === 'running'
          ? 'Running AltMin and GD in the worker…'
          : traces
            ? `Both runs took ${seconds.toFixed(1)} s in the worker (float64).`
            : ''}
      </p>
      <div className="pair">
        {(['altmin', 'gd'] as const).map((m) => (
          <ChartBox
            key={m}
            name={`altmin-${m}`}
            title={NAMES[m]}
            help="‖W^t − W*‖ (relative) and the loss on a log axis against the iteration; a straight line is linear convergence."
            legend={[
              {
                label: '‖W^t − W*‖',
                mark: 'line',
                colour: 'var(--run0)',
                help: 'The distance to the teacher’s weights, relative to ‖W*‖.',
              },
              { label: 'loss', mark: 'dotted', colour: 'var(--run1)', help: 'The loss (1/2n)‖f(X) − y‖².' },
              {
                label: 'fitted rate ρ',
                mark: 'dotted',
                colour: 'var(--fg)',
                help: 'The linear rate fitted to ‖W^t − W*‖ over the iterations it names.',
              },
            ]}
            height={presenting ? 'fill' : 260}
            version={`${traces ? traces[m].dist.length : 0}|${traces?.[m].dist.at(-1)}|${yDomain.join()}`}
            draw={(svg, size) =>
              traces &&
              drawAltMinChart(svg, { dist: traces[m].dist, loss: traces[m].loss, rate: traces[m].rate, yDomain }, size)
            }
          />
        ))}
      </div>
      {traces && (
        <div className="rates" data-testid="altmin-rates">
          {(['altmin', 'gd'] as const).map((m) => (
            <div key={m}>
              <p>
                <strong>{NAMES[m]}</strong>: {rateText(traces[m])}
              </p>
              <p className="small">
                final ‖W − W*‖ = {fmtNum(traces[m].dist.at(-1) ?? null)} after {traces[m].dist.length - 1} iterations
                {traces[m].eta !== null ? `, step η = ${fmtNum(traces[m].eta)}` : ''}
                {traces[m].stopped ? ` — stopped: ${traces[m].stopped}` : ''}
                {traces[m].minNorm
                  ? ` — ${traces[m].minNorm} least-squares steps had no unique solution (n < dk or a neuron with no active sample): the minimum-norm solution was taken`
                  : ''}
                .
              </p>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
