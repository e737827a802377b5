/**
 * The error direction by direction (THEORY.md I.3): each followed eigendirection of H^∞ measured against its prediction
 * over rounds, and at the current round as bars (mean part and floor stacked, milestones), with the eigenvectors drawn
 * on circle data; which direction sets the rate and which hold the neighbourhood, in words.
 */
import { useMemo, useRef } from 'react';

import { modeTheory } from '../../../core/masked/modes';
import { schemeOf } from '../../../core/masked/summary';
import { FollowedColumn } from '../../../plots/columns';
import { drawModeBars, drawModeCurves, shade } from '../../../plots/modesChart';
import { sampleRounds } from '../../../plots/transforms';
import { useRun } from '../../../state/store';
import { ChartBox } from '../../shared/ChartBox';
import { fmtNum } from '../../shared/format';
import { Refs } from '../../shared/Refs';

export function ModesPanel() {
  const version = useRun((s) => s.version);
  const basis = useRun((s) => s.basis);
  const config = useRun((s) => s.config);
  const pending = useRun((s) => s.basisPending);
  const samples = useRun((s) => s.samples);
  const theory = useMemo(
    () => (basis ? modeTheory(basis.spectrum, schemeOf(config, basis.spectrum), basis.c0, basis.modes.index) : null),
    [basis, config],
  );
  const { modeHistory: rows } = useRun.getState();
  const followed = useRef<FollowedColumn[]>([]);
  const angles = samples[0]?.circle?.trainAngle ?? null;
  if (!basis || !theory)
    return (
      <section className="view-section" data-panel="modes" aria-label="The error direction by direction">
        <h2>The error direction by direction</h2>
        <p className="small" role="status">
          {pending
            ? 'The spectrum of H^∞ is being computed; the modes appear when it arrives.'
            : 'Waiting for the run…'}
        </p>
      </section>
    );
  const K = theory.lambda.length;
  const floors = Array.from(theory.floor);
  const R = floors.reduce((a, b) => a + b, 0);
  const order = floors.map((f, j) => [f, j] as const).sort((a, b) => b[0] - a[0]);
  const holding = R > 0 ? order.slice(0, Math.min(3, K)).map(([, j]) => j + 1) : [];
  const zero = theory.lambda[0] <= 1e-12 * theory.lambda[K - 1];
  const last = rows.at(-1)?.round ?? 0;
  const measuredNow = rows.at(-1)?.values ?? null;
  return (
    <section className="view-section" data-panel="modes" aria-label="The error direction by direction">
      <h2>The error direction by direction</h2>
      <p className="small">
        {zero
          ? `λ_0 = 0: direction 1 does not contract at all — the data make H^∞ singular (equally spaced angles with even n, or parallel inputs), so the error there never falls. `
          : `Direction 1 (λ = ${fmtNum(theory.lambda[0])}) is the slowest: it sets the rate. `}
        {holding.length
          ? `The neighbourhood lives in the fast directions: ${holding.join(', ')} hold ${fmtNum((100 * holding.reduce((s, j) => s + floors[j - 1], 0)) / R)} % of R.`
          : 'No floor: every direction falls toward zero (GD, or IST at leading order).'}{' '}
        <Refs text="(I.3)" />
      </p>
      <ChartBox
        name="modes"
        every={250}
        title={`(v_i·e_k)² in ${K} eigendirections of H^∞`}
        help={`Each of ${K} eigendirections of H^∞${K < basis.spectrum.n ? ' (the slowest and the fastest)' : ''}: measured (solid) against predicted (dashed); dark: slow, light: fast.`}
        legend={[
          {
            label: 'slowest direction',
            mark: 'line',
            colour: shade(0, K),
            help: 'Direction 1: the smallest λ_i, which sets the rate.',
          },
          {
            label: 'fastest',
            mark: 'line',
            colour: shade(K - 1, K),
            help: `Direction ${K}: the largest λ_i followed.`,
          },
          {
            label: 'predicted',
            mark: 'dashed',
            colour: 'var(--muted)',
            help: 'Each direction’s predicted mean part plus its floor (I.3).',
          },
        ]}
        height={220}
        version={`${version}|${K}`}
        paint={(layers, size) => {
          const bins = Math.round(2 * size.width);
          if (followed.current.length !== K || followed.current[0]?.summary.maxBins !== bins)
            followed.current = Array.from({ length: K }, () => new FollowedColumn('linear', bins));
          const measured = followed.current.map((f, j) =>
            f.followRows(
              rows,
              rows.length,
              (i) => rows[i].round,
              (i) => rows[i].values[j],
            ),
          );
          drawModeCurves(layers, { theory, measured, last, predictedRounds: sampleRounds(0, last, 200, false) }, size);
        }}
      />
      <ChartBox
        name="mode-bars"
        every={250}
        title={`Each direction at round ${last}`}
        help={`Predicted mean part over its floor (stacked), measured (tick), milestones (the round the mean part falls below the floor)${angles ? '; above each bar its eigenvector around the circle' : ''}.`}
        legend={[
          {
            label: 'floor',
            mark: 'band',
            colour: 'var(--predicted)',
            help: 'The direction’s own floor C_i: the part of R it holds.',
          },
          {
            label: 'mean part',
            mark: 'band',
            colour: 'var(--accent)',
            help: 'The predicted mean part, still falling at the direction’s own rate.',
          },
          { label: 'measured', mark: 'line', colour: 'var(--fg)', help: '(v_i·e_k)² measured at this round.' },
        ]}
        height={200}
        version={`${version}|${K}|${angles ? 1 : 0}`}
        draw={(svg, size) =>
          drawModeBars(
            svg,
            { theory, round: last, measured: measuredNow, vectors: angles ? basis.modes.vectors : null, angles },
            size,
          )
        }
      />
    </section>
  );
}
