// The recovery phase transition (ISIT 2019 Fig. 1a): fraction of trials recovered against n for AltMin and GD from the model's two starts,
// with the n = dk and n = dk² lines; progress, time left, cancel (finished trials stay) and CSV.
import { useEffect, useId, useState } from 'react';

import { paperStarts } from '../../core/altmin/config';
import { phaseCsv, phaseRows, RECOVERY_TOL } from '../../core/altmin/phase';
import { drawRecoveryChart, type RecoverySeries } from '../../plots/recoveryChart';
import { useAltMin } from '../../state/altminStore';
import { useAltMinClient } from '../context';
import { ChartBox } from '../shared/ChartBox';
import { download } from '../shared/download';
import { FailedJobs } from '../shared/FailedJobs';
import { secondsLeft } from '../shared/progress';

export function PhasePanel() {
  const client = useAltMinClient();
  const s = useAltMin();
  const id = useId();
  const [ns, setNs] = useState(s.config.ns);
  const [trials, setTrials] = useState(String(s.config.trials));
  // The form shows what the settings became (a link, or corrections of what was typed).
  useEffect(() => setNs(s.config.ns), [s.config.ns]);
  useEffect(() => setTrials(String(s.config.trials)), [s.config.trials]);
  const run = () => {
    client.set({ ns, trials });
    void client.startPhase();
  };
  const running = s.phaseStatus === 'running';
  const c = s.phaseConfig ?? s.config;
  const rows = phaseRows(s.results);
  const ended = s.results.length + s.failures.length;
  const starts = paperStarts(c.model);
  const series: RecoverySeries[] = (['altmin', 'gd'] as const).flatMap((method, mi) =>
    starts.map((start, si) => ({
      label: `${method === 'altmin' ? 'AltMin' : 'GD'}, ${start} start`,
      slot: mi,
      dashed: si === 1,
      points: rows
        .filter((r) => r.method === method && r.start === start)
        .map((r) => ({ n: r.n, fraction: r.recovered / r.trials, trials: r.trials })),
    })),
  );
  const dk = c.d * c.k;
  const nMax = Math.max(...c.ns.split(',').map(Number));
  return (
    <section className="view-section" data-panel="recovery" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Recovery phase transition — Jagatap &amp; Hegde, ISIT 2019, Fig. 1a</h2>
      <div className="sweep-form">
        <label>
          values of n <input type="text" value={ns} disabled={running} onChange={(e) => setNs(e.target.value)} />
        </label>
        <label>
          trials per n{' '}
          <input
            type="number"
            min={1}
            max={100}
            value={trials}
            disabled={running}
            onChange={(e) => setTrials(e.target.value)}
          />
        </label>
      </div>
      <p className="small">
        Each trial draws new data and a new teacher (d = {s.config.d}, k = {s.config.k}, ‖W*‖_F = {s.config.gamma}) and
        runs AltMin ({s.config.iters} iterations) and GD ({s.config.gdIters} iterations) from the{' '}
        {starts.join(' and the ')} start; it is <em>recovered</em> when ‖W^T − W*‖ is below {RECOVERY_TOL} of
        {c.model === 'skip' ? ' ‖W* + I‖_F (the paper’s rule)' : ' ‖W*‖_F'}. Trials run on several workers at once.
      </p>
      <div className="buttons">
        <button type="button" onClick={run} disabled={running}>
          Run phase transition
        </button>
        <button type="button" onClick={() => client.cancelPhase()} disabled={!running}>
          Cancel
        </button>
        <button
          type="button"
          onClick={() => download('subnet-lab-altmin-phase.csv', phaseCsv(rows), 'text/csv')}
          disabled={!rows.length}
        >
          Phase CSV
        </button>
      </div>
      {s.total > 0 && (
        <div className="sweep-progress">
          <progress id={`${id}-progress`} max={s.total} value={ended} aria-label="Phase transition progress" />
          <output htmlFor={`${id}-progress`} data-status={s.phaseStatus}>
            {ended} / {s.total} trials
            {secondsLeft(s.phaseStatus === 'running', s.elapsedMs, ended, s.total)}
            {s.phaseStatus === 'cancelled' ? ' · cancelled' : s.phaseStatus === 'done' ? ' · done' : ''}
          </output>
        </div>
      )}
      <FailedJobs failures={s.failures} what="trials" />
      {s.phaseMessage && (
        <p className="notice error" role="alert">
          {s.phaseMessage}
        </p>
      )}
      {s.total > 0 && (
        <ChartBox
          name="altmin-phase"
          title="Fraction of trials recovered against n"
          help="One line per method and start: solid, the first start; dashed, a random start. The vertical lines are n = dk and the theorem’s order n = dk²."
          legend={series.map((x) => ({
            label: x.label,
            mark: x.dashed ? ('dashed' as const) : ('line' as const),
            colour: `var(--run${x.slot})`,
          }))}
          height={280}
          version={`${s.results.length}|${s.total}`}
          draw={(svg, size) =>
            drawRecoveryChart(
              svg,
              {
                series,
                nMax,
                references: [
                  { n: dk, label: `n = dk = ${dk} (unknowns)` },
                  { n: dk * c.k, label: `n = dk² = ${dk * c.k} (Theorem 1, C = 1)` },
                ],
              },
              size,
            )
          }
        />
      )}
    </section>
  );
}
