// Lazy-training diagnostics (THEORY.md C.5): how far each neuron moved against R_stab, the flipped activation signs and the NTK's drift.
import { stabilityRadius, WIDTH_DEFAULTS } from '../../core/masked/summary';
import { drawLazinessChart, drawMoveHistogram } from '../../plots/diagnostics';
import { useRun } from '../../state/store';
import { ChartBox } from '../shared/ChartBox';

export function Diagnostics() {
  const version = useRun((s) => s.version);
  const config = useRun((s) => s.config);
  const basis = useRun((s) => s.basis);
  const moves = useRun((s) => s.moves);
  const h = useRun.getState().history;
  const rStab = basis ? stabilityRadius(config, basis.spectrum) : null;
  return (
    <section className="view-section" aria-label="Lazy-training diagnostics" data-panel="diagnostics">
      <h2>Is the training lazy?</h2>
      <p className="small">
        Lazy (NTK) training moves every neuron less than the activation-stability radius R_stab (δ ={' '}
        {WIDTH_DEFAULTS.delta}), so few activation signs flip and the NTK stays near its start.{' '}
        {config.act === 'relu'
          ? ''
          : 'R_stab is defined for ReLU’s activation patterns; GELU has none, so only the moves are shown.'}
        {config.init !== 'ntk'
          ? ' Under LeCun and He, a larger ω₂/ω₁ factor moves training away from the lazy regime.'
          : ''}
      </p>
      <div className="pair">
        <ChartBox
          name="moves"
          every={500}
          title="Neuron moves ‖w_r(k) − w_r(0)‖"
          help="A histogram of how far each neuron has moved from its start, at the latest NTK round; the dashed line is R_stab."
          legend={[
            { label: 'neurons', mark: 'band', colour: 'var(--accent)' },
            {
              label: 'R_stab',
              mark: 'dashed',
              colour: 'var(--predicted)',
              help: 'The activation-stability radius (C.5): a neuron that moved less keeps its signs.',
            },
          ]}
          height={190}
          version={`${version}|${rStab}`}
          draw={(svg, size) => drawMoveHistogram(svg, { hist: moves, rStab }, size)}
        />
        <ChartBox
          name="laziness"
          every={500}
          title="Laziness over rounds (log)"
          help="The fraction of activation signs flipped since the start, the NTK’s drift ‖H(k) − H(0)‖/‖H(0)‖, and tr K_σ(W_k)/tr K_σ(W_0)."
          legend={[
            { label: 'flipped signs', mark: 'line', colour: 'var(--run0)' },
            { label: 'NTK drift', mark: 'line', colour: 'var(--run1)', help: '‖H(k) − H(0)‖/‖H(0)‖' },
            { label: 'tr K_σ ratio', mark: 'line', colour: 'var(--run2)', help: 'tr K_σ(W_k)/tr K_σ(W_0)' },
          ]}
          height={190}
          version={version}
          draw={(svg, size) =>
            drawLazinessChart(
              svg,
              { rounds: h.round, flipFrac: h.flipFrac, ntkShift: h.ntkShift, kSigmaRatio: h.kSigmaRatio },
              size,
            )
          }
        />
      </div>
    </section>
  );
}
