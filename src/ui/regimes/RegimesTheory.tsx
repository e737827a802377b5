// What each regime says and how sure we are of it (THEORY.md E), and what the measured phase diagram shows.
import { Refs } from '../shared/Refs';

export function RegimesTheory() {
  return (
    <aside className="theory" aria-label="Regimes theory">
      <h2>How wide is wide enough?</h2>
      <p>
        Each paper proves that gradient descent drives the training error to zero once the network is wide enough; they
        differ in how wide, and in what they train. The curves are their orders with every constant set to 1, so only
        their slopes and their order against each other mean something.
      </p>
      <ul className="regime-notes">
        <li>
          <strong>Du et al. 2019</strong> (first layer, ReLU, 1/√m): m = Ω(n⁶/(λ_0⁴δ³)), λ_0 = λ_min(H^∞) of the data.
          Read through secondary sources.
        </li>
        <li>
          <strong>Liao &amp; Kyrillidis, arXiv v1, Theorem 3</strong> (masked training): m = Ω((K/δ)·max{'{'}
          n⁴/(κ²θξ³λ_0⁴), K²p{'}'}) in the app’s convention, its first and third terms (the second needs the error
          term). Verified against the v1 text. Beside it, the heuristic m_req of this app <Refs text="(C.5)" />: every
          neuron inside the activation-stability radius for K rounds.
        </li>
        <li>
          <strong>Oymak &amp; Soltanolkotabi 2019</strong> (first layer, smooth activation): “as soon as the square-root
          of the number of network parameters exceeds the size of the training data”, m·d ≳ n². Abstract only; constants
          unknown.
        </li>
        <li>
          <strong>Song et al. 2021</strong> (both layers, GELU, LeCun/He-type initialization): m·d ≳ n¹·⁵, i.e. m ≳
          n¹·⁵/d. Verified against their submission text; growing ω₂/ω₁ at a fixed product moves training away from the
          lazy regime.
        </li>
        <li>
          <strong>Counting</strong>: with fewer parameters than samples (m·d &lt; n) generic data cannot be fitted.
          Exact.
        </li>
      </ul>
      <h2>The measured diagram</h2>
      <p>
        Each cell trains the setting with full-batch GD — the algorithm the theorems are about — from several
        initializations on the same data, each with the step 1/λ_max of its own NTK at initialization, for K rounds, and
        counts the runs that reach ‖y − u_K‖² ≤ ε‖y − u_0‖². Expected (<Refs text="THEORY.md E" />, to be measured, not
        assumed): the boundary sits near the counting bound, orders of magnitude below Du’s width. The other measures
        show where training stops being lazy: large moves, many flipped signs, an NTK that drifts far from its start.
      </p>
    </aside>
  );
}
