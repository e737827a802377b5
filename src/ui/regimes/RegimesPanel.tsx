// The regimes plot — required widths against n with the measured phase diagram underneath — its progress, CSV, and the widths at the current n.
import { useId } from 'react';

import {
  listOf,
  measuredBoundary,
  type PhaseCell,
  phaseCellsCsv,
  type PhaseMetric,
  REGIMES,
} from '../../core/regimes/regimes';
import { tickText } from '../../plots/frame';
import { curveRange, drawRegimesChart, widthsTop } from '../../plots/regimesChart';
import { useRegimes } from '../../state/regimesStore';
import { useRun } from '../../state/store';
import { useView } from '../../state/view';
import { ChartBox, type LegendItem } from '../shared/ChartBox';
import { download } from '../shared/download';
import { FailedJobs } from '../shared/FailedJobs';
import { fmtNum } from '../shared/format';
import { secondsLeft } from '../shared/progress';
import { useTheory } from '../shared/useTheory';

const MEASURE: Record<PhaseMetric, { key: keyof PhaseCell; label: string }> = {
  success: { key: 'success', label: 'fraction of seeds reaching ε' },
  move: { key: 'maxMove', label: 'median largest neuron move' },
  flip: { key: 'flipFrac', label: 'median flipped-sign fraction' },
  ntk: { key: 'ntkShift', label: 'median ‖H(K) − H(0)‖/‖H(0)‖' },
};

/** The curves the widths axis fits: the ones that matter at teaching sizes; the others are clipped with a marker. */
const FITTING: string[] = ['counting', 'song', 'oymak'];

function cellTitle(c: PhaseCell): string {
  return (
    `n = ${c.n}, m = ${c.m}: ${Math.round(c.success * c.seeds)} of ${c.seeds} seeds reached ε (median ‖y − u_K‖²/‖y − u_0‖² = ${fmtNum(c.medianRatio)}); ` +
    `median largest move ${fmtNum(c.maxMove)}, flipped signs ${fmtNum(c.flipFrac)}, NTK drift ${fmtNum(c.ntkShift)}`
  );
}

export function RegimesPanel() {
  const st = useRegimes();
  // On a projector the two plots sit side by side and fill the screen below the settings.
  const presenting = useView((v) => v.presenting);
  const config = useRun((r) => r.config);
  const id = useId();
  const ran = st.ran ?? { settings: st.settings, d: config.d };
  const ns = listOf(ran.settings.ns);
  const ms = listOf(ran.settings.ms);
  const measure = MEASURE[st.settings.show];
  const done = new Map(st.cells.map((c) => [`${c.n}|${c.m}`, c]));
  const cells =
    st.phaseStatus === 'idle'
      ? []
      : ns.flatMap((n) =>
          ms.map((m) => {
            const c = done.get(`${n}|${m}`);
            return {
              n,
              m,
              value: c ? (c[measure.key] as number) : null,
              fewerParams: m * ran.d < n,
              title: c ? cellTitle(c) : `n = ${n}, m = ${m}: not run yet`,
            };
          }),
        );
  const curves = REGIMES.map((r) => ({
    key: r.key,
    label: `${r.label} — ${r.status}`,
    points: st.curves.map((p) => ({ n: p.n, m: p.widths[r.key] })),
    fits: FITTING.includes(r.key),
  }));
  const boundary = measuredBoundary(st.cells);
  // Curves far above the ones that fit are clipped at the plot's top: the legend says how wide they are.
  const top = widthsTop(curves, [...boundary.map((p) => p.m), config.m]);
  const regimesLegend: LegendItem[] = [
    ...curves.map((c, k) => {
      const range = curveRange(c);
      return {
        label:
          range && range[1] > top
            ? `${REGIMES[k].label.split(':')[0]}: ${tickText(range[0])}–${tickText(range[1])} ↑`
            : REGIMES[k].label,
        mark: 'line' as const,
        className: `regime regime-${k}`,
        help: `${c.label}${range && range[1] > top ? ` — from ${tickText(range[0])} to ${tickText(range[1])} over these n, above the plot (the triangle marks where it leaves it)` : ''}.`,
      };
    }),
    ...(boundary.length
      ? [
          {
            label: 'measured boundary',
            mark: 'point' as const,
            className: 'boundary-point',
            help: 'The smallest width of the grid where at least half the seeds reach ε.',
          },
        ]
      : []),
    { label: 'this run', mark: 'diamond' as const, className: 'current-point', help: 'The training view’s (n, m).' },
  ];
  const here = st.curves.find((p) => p.n === config.n);
  // The full Theorem 3 order at the training view's n, with the B₁ term the curves leave out (it needs the error term).
  const theory = useTheory();
  const running = st.phaseStatus === 'running';
  return (
    <div className="stack">
      <p className="small" role="status" data-testid="curves-status">
        {st.curvesStatus === 'running'
          ? 'Computing λ_0(n) of the data in use for the curves…'
          : st.curves.length
            ? `Curves from λ_0(n) of ${useRun.getState().config.data} data at d = ${config.d}, n = ${st.curves[0].n} to ${st.curves[st.curves.length - 1].n}; δ = 0.1, K = 1000.`
            : ''}
      </p>
      <div className="charts-row">
        <ChartBox
          name="regimes"
          panel="widths"
          title="Required width against n (log–log)"
          help="One curve per regime; dots: the measured boundary; diamond: the training view’s (n, m)."
          legend={regimesLegend}
          height={presenting ? 'fill' : 400}
          version={`${st.curves.length}|${st.cells.length}|${config.n}|${config.m}`}
          draw={(svg, size) =>
            drawRegimesChart(
              svg,
              {
                mode: 'widths',
                curves,
                boundary,
                cells: [],
                fraction: true,
                current: { n: config.n, m: config.m },
                ns: [],
                ms: [],
              },
              size,
            )
          }
        />
        {cells.length > 0 && (
          <ChartBox
            name="phase"
            panel="phase"
            title={`Measured phase diagram: ${measure.label}`}
            help={`The ${measure.label} per (n, m), hatched where m·d < n (fewer parameters than samples), the regimes on top.`}
            height={presenting ? 'fill' : 420}
            version={`${st.curves.length}|${st.cells.length}|${st.settings.show}|${st.phaseStatus}`}
            draw={(svg, size) =>
              drawRegimesChart(
                svg,
                {
                  mode: 'phase',
                  curves,
                  boundary,
                  cells,
                  fraction: st.settings.show === 'success',
                  current: null,
                  ns,
                  ms,
                },
                size,
              )
            }
          />
        )}
      </div>
      {st.rowsTotal > 0 && (
        <div className="sweep-progress">
          <progress
            id={`${id}-progress`}
            max={1}
            value={st.workTotal ? st.workDone / st.workTotal : 0}
            aria-label="Phase diagram progress"
          />
          <output htmlFor={`${id}-progress`} data-status={st.phaseStatus}>
            {st.rowsDone} / {st.rowsTotal} rows of n{secondsLeft(running, st.elapsedMs, st.workDone, st.workTotal)}
            {st.phaseStatus === 'cancelled' ? ' · cancelled' : st.phaseStatus === 'done' ? ' · done' : ''}
          </output>
          <button
            type="button"
            onClick={() => download('subnet-lab-phase.csv', phaseCellsCsv(st.cells), 'text/csv')}
            disabled={!st.cells.length}
          >
            Phase CSV
          </button>
        </div>
      )}
      <FailedJobs failures={st.failures} what="rows" />
      {st.phaseMessage && (
        <p className="notice error" role="alert">
          {st.phaseMessage}
        </p>
      )}
      {st.messages.length > 0 && (
        <ul className="notice info" aria-label="Settings corrected">
          {st.messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      {here && (
        <table className="numbers" data-testid="widths-now">
          <caption className="small">
            Required widths at the training view’s n = {here.n} (λ_0 = {fmtNum(here.lambda0)}); its width is m ={' '}
            {config.m}
          </caption>
          <tbody>
            {REGIMES.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <td>{Number.isFinite(here.widths[r.key]) ? fmtNum(here.widths[r.key]) : 'infinite (λ_0 = 0)'}</td>
                <td className="status-label">{here.widths[r.key] <= config.m ? 'm is above' : 'm is below'}</td>
              </tr>
            ))}
            {theory && (
              <tr>
                <th scope="row">
                  Liao &amp; Kyrillidis v1, Theorem 3 with its B₁ term (the training view’s guarantee)
                </th>
                <td>{fmtNum(theory.paperWidthOrder)}</td>
                <td className="status-label">{theory.paperWidthOrder <= config.m ? 'm is above' : 'm is below'}</td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </div>
  );
}
