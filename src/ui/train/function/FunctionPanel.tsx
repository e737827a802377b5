/**
 * What the network computes (THEORY.md I.1): on circle data the function around the circle with the targets, the
 * subnetworks' surrogates faint around it and the lazy-limit mean dashed; for any data, outputs against targets.
 */
import { drawCircleFunction, drawPredictions } from '../../../plots/functionChart';
import { useRun } from '../../../state/store';
import { ChartBox } from '../../shared/ChartBox';
import { Refs } from '../../shared/Refs';

export function FunctionPanel({ height }: { height?: number | 'fill' }) {
  const samples = useRun((s) => s.samples);
  const compare = useRun((s) => s.compare);
  const circle = samples.length > 0 && samples.every((s) => s.circle !== null);
  const runs = compare.length ? '; one colour per run' : '';
  return (
    <section className="view-section" data-panel="function" aria-label="What the network computes">
      <h2>What the network computes</h2>
      {circle ? (
        <ChartBox
          name="function"
          title={`The network’s function around the circle${runs}`}
          help="f_k(φ) around the circle (bold), the targets (dots), each subnetwork’s surrogate this round (faint), and the lazy-limit mean f̄_k(φ): kernel regression with the NTK (dashed)."
          legend={[
            {
              label: 'network f_k',
              mark: 'line',
              colour: 'var(--accent)',
              help: 'The full network’s function around the circle.',
            },
            { label: 'targets', mark: 'point', colour: 'var(--fg)', help: 'The training points (φ_i, y_i).' },
            {
              label: 'subnetworks',
              mark: 'line',
              colour: 'var(--line)',
              help: 'Each subnetwork’s surrogate this round: the masks’ noise, seen.',
            },
            {
              label: 'lazy-limit mean',
              mark: 'dashed',
              colour: 'var(--predicted)',
              help: 'f̄_k: kernel regression with the NTK, what the mean network does in the lazy limit (I.1).',
            },
          ]}
          height={height ?? 240}
          version={samples}
          draw={(svg, size) =>
            drawCircleFunction(
              svg,
              samples.map((s) => s.circle!),
              size,
            )
          }
        />
      ) : (
        <ChartBox
          name="predictions"
          title={`Outputs against targets${runs}`}
          help="Each training point’s output u_i against its target y_i (the subnetworks’ faint): training brings them to the diagonal."
          legend={[
            {
              label: 'network u_i',
              mark: 'point',
              colour: 'var(--accent)',
              help: 'The full network’s output at each training point.',
            },
            {
              label: 'subnetworks',
              mark: 'point',
              colour: 'var(--line)',
              help: 'Each subnetwork’s output this round.',
            },
            {
              label: 'u = y',
              mark: 'dashed',
              colour: 'var(--muted)',
              help: 'The diagonal: where a fitted point lies.',
            },
          ]}
          height={height ?? 240}
          version={samples}
          draw={(svg, size) =>
            samples.length &&
            drawPredictions(
              svg,
              samples.map((s) => s.points),
              size,
            )
          }
        />
      )}
      <p className="small">
        <Refs text="With data=circle (d = 2) the function is drawn around the circle (I.1), (I.2); the faint spread is the neighbourhood, seen as a function." />
      </p>
    </section>
  );
}
