// The live plots: error with predictions (compared runs overlaid), NTK eigenvalues, lazy-training diagnostics, radius against p and τ (lazy setting), the neuron strip; then sweeps.
import { useMemo } from 'react';
import { runLabel } from '../../core/compare';
import { serializeConfig } from '../../core/config';
import { plateauSince } from '../../core/metrics';
import { predictedCurve, radiusLazy } from '../../core/theory';
import { lazyTheoryApplies } from '../../core/network';
import { notLazyWhy, schemeOf } from '../../core/summary';
import { drawErrorChart } from '../../plots/errorChart';
import { drawNeuronStrip, STRIP_NEURONS } from '../../plots/neuronStrip';
import { drawNtkChart } from '../../plots/ntkChart';
import { drawRadiusChart } from '../../plots/radiusChart';
import { useRun } from '../../state/store';
import { useView } from '../../state/view';
import { ChartBox } from '../shared/ChartBox';
import { Diagnostics } from './Diagnostics';
import { SweepPanel } from './SweepPanel';

const PREDICTION_POINTS = 400;
const P_VALUES = Array.from({ length: 16 }, (_, i) => i + 1);
const TAU_VALUES = Array.from({ length: 20 }, (_, i) => i + 1);

export function Plots() {
  const version = useRun((s) => s.version);
  const config = useRun((s) => s.config);
  const basis = useRun((s) => s.basis);
  const markers = useRun((s) => s.markers);
  const masks = useRun((s) => s.masks);
  const compare = useRun((s) => s.compare);
  const runs = [config, ...compare];
  const maskRows = useRun((s) => s.maskRows);
  const presenting = useView((v) => v.presenting);
  const h = useRun.getState().history;
  const scheme = basis ? schemeOf(config, basis.spectrum) : null;
  const last = h.round.length ? h.round[h.round.length - 1] : 0;
  const plateau = plateauSince(h, markers.length ? markers[markers.length - 1].round : 0);
  const lazy = lazyTheoryApplies(config);
  const sweeps = useMemo(() => {
    if (!basis || !scheme || !lazy) return null;
    return {
      p: P_VALUES.map((p) => radiusLazy(basis.spectrum, { ...scheme, p, xi: scheme.categorical ? 1 / p : scheme.xi })),
      tau: TAU_VALUES.map((tau) => radiusLazy(basis.spectrum, { ...scheme, tau })),
    };
  }, [basis, lazy, scheme?.xi, scheme?.p, scheme?.tau, scheme?.eta, scheme?.kappa, scheme?.categorical]);
  return (
    <section className="plots" aria-label="Plots">
      <ChartBox name="error" title={`Training error ‖y − u_k‖² (log) — ${lazy ? 'dashed: lazy-limit prediction; shaded: below the predicted neighbourhood R' : `the lazy-limit prediction does not apply to this setting (${notLazyWhy(config)}), so none is drawn`}${compare.length ? '; one colour per compared run' : ''}`} height={presenting ? Math.max(320, Math.round(window.innerHeight * 0.62)) : 260} version={`${version}|${runs.map((c) => serializeConfig(c)).join('|')}`}
        draw={(svg, size) => {
          if (!basis) return;
          const predictedRounds = Array.from({ length: PREDICTION_POINTS + 1 }, (_, i) => Math.round((i * Math.max(1, last)) / PREDICTION_POINTS));
          const histories = [h, ...useRun.getState().compareHistories];
          drawErrorChart(svg, {
            // A run whose history is not there yet (the comparison is restarting) is drawn from the next frame.
            runs: runs.slice(0, histories.length).map((c, i) => {
              const sc = schemeOf(c, basis.spectrum);
              if (!lazy) return { label: runLabel(c), rounds: histories[i].round, err: histories[i].err, predicted: [], radius: 0 };
              return { label: runLabel(c), rounds: histories[i].round, err: histories[i].err, predicted: predictedCurve(basis.spectrum, sc, basis.c0, predictedRounds), radius: radiusLazy(basis.spectrum, sc) };
            }),
            predictedRounds, markers,
          }, size);
        }} />
      <ChartBox name="ntk" title={`λ_min of the empirical NTK H(W_k)${compare.length ? ' (main run)' : ''}; ${lazy ? 'line: λ_0 = λ_min(H^∞); ' : ''}band: ξ·λ_min of the subnetworks’ NTKs`} height={200} version={version}
        draw={(svg, size) => basis && scheme && drawNtkChart(svg, { rounds: h.round, ntkMin: h.ntkMin, subMin: h.subNtkMin, subMax: h.subNtkMax, xi: scheme.xi, lambda0: lazy ? basis.spectrum.lambda0 : null }, size)} />
      {!presenting && <Diagnostics />}
      {lazy && <div className="pair">
        <ChartBox name="radius-p" title="Radius R against p (dot: now; square: measured plateau)" height={170} version={`${version}|${sweeps ? sweeps.p.join() : ''}`}
          draw={(svg, size) => sweeps && drawRadiusChart(svg, { label: 'subnetworks p', values: P_VALUES, radius: sweeps.p, current: config.p, measured: plateau }, size)} />
        <ChartBox name="radius-tau" title="Radius R against τ" height={170} version={`${version}|${sweeps ? sweeps.tau.join() : ''}`}
          draw={(svg, size) => sweeps && drawRadiusChart(svg, { label: 'local steps τ', values: TAU_VALUES, radius: sweeps.tau, current: config.tau, measured: plateau }, size)} />
      </div>}
      <ChartBox name="neurons" title={`Neurons each subnetwork holds this round (first ${STRIP_NEURONS})`} height={Math.min(160, 18 * Math.max(1, maskRows) + 4)} version={`${version}|${maskRows}`}
        draw={(svg, size) => drawNeuronStrip(svg, masks, maskRows, size)} />
      <SweepPanel />
    </section>
  );
}
