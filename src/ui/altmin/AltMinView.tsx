// The AltMin view (Jagatap & Hegde): settings, AltMin against GD from the same start, the recovery phase transition, and the theory.
import { useAltMin } from '../../state/altminStore';
import { AltMinControls } from './AltMinControls';
import { AltMinPlots } from './AltMinPlots';
import { AltMinTheory } from './AltMinTheory';
import { PhasePanel } from './PhasePanel';

export function AltMinView() {
  const messages = useAltMin((s) => s.messages);
  return (
    <main className="layout">
      <AltMinControls />
      <div className="plots">
        {messages.length > 0 && (
          <div className="notice" data-testid="altmin-messages">
            <strong>Settings corrected:</strong>
            <ul>
              {messages.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          </div>
        )}
        <AltMinPlots />
        <PhasePanel />
      </div>
      <AltMinTheory />
    </main>
  );
}
