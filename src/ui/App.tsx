// The core screen: header, notices, controls, plots and the theory panel.
import { Controls } from './Controls';
import { Header } from './Header';
import { Notices } from './Notices';
import { Plots } from './Plots';
import { TheoryPanel } from './TheoryPanel';

export function App() {
  return (
    <div className="app">
      <Header />
      <Notices />
      <main className="layout">
        <Controls />
        <Plots />
        <TheoryPanel />
      </main>
    </div>
  );
}
