// The app shell: header with the view tabs, notices, the open view, help; theme, presentation mode, shortcuts.
import { useEffect } from 'react';

import { useView } from '../state/view';
import { AltMinView } from './altmin/AltMinView';
import { Header } from './Header';
import { HelpDialog } from './HelpDialog';
import { Notices } from './Notices';
import { RegimesView } from './regimes/RegimesView';
import { TrainView } from './train/TrainView';
import { useShortcuts } from './useShortcuts';

export function App() {
  const theme = useView((v) => v.theme);
  const presenting = useView((v) => v.presenting);
  const view = useView((v) => v.view);
  useShortcuts();
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <div className={presenting ? 'app presenting' : 'app'}>
      <Header />
      <Notices />
      {view === 'altmin' ? <AltMinView /> : view === 'regimes' ? <RegimesView /> : <TrainView />}
      <HelpDialog />
    </div>
  );
}
