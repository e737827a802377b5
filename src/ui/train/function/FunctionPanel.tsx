/**
 * What the network computes (THEORY.md I.1): on circle data the function around the circle with the targets, the
 * subnetworks' surrogates faint around it and the lazy-limit mean dashed; for any data, outputs against targets.
 */
import { drawCircleFunction, drawPredictions } from '../../../plots/functionChart';
import { useRun } from '../../../state/store';
import { ChartBox } from '../../shared/ChartBox';
import { Refs } from '../../shared/Refs';

export function FunctionPanel({ height }: { height?: number }) {
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
          title={`The network’s function f_k(φ) around the circle (bold), the targets (dots), each subnetwork’s surrogate this round (faint) and the lazy-limit mean f̄_k(φ), kernel regression with the NTK (dashed)${runs}`}
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
          title={`Each training point’s output u_i against its target y_i (the subnetworks’ faint): training brings them to the diagonal${runs}`}
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
