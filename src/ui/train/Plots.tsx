// The live plots: error with predictions (compared runs overlaid), NTK eigenvalues, lazy-training diagnostics, radius against p and τ (lazy setting), the neuron strip; then sweeps.
import { useMemo } from 'react';

import { runLabel } from '../../core/masked/compare';
import { type Config, serializeConfig } from '../../core/masked/config';
import { guarantee, startError } from '../../core/masked/guarantee';
import type { History } from '../../core/masked/metrics';
import { lazyTheoryApplies } from '../../core/masked/network';
import { notLazyWhy, schemeOf, WIDTH_DEFAULTS } from '../../core/masked/summary';
import { predictedCurve, radiusLazy, type SchemeParams } from '../../core/masked/theory';
import type { PanelName } from '../../core/panels';
import type { TheoryBasis } from '../../engine/protocol';
import { drawErrorChart } from '../../plots/errorChart';
import { drawNeuronStrip, STRIP_NEURONS } from '../../plots/neuronStrip';
import { drawNtkChart } from '../../plots/ntkChart';
import { drawRadiusChart } from '../../plots/radiusChart';
import { sampleRounds } from '../../plots/transforms';
import { usePace } from '../../state/pace';
import { useRun } from '../../state/store';
import { ChartBox } from '../shared/ChartBox';
import { fmtNum } from '../shared/format';
import { Diagnostics } from './Diagnostics';
import { ErrorChartTools } from './ErrorChartTools';
import { FunctionPanel } from './function/FunctionPanel';
import { ModesPanel } from './modes/ModesPanel';
import { SweepPanel } from './SweepPanel';
import { usePlateaus } from './usePlateaus';

const PREDICTION_POINTS = 400;
/** float32's rounding level of ‖y − u‖², relative to ‖y‖² (THEORY.md I.3): where R = 0 the prediction stops there. */
const ROUNDING = 1e-13;
const P_VALUES = Array.from({ length: 16 }, (_, i) => i + 1);
const TAU_VALUES = Array.from({ length: 20 }, (_, i) => i + 1);

/** The paper's bound for the main run: rate^k·‖y − u_0‖² + B_1 (Theorem 3), or rate^k·C²n + its term (Theorem 7). */
function guaranteeCurve(c: Config, s: SchemeParams, basis: TheoryBasis, err0: number) {
  const g = guarantee(s, {
    n: basis.spectrum.n,
    d: c.d,
    m: c.m,
    lambda0: basis.spectrum.lambda0,
    rounds: WIDTH_DEFAULTS.rounds,
    delta: WIDTH_DEFAULTS.delta,
  });
  return {
    rate: g.rate,
    B1: g.B1,
    e0: startError(g, basis.spectrum.n, basis.yMax, err0),
    label: `Liao & Kyrillidis, arXiv v1, ${g.theorem}`,
  };
}

/** The charts a presentation or an embed can show on their own. */
export const CHART_PANELS: PanelName[] = [
  'error',
  'function',
  'modes',
  'ntk',
  'diagnostics',
  'radius',
  'neurons',
  'sweep',
];

/** The latest λ_min with its bound, and the subnetworks' (ξ·λ_min), for the NTK plot's title; empty before the first. */
function ntkLatest(h: History): string {
  let at = h.ntkMin.length - 1;
  while (at >= 0 && !Number.isFinite(h.ntkMin[at])) at--;
  if (at < 0) return '';
  const sub = Number.isFinite(h.subNtkMin[at])
    ? `; subnetworks ${fmtNum(h.subNtkMin[at])} to ${fmtNum(h.subNtkMax[at])} ± ${fmtNum(h.subNtkBound[at])} (unnormalized)`
    : '';
  return `. Round ${h.round[at]}: λ_min = ${fmtNum(h.ntkMin[at])} ± ${fmtNum(h.ntkMinBound[at])}${sub}`;
}

interface PlotsProps {
  /** Only these panels (presentation mode, an embed); every chart when absent. */
  only?: readonly PanelName[];
  /** The height of each chart there (the error plot's, and the others' where they fit). */
  chartHeight?: number | 'fill';
}

export function Plots({ only, chartHeight }: PlotsProps = {}) {
  const shows = (p: PanelName) => !only || only.includes(p);
  const version = useRun((s) => s.version);
  const config = useRun((s) => s.config);
  const basis = useRun((s) => s.basis);
  const markers = useRun((s) => s.markers);
  const masks = useRun((s) => s.masks);
  const compare = useRun((s) => s.compare);
  const runs = useMemo(() => [config, ...compare], [config, compare]);
  const maskRows = useRun((s) => s.maskRows);
  const pace = usePace();
  const h = useRun.getState().history;
  const last = h.round.length ? h.round[h.round.length - 1] : 0;
  const measured = usePlateaus();
  const lazy = lazyTheoryApplies(config);
  const runKey = runs.map((c) => serializeConfig(c)).join('|');
  // The theory basis of a large problem arrives after training has started: the charts that use it redraw then.
  const basisKey = basis ? basis.spectrum.n : 0;
  const sweeps = useMemo(() => {
    if (!basis || !lazy) return null;
    return runs.map((c) => {
      const sc = schemeOf(c, basis.spectrum);
      return {
        label: runLabel(c),
        p: c.p,
        tau: c.tau,
        byP: P_VALUES.map((p) => radiusLazy(basis.spectrum, { ...sc, p, xi: sc.categorical ? 1 / p : sc.xi })),
        byTau: TAU_VALUES.map((tau) => radiusLazy(basis.spectrum, { ...sc, tau })),
      };
    });
  }, [basis, lazy, runs]);
  const radiusRuns = (key: 'byP' | 'byTau') =>
    (sweeps ?? []).map((r, i) => ({
      label: r.label,
      radius: r[key],
      current: key === 'byP' ? r.p : r.tau,
      measured: measured[i]?.plateau?.mean ?? null,
    }));
  return (
    <section className="plots" aria-label="Plots">
      {shows('error') && (
        <ChartBox
          name="error"
          panel="error"
          title={`Training error ‖y − u_k‖² (log) — ${lazy ? 'dashed: lazy-limit prediction; shaded: below R_now, the neighbourhood from the current conjugate kernel (dashed line: R_lazy, from the initialization’s); dotted: the paper’s guarantee; where R = 0 (GD, IST at leading order) the prediction stops at float32’s rounding level, about 1e−13·‖y‖²' : `the lazy-limit prediction does not apply to this setting (${notLazyWhy(config)}), so none is drawn`}${compare.length ? '; one colour per compared run' : ''}`}
          height={chartHeight ?? 260}
          version={`${version}|${basisKey}|${runKey}|${pace.xaxis}|${pace.window}`}
          draw={(svg, size) => {
            if (!basis) return;
            const { xaxis, window: shownRounds } = usePace.getState();
            const first = shownRounds === 'all' ? 0 : Math.max(0, last - shownRounds);
            const predictedRounds = sampleRounds(first, last, PREDICTION_POINTS, xaxis === 'log');
            const histories = [h, ...useRun.getState().compareHistories];
            drawErrorChart(
              svg,
              {
                // A run whose history is not there yet (the comparison is restarting) is drawn from the next frame.
                runs: runs.slice(0, histories.length).map((c, i) => {
                  const sc = schemeOf(c, basis.spectrum);
                  const hi = histories[i];
                  if (!lazy) return { label: runLabel(c), rounds: hi.round, err: hi.err, predicted: [], radius: 0 };
                  return {
                    label: runLabel(c),
                    rounds: hi.round,
                    err: hi.err,
                    radiusNow: hi.radiusNow,
                    predicted: predictedCurve(basis.spectrum, sc, basis.c0, predictedRounds),
                    radius: radiusLazy(basis.spectrum, sc),
                    floor: ROUNDING * basis.yNorm2,
                    ist: sc.categorical,
                    guarantee: i === 0 && hi.err.length ? guaranteeCurve(c, sc, basis, hi.err[0]) : null,
                  };
                }),
                predictedRounds,
                markers,
                xaxis,
                window: shownRounds === 'all' ? null : shownRounds,
              },
              size,
            );
          }}
        >
          <ErrorChartTools />
        </ChartBox>
      )}
      {shows('ntk') && (
        <ChartBox
          name="ntk"
          panel="ntk"
          title={`λ_min of the empirical NTK H(W_k)${compare.length ? ' (main run)' : ''}, whiskers: ± its residual bound; ${lazy ? 'line: λ_0 = λ_min(H^∞); ' : ''}band: ξ·λ_min of the subnetworks’ NTKs${ntkLatest(h)}`}
          height={typeof chartHeight === 'number' ? chartHeight : 200}
          version={`${version}|${basisKey}`}
          draw={(svg, size) =>
            drawNtkChart(
              svg,
              {
                rounds: h.round,
                ntkMin: h.ntkMin,
                bound: h.ntkMinBound,
                subMin: h.subNtkMin,
                subMax: h.subNtkMax,
                xi: config.xi,
                lambda0: lazy && basis ? basis.spectrum.lambda0 : null,
              },
              size,
            )
          }
        />
      )}
      {shows('function') && <FunctionPanel height={typeof chartHeight === 'number' ? chartHeight : undefined} />}
      {shows('modes') && <ModesPanel />}
      {shows('diagnostics') && <Diagnostics />}
      {lazy && shows('radius') && (
        <div className="pair" data-panel="radius">
          <ChartBox
            name="radius-p"
            title={`Neighbourhood R_lazy against p (dot: now; square: measured plateau${compare.length ? '; one colour per run' : ''})`}
            height={170}
            version={`${version}|${basisKey}|${runKey}`}
            draw={(svg, size) =>
              sweeps &&
              drawRadiusChart(svg, { label: 'subnetworks p', values: P_VALUES, runs: radiusRuns('byP') }, size)
            }
          />
          <ChartBox
            name="radius-tau"
            title="Neighbourhood R_lazy against τ"
            height={170}
            version={`${version}|${basisKey}|${runKey}`}
            draw={(svg, size) =>
              sweeps &&
              drawRadiusChart(svg, { label: 'local steps τ', values: TAU_VALUES, runs: radiusRuns('byTau') }, size)
            }
          />
        </div>
      )}
      {shows('neurons') && (
        <ChartBox
          name="neurons"
          panel="neurons"
          title={`Neurons each subnetwork holds this round (first ${STRIP_NEURONS})`}
          height={Math.min(240, 18 * Math.max(1, maskRows) + 4)}
          version={`${version}|${maskRows}`}
          draw={(svg, size) => drawNeuronStrip(svg, masks, maskRows, size)}
        />
      )}
      {shows('sweep') && <SweepPanel />}
    </section>
  );
}
