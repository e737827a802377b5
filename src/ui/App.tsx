// The core screen: header, notices, controls, plots and the theory panel; theme, presentation mode, shortcuts.
import { useEffect } from 'react';
import { useView } from '../state/view';
import { Controls } from './Controls';
import { HelpDialog } from './HelpDialog';
import { Header } from './Header';
import { Notices } from './Notices';
import { Plots } from './Plots';
import { TheoryPanel } from './TheoryPanel';
import { useShortcuts } from './useShortcuts';

export function App() {
  const theme = useView((v) => v.theme);
  const presenting = useView((v) => v.presenting);
  useShortcuts();
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <div className={presenting ? 'app presenting' : 'app'}>
      <Header />
      <Notices />
      <main className="layout">
        {!presenting && <Controls />}
        <Plots />
        {!presenting && <TheoryPanel />}
      </main>
      <HelpDialog />
    </div>
  );
}
