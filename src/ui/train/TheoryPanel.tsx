// The theory panel: the algorithm and what is being illustrated (KaTeX, fixed formulas), with live numbers
// (and each compared run's); where the theory went next, when the run masks its inputs or splits its data.
import { latestFinite } from '../../core/masked/metrics';
import { notLazyWhy } from '../../core/masked/summary';
import { useRun } from '../../state/store';
import { fmtNum } from '../shared/format';
import { NumbersTable } from '../shared/NumbersTable';
import { Refs } from '../shared/Refs';
import { Term } from '../shared/Term';
import { Tex as SharedTex } from '../shared/Tex';
import { useTheory } from '../shared/useTheory';
import { InputNoiseTheory, SplitDataTheory } from './BeyondTheory';
import { CompareTable } from './CompareTable';
import { GuaranteePanel } from './GuaranteePanel';
import { PlateauCells } from './PlateauCells';
import { usePlateaus } from './usePlateaus';

/** Only these constant formulas are rendered as markup; every number is inserted as text. */
const FORMULAS = {
  surrogate: String.raw`f_{m}(W,x)=\frac{1}{\xi\sqrt{m}}\sum_{r} m_r\,a_r\,\sigma(\langle w_r,x\rangle)`,
  local: String.raw`W^{l}_{t+1}=W^{l}_{t}-\eta\,\nabla L_{m^l}(W^{l}_{t}),\quad t<\tau`,
  aggregate: String.raw`w_{k+1,r}=w_{k,r}+\frac{1}{\max(N_r,1)}\sum_{l}\big(w^{l}_{k,\tau,r}-w_{k,r}\big)`,
  claim: String.raw`\mathbb{E}\|y-u_k\|^2\lesssim \rho^{2k}\|y-u_0\|^2+R`,
  rate: String.raw`\begin{aligned}\rho&=1-\theta\big(1-(1-\eta\lambda_0/\xi)^{\tau}\big)\\\theta&=1-(1-\xi)^p\end{aligned}`,
  radius: String.raw`\begin{aligned}R&=\sum_i \frac{\theta}{p}\,\frac{1-\xi}{\xi}\,\frac{g_i\,\tilde K_{ii}}{2-\theta g_i}\\g_i&=1-(1-\eta\lambda_i/\xi)^{\tau}\end{aligned}`,
};

function Tex({ f }: { f: keyof typeof FORMULAS }) {
  return <SharedTex tex={FORMULAS[f]} name={f} />;
}

const fmt = fmtNum;

/** The full decomposition's time, from its measured n³ growth (bench/RESULTS.md: 76 s at n = 2048 on this kind of machine). */
function spectrumTime(n: number): string {
  const s = 76 * (n / 2048) ** 3;
  return s < 90 ? `${Math.max(1, Math.round(s))} s` : `${Math.round(s / 60)} minutes`;
}

export function TheoryPanel() {
  const t = useTheory();
  const config = useRun((s) => s.config);
  const ist = config.mask === 'categorical';
  const lazy = t?.lazyLimit ?? true;
  const pending = useRun((s) => s.basisPending);
  useRun((s) => s.version);
  const radiusNow = latestFinite(useRun.getState().history.radiusNow);
  const rows: [string, string, string][] = !t
    ? []
    : lazy
      ? [
          ['θ = 1 − (1−ξ)^p', fmt(t.theta), 'exact (B.1)'],
          ['λ_0 = λ_min(H^∞)', fmt(t.lambda0), 'closed form (D.1)'],
          ['λ_max(H^∞)', fmt(t.lambdaMax), 'closed form (D.1)'],
          ['η in use', fmt(t.eta), config.eta === 'auto' ? 'auto = 0.1ξ/λ_max' : 'set by hand'],
          ['stability limit 2ξ/λ_max', fmt(t.etaStable), 'derived (C.3)'],
          ['rate ρ per round', fmt(t.rate), 'lazy-limit prediction (derived)'],
          [
            'neighbourhood R_lazy',
            fmt(t.radius),
            ist ? 'IST: 0 at leading order; ~c/m at finite width' : 'lazy-limit prediction (derived)',
          ],
          ['R_now, latest', radiusNow === null ? '…' : fmt(radiusNow), 'R from the measured conjugate kernel (H.2)'],
          ['required width m_req', fmt(t.mReq), 'heuristic (C.5), δ = 0.1, K = 1000'],
        ]
      : [
          ['θ = 1 − (1−ξ)^p', fmt(t.theta), 'exact (B.1)'],
          [
            'λ_max of this setting’s NTK',
            fmt(t.lambdaMaxSetting),
            config.act === 'relu' ? 'closed form at initialization' : 'Monte Carlo over 2048 neurons at initialization',
          ],
          ['η in use', fmt(t.eta), config.eta === 'auto' ? 'auto = 0.1ξ/λ_max of this NTK' : 'set by hand'],
          ['stability limit 2ξ/λ_max', fmt(t.etaStable), 'of this NTK, at initialization'],
        ];
  return (
    <aside className="theory" aria-label="Theory" data-panel="theory">
      <h2>What is trained</h2>
      <p>
        Each round draws p masks
        {ist
          ? ' that split the neurons among the subnetworks (IST, ξ = 1/p)'
          : ' keeping each neuron with probability ξ'}
        ; each subnetwork takes τ gradient steps on its surrogate, and every neuron becomes the average of the copies
        that held it.
      </p>
      <Tex f="surrogate" />
      <Tex f="local" />
      <Tex f="aggregate" />
      {pending && (
        <p className="notice info" role="status" data-testid="basis-pending">
          Computing the spectrum of H^∞ (n = {config.n}) in the background — about {spectrumTime(config.n)} here;
          training goes on. The predictions, R and the numbers below appear when it is done.
        </p>
      )}
      <InputNoiseTheory />
      <SplitDataTheory />
      <h2>What it illustrates</h2>
      {!lazy && (
        <p className="not-lazy" data-testid="not-lazy">
          The lazy-limit prediction does not apply to this setting ({notLazyWhy(config)}): it is derived for ReLU, the
          first layer alone and the NTK initialization, on clean inputs that every worker sees whole. The plots show the
          measurements only; the diagnostics show how far from lazy the training is.
        </p>
      )}
      <p>
        In the <Term name="lazy">lazy</Term> (wide) regime the error falls linearly into a{' '}
        <Term name="neighbourhood R">neighbourhood</Term> that shrinks with p and grows with τ (Liao &amp; Kyrillidis,
        TMLR 2022; the constants below are this app’s <em>derived lazy-limit prediction</em>, not the paper’s).
      </p>
      <Tex f="claim" />
      <Tex f="rate" />
      <Tex f="radius" />
      <NumbersTable rows={rows} testId="theory-numbers" />
      {lazy && <MeasuredRows />}
      <CompareTable />
      {lazy && <GuaranteePanel />}
      {t && lazy && config.m < t.mReq && (
        <p className="small">
          m = {config.m} is below the heuristic m_req: the guarantee does not cover this width (the run may still
          converge).
        </p>
      )}
    </aside>
  );
}

/** The main run's measured plateau (THEORY.md H.1) against both predictions. */
function MeasuredRows() {
  const [main] = usePlateaus();
  return (
    <table className="numbers" data-testid="plateau">
      <caption className="small">
        <Refs text="Measured since the last change, once the prediction has settled (H.1)" />
      </caption>
      <thead>
        <tr>
          <th scope="col">
            <Term name="plateau">plateau</Term> ± se
          </th>
          <th scope="col">
            / <Term name="R_lazy">R_lazy</Term>
          </th>
          <th scope="col">
            / <Term name="R_now">R_now</Term>
          </th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <PlateauCells run={main} />
        </tr>
      </tbody>
    </table>
  );
}
