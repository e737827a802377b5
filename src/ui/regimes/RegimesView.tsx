// The regimes view (THEORY.md E): the phase diagram's settings, the regime curves over the measured diagram, and what each regime says.
import { PhaseControls } from './PhaseControls';
import { RegimesPanel } from './RegimesPanel';
import { RegimesTheory } from './RegimesTheory';

export function RegimesView() {
  return (
    <main className="layout">
      <PhaseControls />
      <RegimesPanel />
      <RegimesTheory />
    </main>
  );
}
