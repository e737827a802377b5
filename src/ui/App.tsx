// The app shell: header, notices, the training view, help; theme, presentation mode, shortcuts.
import { useEffect } from 'react';
import { useView } from '../state/view';
import { HelpDialog } from './HelpDialog';
import { Header } from './Header';
import { Notices } from './Notices';
import { TrainView } from './train/TrainView';
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
      <TrainView />
      <HelpDialog />
    </div>
  );
}
