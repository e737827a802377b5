/**
 * Where the theory went next (THEORY.md J), in the theory panel when the main run uses it: Gaussian input masks — the
 * model, the smoothed activation, the expected loss split into the smoothed network's error and the masks' variance for
 * the current weights, what is proven and what the app measures — and IST on split data — the assumption of the central
 * paper that no longer holds and what Shulgin & Richtárik prove on their quadratic model, claiming none of their
 * constants for the network.
 */
import { masksInputs } from '../../core/masked/inputNoise';
import { splitOwners, splitsData } from '../../core/masked/split';
import { useRun } from '../../state/store';
import { fmtNum } from '../shared/format';
import { NumbersTable } from '../shared/NumbersTable';
import { Refs } from '../shared/Refs';
import { Tex } from '../shared/Tex';

const MODEL = String.raw`\begin{gathered}f(W,x\odot c)=\frac{1}{\sqrt m}\sum_r a_r\,\sigma\big(w_r^{\top}(x\odot c)\big),\\ c\sim\mathcal N(1,\nu^2 I)\end{gathered}`;
const SMOOTHED = String.raw`\begin{gathered}\mathbb E_c\,\sigma\big(w^{\top}(x\odot c)\big)=\tilde\sigma(z,s)=z\,\Phi(z/s)+s\,\varphi(z/s),\\ z=w^{\top}x,\quad s=\nu\|w\odot x\|\end{gathered}`;
const SPLIT = String.raw`\begin{aligned}&\mathbb E_c\|f(W,X\odot C)-y\|^2\\&\quad=\underbrace{\|\mathbb E_c f-y\|^2}_{\text{smoothed network}}+\underbrace{\textstyle\sum_i \operatorname{Var}_c f_i}_{\text{regularizer}}\end{aligned}`;
const LOCAL = String.raw`L_l(W)=\frac{n}{|S_l|}\cdot\frac12\sum_{i\in S_l}\big(f^{l}(W,x_i)-y_i\big)^2`;

export function InputNoiseTheory() {
  const config = useRun((s) => s.config);
  const noise = useRun((s) => s.samples[0]?.noise ?? null);
  if (!masksInputs(config)) return null;
  const dec = noise?.decomposition ?? null;
  const rows: [string, string, string][] = dec
    ? [
        ['clean error ‖y − f(W, X)‖²', fmtNum(dec.clean), 'measured, masks off: what the error plot shows'],
        ['smoothed error ‖E_c f − y‖²', fmtNum(dec.smoothed), 'closed form (J.1)'],
        [
          'variance Σ_i Var_c f_i',
          `${fmtNum(dec.variance)} ± ${fmtNum(dec.varianceSe)}`,
          `Monte Carlo, ${dec.draws} draws of every mask (J.1)`,
        ],
        ['expected masked loss (sum)', fmtNum(dec.smoothed + dec.variance), 'what a round’s step descends, on average'],
      ]
    : [];
  return (
    <section className="beyond" data-testid="input-noise-theory" aria-label="Gaussian input masks">
      <h2>Gaussian input masks</h2>
      <p>
        Every round each coordinate of every input is multiplied by its own Gaussian mask (Kolomvaki, Liao, Dramko,
        Guang &amp; Kyrillidis, 2026; the paper calls the masks’ standard deviation κ — here κ is the init scale, so it
        is ν), and the step descends the loss on the masked inputs.
      </p>
      <Tex tex={MODEL} name="input-masked network" />
      <p>On average over the masks a neuron computes a smoothed ReLU (the paper’s analysis uses the proxy zΦ(z/s)):</p>
      <Tex tex={SMOOTHED} name="smoothed ReLU" />
      <p>
        so the expected loss is the smoothed network’s error plus the masks’ variance, a data-dependent regularizer (the
        paper’s Theorem 4.1 states this split with its proxy):
      </p>
      <Tex tex={SPLIT} name="expected loss" />
      {dec ? (
        <>
          <p className="small">
            For the weights at round {noise?.round} (ν = {noise?.nu}):
          </p>
          <NumbersTable rows={rows} testId="input-noise-numbers" />
        </>
      ) : (
        <p className="small" data-testid="input-noise-numbers">
          {noise
            ? `The variance is not estimated while training at this size (n·m·d = ${config.n * config.m * config.d}); the CLI's theory command estimates it at initialization.`
            : config.act === 'relu'
              ? 'The numbers appear with the first sample of the run.'
              : 'The closed form is the ReLU’s: it is not computed for GELU.'}
        </p>
      )}
      <p className="small">
        <strong>Proven</strong> (the paper’s Theorem 5.5, for a wide network, a small step and a small ν): gradient
        descent on this loss converges linearly to an error region controlled by ν — its constants are not computed
        here. The abstract says the region is proportional to the masks’ variance (ν²), the authors’ repository says
        proportional to κ (ν). <strong>Measured</strong> here: the plateau of the clean error against ν — the sweep{' '}
        <em>against input noise ν</em> fits its slope on log–log axes. The lazy-limit prediction does not cover input
        masks and is not drawn. <Refs text="(J.1)" />
      </p>
    </section>
  );
}

/** Shown where the main run or a compared one splits the data (the comparison full against split is the lesson). */
export function SplitDataTheory() {
  const main = useRun((s) => s.config);
  const compared = useRun((s) => s.compare);
  const config = [main, ...compared].find(splitsData);
  if (!config) return null;
  const owner = splitOwners(config.seed, config.n, config.p);
  const sizes = Array.from({ length: config.p }, (_, l) => owner.filter((o) => o === l).length);
  return (
    <section className="beyond" data-testid="split-theory" aria-label="Split data">
      <h2>Each worker holds only its own data</h2>
      <p>
        The central paper assumes that every subnetwork takes its τ steps on all n samples. Here the samples are split
        once, from the seed, among the p = {config.p} workers (shares of{' '}
        {[...new Set(sizes)].sort((a, b) => a - b).join(' or ')} samples), as IST is deployed, and worker l descends its
        own share’s loss, scaled to estimate the whole data’s:
      </p>
      <Tex tex={LOCAL} name="a worker's loss on its own samples" />
      <p className="small">
        <strong>Which assumption breaks</strong>: that every worker sees all the data. A neuron’s update now follows one
        worker’s share; over the rotation of the masks it is unbiased at τ = 1, but with τ &gt; 1 each worker’s copy
        drifts toward a fit of its own share. <strong>Proven</strong> by Shulgin &amp; Richtárik (ICML 2024), on a
        quadratic model with permutation sketches — not on this network: with data that differ between workers the
        aggregated update is biased, the method converges to a point that is not the optimum, and the neighbourhood has
        a term that more rounds do not shrink; with identical data the bias vanishes. Their constants belong to that
        model and are not claimed here. <strong>Measured</strong>: the plateau on full and on split data (compare the
        two runs, or sweep <em>against τ, full and split data</em>); the lazy-limit prediction does not cover split data
        and is not drawn. <Refs text="(J.2)" />
      </p>
    </section>
  );
}
