// The live plots: error with predictions (compared runs overlaid), NTK eigenvalues, lazy-training diagnostics, the input
// noise (input masks), radius against p and τ (lazy setting), the neuron strip; then sweeps.
import { useMemo, useRef } from 'react';

import { runLabel } from '../../core/masked/compare';
import { type Config, serializeConfig } from '../../core/masked/config';
import { guarantee, startError } from '../../core/masked/guarantee';
import { masksInputs } from '../../core/masked/inputNoise';
import type { History } from '../../core/masked/metrics';
import { splitsData } from '../../core/masked/split';
import { notLazyWhy, predictionApplies, schemeOf, WIDTH_DEFAULTS } from '../../core/masked/summary';
import { predictedCurve, radiusLazy, type SchemeParams } from '../../core/masked/theory';
import type { PanelName } from '../../core/panels';
import type { TheoryBasis } from '../../engine/protocol';
import { drawErrorChart } from '../../plots/errorChart';
import { drawNeuronStrip, STRIP_NEURONS } from '../../plots/neuronStrip';
import { drawNtkChart } from '../../plots/ntkChart';
import { readPalette } from '../../plots/palette';
import { drawRadiusChart } from '../../plots/radiusChart';
import { sampleRounds } from '../../plots/transforms';
import { usePace } from '../../state/pace';
import { useRun } from '../../state/store';
import { ChartBox, type LegendItem } from '../shared/ChartBox';
import { fmtNum } from '../shared/format';
import { Diagnostics } from './Diagnostics';
import { ErrorChartTools } from './ErrorChartTools';
import { FunctionPanel } from './function/FunctionPanel';
import { ModesPanel } from './modes/ModesPanel';
import { NoisePanel } from './noise/NoisePanel';
import { SeriesCache } from './seriesCache';
import { SweepPanel } from './SweepPanel';
import { usePlateaus } from './usePlateaus';

const PREDICTION_POINTS = 400;
/** float32's rounding level of ‖y − u‖², relative to ‖y‖² (THEORY.md I.3): where R = 0 the prediction stops there. */
const ROUNDING = 1e-13;
const P_VALUES = Array.from({ length: 16 }, (_, i) => i + 1);
/** Runs whose step descends a loss other than the clean one: masked inputs, or each worker's own share of the data. */
const descendsOther = (c: Config) => masksInputs(c) || splitsData(c);
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
  'noise',
  'ntk',
  'diagnostics',
  'radius',
  'neurons',
  'sweep',
];

/** The latest λ_min with its bound, for the NTK plot's title: ": 0.118 ± 0.002 at round 40". */
function ntkLatest(h: History): string {
  let at = h.ntkMin.length - 1;
  while (at >= 0 && !Number.isFinite(h.ntkMin[at])) at--;
  return at < 0 ? '' : `: ${fmtNum(h.ntkMin[at])} ± ${fmtNum(h.ntkMinBound[at])} at round ${h.round[at]}`;
}

interface PlotsProps {
  /** Only these panels (presentation mode, an embed); every chart when absent. */
  only?: readonly PanelName[];
  /** The height of each chart there (the error plot's, and the others' where they fit). */
  chartHeight?: number | 'fill';
  /** `side-by-side`: the charts in one row (presentation mode). */
  className?: string;
}

export function Plots({ only, chartHeight, className }: PlotsProps = {}) {
  const shows = (p: PanelName) => !only || only.includes(p);
  const cache = useRef(new SeriesCache());
  const prediction = useRef<{ key: string; upto: number; rounds: number[]; values: Map<number, ArrayLike<number>> }>({
    key: '',
    upto: -1,
    rounds: [],
    values: new Map(),
  });
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
  const scheme = basis ? schemeOf(config, basis.spectrum) : null;
  const last = h.round.length ? h.round[h.round.length - 1] : 0;
  const measured = usePlateaus();
  const lazy = predictionApplies(config);
  const runKey = runs.map((c) => serializeConfig(c)).join('|');
  // The theory basis of a large problem arrives after training has started: the charts that use it redraw then.
  const basisKey = basis ? basis.spectrum.n : 0;
  const sweeps = useMemo(() => {
    if (!basis || !lazy) return null;
    // A compared run the prediction does not cover (input masks, split data) has no radius curve.
    return runs.flatMap((c, index) => {
      if (!predictionApplies(c)) return [];
      const sc = schemeOf(c, basis.spectrum);
      return {
        index,
        label: runLabel(c),
        p: c.p,
        tau: c.tau,
        byP: P_VALUES.map((p) => radiusLazy(basis.spectrum, { ...sc, p, xi: sc.categorical ? 1 / p : sc.xi })),
        byTau: TAU_VALUES.map((tau) => radiusLazy(basis.spectrum, { ...sc, tau })),
      };
    });
  }, [basis, lazy, runs]);
  const radiusRuns = (key: 'byP' | 'byTau') =>
    (sweeps ?? []).map((r) => ({
      label: r.label,
      radius: r[key],
      current: key === 'byP' ? r.p : r.tau,
      measured: measured[r.index]?.plateau?.mean ?? null,
    }));
  const colour = (i: number) => (compare.length ? `var(--run${i % 4})` : 'var(--accent)');
  const guaranteeNow = basis && scheme && h.err.length ? guaranteeCurve(config, scheme, basis, h.err[0]) : null;
  const errorLegend: LegendItem[] = [
    ...runs.map((c, i) => ({
      label: compare.length ? runLabel(c) : 'measured',
      mark: 'line' as const,
      colour: colour(i),
      help: 'The training error ‖y − u_k‖² of the full network (masks off), every round.',
    })),
    ...(runs.some(descendsOther)
      ? [
          {
            label: 'loss the step descends',
            mark: 'line' as const,
            colour: 'var(--line)',
            help: 'Faint: the loss each round’s step descends — on the masked inputs (input masks), over each worker’s own samples scaled by n/|S_l| (split data) — averaged over the subnetworks (the surrErr column). The bold curve is the clean error, masks off, the quantity the theory bounds.',
          },
        ]
      : []),
    ...(lazy
      ? [
          {
            label: 'lazy-limit prediction',
            mark: 'dashed' as const,
            colour: compare.length ? 'var(--muted)' : 'var(--predicted)',
            help: 'E‖y − u_k‖² predicted in the lazy (NTK) limit from the initialization (THEORY.md C.3). Where R = 0 (GD; IST at leading order) it stops at float32’s rounding level, about 1e−13·‖y‖².',
          },
          {
            label: 'neighbourhood R_now',
            mark: 'band' as const,
            colour: compare.length ? 'var(--muted)' : 'var(--accent)',
            help: 'Below R_now: the neighbourhood predicted from the current conjugate kernel (it moves as training shrinks it, H.2); the dashed line is R_lazy, from the initialization’s.',
          },
        ]
      : []),
    ...(scheme?.categorical && lazy
      ? [
          {
            label: 'IST: R = 0 at leading order',
            mark: 'band' as const,
            colour: 'var(--line)',
            help: 'IST’s partition cancels the masks’ noise at leading order; at finite width its plateau is about c/m.',
          },
        ]
      : []),
    ...(guaranteeNow
      ? [
          {
            label: `guarantee${guaranteeNow.B1 > (h.err[0] ?? Infinity) ? ` above the plot (B₁ = ${fmtNum(guaranteeNow.B1)})` : ''}`,
            mark: 'dotted' as const,
            colour: 'var(--fg)',
            help: `The paper’s own bound (${guaranteeNow.label}): rate^k·‖y − u_0‖² + B₁ (THEORY.md C.2).`,
          },
        ]
      : []),
  ];
  return (
    <section className={className ? `plots ${className}` : 'plots'} aria-label="Plots">
      {shows('error') && (
        <ChartBox
          name="error"
          panel="error"
          title={`Training error ‖y − u_k‖² (log)${compare.length ? ` — ${runs.length} runs, same data and start` : ''}`}
          help={
            lazy
              ? 'Measured error against the lazy-limit prediction (dashed) and the predicted neighbourhood (band).'
              : `The lazy-limit prediction does not apply to this setting (${notLazyWhy(config)}), so none is drawn.`
          }
          legend={errorLegend}
          height={chartHeight ?? 260}
          version={`${version}|${basisKey}|${runKey}|${pace.xaxis}|${pace.window}`}
          paint={(layers, size) => {
            if (!basis) return;
            const { xaxis, window: shownRounds } = usePace.getState();
            const first = shownRounds === 'all' ? 0 : Math.max(0, last - shownRounds);
            // The prediction is sampled ahead of the run and computed again only once the run passes it.
            const key = `${runKey}|${basisKey}|${first}|${xaxis}`;
            if (prediction.current.key !== key || prediction.current.upto < last) {
              const upto = Math.ceil(last * 1.25) + 20;
              prediction.current = {
                key,
                upto,
                rounds: sampleRounds(first, upto, PREDICTION_POINTS, xaxis === 'log'),
                values: new Map(),
              };
            }
            const predictedRounds = prediction.current.rounds;
            const predictedOf = (i: number, sc: SchemeParams) => {
              let v = prediction.current.values.get(i);
              if (!v)
                prediction.current.values.set(i, (v = predictedCurve(basis.spectrum, sc, basis.c0, predictedRounds)));
              return v;
            };
            const histories = [h, ...useRun.getState().compareHistories];
            const plotWidth = size.width;
            drawErrorChart(
              layers,
              {
                // A run whose history is not there yet (the comparison is restarting) is drawn from the next frame.
                runs: runs.slice(0, histories.length).map((c, i) => {
                  const sc = schemeOf(c, basis.spectrum);
                  const hi = histories[i];
                  const err = cache.current.columns(hi, 'err', i, xaxis, plotWidth, first);
                  const masked = descendsOther(c)
                    ? cache.current.columns(hi, 'surrErr', i, xaxis, plotWidth, first)
                    : undefined;
                  if (!lazy || !predictionApplies(c)) return { err, masked, predicted: [], radius: 0 };
                  return {
                    err,
                    masked,
                    radiusNow: cache.current.columns(hi, 'radiusNow', i, xaxis, plotWidth, first),
                    predicted: predictedOf(i, sc),
                    radius: radiusLazy(basis.spectrum, sc),
                    floor: ROUNDING * basis.yNorm2,
                    guarantee: i === 0 && hi.err.length ? guaranteeCurve(c, sc, basis, hi.err[0]) : null,
                  };
                }),
                first,
                last: Math.max(first + 1, last),
                predictedRounds,
                markers,
                xaxis,
              },
              size,
              readPalette(layers.svg),
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
          title={`λ_min of the empirical NTK${compare.length ? ' (main run)' : ''}${ntkLatest(h)}`}
          help="λ_min of H(W_k), measured every few rounds, each with its residual bound as a whisker; the band: ξ·λ_min of the subnetworks’ NTKs; the line: λ_0 = λ_min(H^∞)."
          legend={[
            {
              label: 'λ_min H(W_k)',
              mark: 'line',
              colour: 'var(--accent)',
              help: 'λ_min of the empirical NTK of the full network, measured every few rounds (THEORY.md D.2).',
            },
            {
              label: '± bound',
              mark: 'line',
              colour: 'var(--muted)',
              help: 'Each value’s residual bound: some eigenvalue of H lies that close, and λ_min is never above the value (D.2).',
            },
            {
              label: 'subnetworks ξ·λ_min',
              mark: 'band',
              colour: 'var(--accent)',
              help: 'ξ·λ_min of each sampled subnetwork’s NTK, lowest to highest (D.3): comparable with λ_0 since ξ·H^l → H^∞.',
            },
            ...(lazy
              ? [
                  {
                    label: 'λ_0 of H^∞',
                    mark: 'line' as const,
                    colour: 'var(--predicted)',
                    help: 'λ_0 = λ_min(H^∞), the infinite-width NTK of the data (D.1): it sets the rate.',
                  },
                ]
              : []),
          ]}
          height={chartHeight ?? 200}
          version={`${version}|${basisKey}`}
          paint={(layers, size) =>
            drawNtkChart(
              layers,
              {
                ntkMin: cache.current.columns(h, 'ntkMin', 0, 'linear', size.width),
                bound: cache.current.columns(h, 'ntkMinBound', 0, 'linear', size.width),
                subMin: cache.current.columns(h, 'subNtkMin', 0, 'linear', size.width),
                subMax: cache.current.columns(h, 'subNtkMax', 0, 'linear', size.width),
                last,
                xi: config.xi,
                lambda0: lazy && basis ? basis.spectrum.lambda0 : null,
              },
              size,
              readPalette(layers.svg),
            )
          }
        />
      )}
      {shows('function') && <FunctionPanel height={chartHeight} />}
      {shows('modes') && <ModesPanel />}
      {shows('noise') && masksInputs(config) && <NoisePanel height={chartHeight} />}
      {shows('diagnostics') && <Diagnostics />}
      {lazy && shows('radius') && (
        <div className="pair" data-panel="radius">
          <ChartBox
            name="radius-p"
            every={1000}
            title="R_lazy against p"
            help={`The predicted neighbourhood R_lazy against the number of subnetworks p; the dot is the current setting, the square the measured plateau${compare.length ? '; one colour per run' : ''}.`}
            legend={[
              { label: 'R_lazy', mark: 'line', colour: 'var(--accent)' },
              { label: 'now', mark: 'point', colour: 'var(--accent)' },
              { label: 'measured plateau', mark: 'diamond', colour: 'var(--fg)' },
            ]}
            height={170}
            version={`${version}|${basisKey}|${runKey}`}
            draw={(svg, size) =>
              sweeps &&
              drawRadiusChart(svg, { label: 'subnetworks p', values: P_VALUES, runs: radiusRuns('byP') }, size)
            }
          />
          <ChartBox
            name="radius-tau"
            every={1000}
            title="R_lazy against τ"
            help="The predicted neighbourhood R_lazy against the number of local steps τ; the dot is the current setting, the square the measured plateau."
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
          every={250}
          panel="neurons"
          title="Neurons each subnetwork holds"
          help={`This round’s masks: one row per subnetwork, the first ${STRIP_NEURONS} neurons.`}
          height={Math.min(240, 18 * Math.max(1, maskRows) + 4)}
          version={`${version}|${maskRows}`}
          draw={(svg, size) => drawNeuronStrip(svg, masks, maskRows, size)}
        />
      )}
      {shows('sweep') && <SweepPanel />}
    </section>
  );
}
