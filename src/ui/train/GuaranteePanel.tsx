// The paper's own guarantee (THEORY.md C.2) beside the prediction: the theorem in the app's convention, the corollary that
// matches the scheme, its numbers now, which term of B_1 dominates and what would bring it below ‖y − u_0‖².
import { dominantTerm, guarantee, startError, whatWouldHelp } from '../../core/masked/guarantee';
import { schemeOf, WIDTH_DEFAULTS } from '../../core/masked/summary';
import { rate } from '../../core/masked/theory';
import { useRun } from '../../state/store';
import { fmtNum } from '../shared/format';
import { NumbersTable } from '../shared/NumbersTable';
import { Tex } from '../shared/Tex';

const THEOREM3 = String.raw`\mathbb{E}\|y-u_{k}\|^2\le\Big(1-\frac{\eta\theta\tau\lambda_0}{4\xi}\Big)^{k}\|y-u_0\|^2+B_1`;
const CONDITIONS3 = String.raw`\begin{aligned}m&=\Omega\Big(\frac{K}{\delta}\max\{M_1,M_2,K^2p\}\Big)\\M_1&=\frac{n^4}{\kappa_1^2\xi\theta\lambda_{0,1}^4},\ \ M_2=\frac{nK^2B_1}{\kappa_1^2\theta\lambda_{0,1}^2}\\\eta_1&=O\Big(\frac{\lambda_{0,1}}{\max\{n,p\}\,n\,\tau}\Big)\end{aligned}`;
const THEOREM7 = String.raw`\begin{aligned}\mathbb{E}\|y-u_{k}\|^2&\le\Big(\tfrac12+\tfrac12\big(1-\tfrac{\eta p\lambda_0}{2}\big)^{\tau}\Big)^{k}C^2n\\&\quad+O\Big(\frac{\tau(p-1)^2n^3d}{\lambda_{0,1}^2\,m}\Big)\end{aligned}`;
const CONVERSION = String.raw`\eta_1=\eta/\xi^2,\quad\kappa_1=\kappa/\xi,\quad\lambda_{0,1}=\xi\lambda_0`;

export function GuaranteePanel() {
  const config = useRun((s) => s.config);
  const basis = useRun((s) => s.basis);
  useRun((s) => s.version);
  if (!basis) return null;
  const s = schemeOf(config, basis.spectrum);
  const g = guarantee(s, {
    n: basis.spectrum.n,
    d: config.d,
    m: config.m,
    lambda0: basis.spectrum.lambda0,
    rounds: WIDTH_DEFAULTS.rounds,
    delta: WIDTH_DEFAULTS.delta,
  });
  const e0 = useRun.getState().history.err[0] ?? NaN;
  const start = startError(g, basis.spectrum.n, basis.yMax, e0);
  const help = whatWouldHelp(g, config.m, start);
  const top = dominantTerm(g);
  const rows: [string, string, string][] = [
    ['for this scheme', g.corollary, 'verified, arXiv v1'],
    ['rate factor per round', fmtNum(g.rate), `predicted: ρ² = ${fmtNum(rate(basis.spectrum, s) ** 2)}`],
    [
      g.theorem === 'Theorem 7' ? 'error term (C = 1)' : 'B_1',
      fmtNum(g.B1),
      `${g.theorem === 'Theorem 7' ? 'C²n' : '‖y − u_0‖²'} = ${fmtNum(start)}`,
    ],
    ['largest term', top.name, fmtNum(top.value)],
    ['width, order (C = 1), all three terms', fmtNum(g.mOrder), `here m = ${config.m}`],
    ['step, order (C = 1)', fmtNum(g.etaOrder), `here η = ${fmtNum(s.eta)}`],
  ];
  return (
    <section aria-labelledby="guarantee-title" data-testid="guarantee" data-panel="guarantee">
      <h2 id="guarantee-title">What the paper guarantees</h2>
      <p>
        Liao &amp; Kyrillidis, arXiv v1 (L4DC 2022),{' '}
        {g.theorem === 'Theorem 7' ? 'Theorem 7 (categorical masks)' : 'Theorem 3 (Bernoulli masks)'}, written in this
        app’s convention (the paper scales the full network by ξ instead of the surrogate by 1/ξ; with probability 1 −
        δ):
      </p>
      <Tex tex={g.theorem === 'Theorem 7' ? THEOREM7 : THEOREM3} name={g.theorem} />
      {g.theorem === 'Theorem 3' && <Tex tex={CONDITIONS3} name="Theorem 3's conditions" />}
      <Tex tex={CONVERSION} name="conversion to the paper's convention" />
      <NumbersTable rows={rows} />
      <p className="small" data-testid="guarantee-verdict">
        {help === null
          ? `${g.theorem === 'Theorem 7' ? 'The error term' : 'B_1'} is below the initial error: the guarantee says something at this size.`
          : `At this size the guarantee is vacuous: ${g.theorem === 'Theorem 7' ? 'its error term' : 'B_1'} is ${fmtNum(g.B1 / start)} times the initial error, mostly from ${top.name}. What would bring it below: ${help}.`}{' '}
        Its conditions are orders with unknown constants, so they are shown, not checked.
      </p>
    </section>
  );
}
