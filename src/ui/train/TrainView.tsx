// The training view: controls, the live plots and sweeps, and the theory panel (controls and theory hidden while presenting).
import { useView } from '../../state/view';
import { Controls } from './Controls';
import { Plots } from './Plots';
import { TheoryPanel } from './TheoryPanel';

export function TrainView() {
  const presenting = useView((v) => v.presenting);
  return (
    <main className="layout">
      {!presenting && <Controls />}
      <Plots />
      {!presenting && <TheoryPanel />}
    </main>
  );
}
