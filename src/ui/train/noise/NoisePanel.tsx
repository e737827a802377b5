/**
 * Gaussian input masks, seen (THEORY.md J.1): the smoothed ReLU at the run's current spread against a Monte Carlo of
 * real masks, and on circle data the network's clean function against its smoothed one. Shown while the main run's
 * inputs are masked; the numbers come with the engine's samples.
 */
import { drawSmoothedCircle, drawSmoothedRelu } from '../../../plots/noiseChart';
import { useRun } from '../../../state/store';
import { ChartBox } from '../../shared/ChartBox';
import { fmtNum } from '../../shared/format';
import { Refs } from '../../shared/Refs';

export function NoisePanel({ height }: { height?: number | 'fill' }) {
  const samples = useRun((s) => s.samples);
  const noise = samples[0]?.noise ?? null;
  const fn = samples[0]?.circle ?? null;
  return (
    <section className="view-section" data-panel="noise" aria-label="Noise on the inputs">
      <h2>Noise on the inputs</h2>
      {noise ? (
        <>
          <ChartBox
            name="smoothed-relu"
            title={`The smoothed ReLU at ν = ${noise.nu}, s = ${fmtNum(noise.s)}`}
            help="What one neuron computes on average over the masks: σ̃(z, s) = zΦ(z/s) + sφ(z/s) with s = ν‖w ⊙ x‖ of a typical neuron–sample pair of the network now, against a Monte Carlo of real masks on that pair (points, ±2 standard errors)."
            legend={[
              {
                label: 'σ(z)',
                mark: 'line',
                colour: 'var(--muted)',
                help: 'The ReLU: the clean network’s activation.',
              },
              {
                label: 'σ̃(z, s)',
                mark: 'line',
                colour: 'var(--accent)',
                help: 'The exact mean over the masks: zΦ(z/s) + sφ(z/s).',
              },
              {
                label: 'proxy zΦ(z/s)',
                mark: 'dashed',
                colour: 'var(--predicted)',
                help: 'The proxy the paper’s analysis uses: σ̃ without its sφ(z/s) term, below it by up to s/√(2π) at z = 0.',
              },
              {
                label: 'Monte Carlo',
                mark: 'point',
                colour: 'var(--fg)',
                help: 'The mean of σ(wᵀ(x ⊙ c)) over thousands of masks c ~ N(1, ν²I) on the typical pair, with ±2 standard errors.',
              },
            ]}
            height={height ?? 220}
            version={noise}
            draw={(svg, size) => drawSmoothedRelu(svg, noise, size)}
          />
          {noise.circle && fn && (
            <ChartBox
              name="smoothed-function"
              title="The network, clean and smoothed by the masks"
              help="Around the circle: the network’s function with the masks off, f(φ) (bold), and its mean over the masks, E_c f(φ) (dashed) — the smoothed network whose error the expected loss holds; the targets as dots."
              legend={[
                { label: 'clean f(φ)', mark: 'line', colour: 'var(--accent)' },
                { label: 'smoothed E_c f(φ)', mark: 'dashed', colour: 'var(--predicted)' },
                { label: 'targets', mark: 'point', colour: 'var(--fg)' },
              ]}
              height={height ?? 220}
              version={noise}
              draw={(svg, size) =>
                noise.circle && drawSmoothedCircle(svg, noise.circle, { angle: fn.trainAngle, y: fn.target }, size)
              }
            />
          )}
        </>
      ) : (
        <p className="small">
          The smoothed ReLU appears with the first sample of the run
          {useRun.getState().config.act === 'relu' ? '' : ' (ReLU only: no closed form is used for GELU)'}.
        </p>
      )}
      <p className="small">
        <Refs text="Each input coordinate is multiplied by its own c ~ N(1, ν²) every round; on average a neuron sees the smoothed ReLU (J.1)." />
      </p>
    </section>
  );
}
