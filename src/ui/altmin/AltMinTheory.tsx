// The AltMin view's theory: the model, both algorithms and Theorem 1 of the ISIT 2019 paper (quoted), with the current numbers beside it.
import { useAltMin } from '../../state/altminStore';
import { fmtNum } from '../shared/format';
import { NumbersTable } from '../shared/NumbersTable';
import { Tex } from '../shared/Tex';

/** Constant formulas only; every number is inserted as text. */
const FORMULAS = {
  skip: String.raw`y=\sigma\big(X(W^*+I)\big)\,v^*,\qquad x_i\sim\mathcal N(0,I_d)`,
  general: String.raw`y=\sum_{q=1}^{k} v^*_q\,\sigma(\langle w^*_q,x\rangle),\qquad x_i\sim\mathcal N(0,I_d)`,
  patterns: String.raw`\begin{aligned}B^t&=\big[v^*_1P^t_1X,\dots,v^*_kP^t_kX\big]\\P^t_q&=\operatorname{diag}\big(\mathbb 1\{X(w^t_q+e_q)>0\}\big)\end{aligned}`,
  altmin: String.raw`\operatorname{vec}(W^{t+1}+I)=\arg\min_{Z}\big\|B^t\operatorname{vec}(Z)-y\big\|^2`,
  gd: String.raw`\begin{aligned}\operatorname{vec}(W^{t+1})={}&\operatorname{vec}(W^{t})\\&+\tfrac{\eta}{n}B^{t\top}\big(y-B^t\operatorname{vec}(W^t+I)\big)\end{aligned}`,
  step: String.raw`\eta=\frac{2}{\sigma_{\min}^2+\sigma_{\max}^2}\ \text{of}\ B^0/\sqrt n`,
  theorem: String.raw`\begin{gathered}\|W^{t+1}-W^*\|_F\le\rho\,\|W^t-W^*\|_F\\0<\rho_{AM}<\rho_{GD}<1\end{gathered}`,
};

export function AltMinTheory() {
  const c = useAltMin((s) => s.config);
  const traces = useAltMin((s) => s.traces);
  const dk = c.d * c.k;
  const delta = traces ? traces.altmin.dist[0] : null;
  const rows: [string, string, string][] = [
    [
      'unknowns dk',
      String(dk),
      c.n < dk ? 'n < dk: underdetermined, minimum-norm steps' : `n/(dk) = ${fmtNum(c.n / dk)}`,
    ],
    [
      'dk² (Theorem 1, C = 1)',
      String(dk * c.k),
      c.n > dk * c.k ? 'n above it' : 'n below it (the experiments recover well below)',
    ],
    [
      c.model === 'skip' ? 'start δ = ‖W⁰ − W*‖/‖W* + I‖' : 'start ‖W⁰ − W*‖/‖W*‖',
      fmtNum(delta),
      c.model === 'skip' && delta !== null
        ? delta < 1
          ? 'Theorem 1 needs δ < 1: met'
          : 'Theorem 1 needs δ < 1: not met'
        : '',
    ],
    ['ρ_AM measured', fmtNum(traces?.altmin.rate?.rho ?? null), 'fit of log ‖W^t − W*‖'],
    ['ρ_GD measured', fmtNum(traces?.gd.rate?.rho ?? null), 'fit of log ‖W^t − W*‖'],
  ];
  return (
    <aside className="theory" aria-label="AltMin theory">
      <h2>The planted teacher</h2>
      <p>
        A teacher network with a known second layer v* ∈ {'{±1}'}^k labels Gaussian inputs; the student has the same
        shape and learns W.
      </p>
      <Tex tex={c.model === 'skip' ? FORMULAS.skip : FORMULAS.general} name="model" />
      <h2>Two ways to train it</h2>
      <p>
        For fixed activation patterns the network is linear in W. <strong>Alternating minimization</strong> guesses
        every neuron’s pattern from the current weights, then solves the least squares for all dk weights at once
        (float64, Cholesky of the normal equations);
        <strong> gradient descent</strong> takes one step on the same loss (1/2n)‖f(X) − y‖².
      </p>
      <Tex tex={FORMULAS.patterns} name="patterns" />
      <Tex tex={FORMULAS.altmin} name="AltMin step" />
      <Tex tex={FORMULAS.gd} name="GD step" />
      <Tex tex={FORMULAS.step} name="GD step size" />
      <h2>What the paper proves</h2>
      <p>
        Jagatap &amp; Hegde, “Linearly convergent algorithms for learning shallow residual networks”, ISIT 2019, Theorem
        1 (verified against the paper’s text): “Given an initialization W⁰ satisfying ‖W⁰ − W*‖_F ≤ δ‖W* + I‖_F, for 0
        &lt; δ &lt; 1, if we have number of training samples n &gt; C·d·k²·poly(log k, log d, t), then with high
        probability … the iterates of Gradient Descent … and of Alternating Minimization satisfy
      </p>
      <Tex tex={FORMULAS.theorem} name="Theorem 1" />
      <p className="small">
        The analysis draws fresh samples at every iteration; the experiments here, like the paper’s, reuse one sample.
        The identity start (W⁰ = 0) is good enough for the skip model when ‖W*‖_F ≤ δ√d/(1 + δ).
      </p>
      <NumbersTable rows={rows} testId="altmin-numbers" />
    </aside>
  );
}
