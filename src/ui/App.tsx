// The app shell: header with the view tabs, notices, the first-visit card and the open lesson (or the lesson editor),
// the open view, help and the theory page; theme, presentation mode, shortcuts, and lesson files dropped on the page.
import { useEffect } from 'react';

import { useLesson } from '../state/lessonStore';
import { useStudio } from '../state/studioStore';
import { useView } from '../state/view';
import { AltMinView } from './altmin/AltMinView';
import { useLessonClient } from './context';
import { EmbedDialog } from './EmbedDialog';
import { EmbedFooter } from './EmbedFooter';
import { Header } from './Header';
import { HelpDialog } from './HelpDialog';
import { LessonList } from './lessons/LessonList';
import { LessonPanel } from './lessons/LessonPanel';
import { openLessonFile } from './lessons/openLessonFile';
import { WelcomeCard } from './lessons/WelcomeCard';
import { Notices } from './Notices';
import { RegimesView } from './regimes/RegimesView';
import { ShareDialog } from './ShareDialog';
import { StudioPanel } from './studio/StudioPanel';
import { TheoryDialog } from './theory/TheoryDialog';
import { TrainView } from './train/TrainView';
import { useShortcuts } from './useShortcuts';

export function App() {
  const theme = useView((v) => v.theme);
  const presenting = useView((v) => v.presenting);
  const embed = useView((v) => v.embed);
  const view = useView((v) => v.view);
  const lessons = useLessonClient();
  const editing = useStudio((s) => s.open);
  // A first visit opens on the welcome alone; the view waits behind it.
  const landing = useLesson((s) => s.welcome && !s.lesson) && !presenting && !embed;
  useShortcuts();
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
  // Presentation type is sized on the root, so that every rem-based size grows with it.
  useEffect(() => {
    document.documentElement.classList.toggle('presenting', presenting);
    document.documentElement.classList.toggle('embedded', embed !== null);
  }, [presenting, embed]);
  return (
    <div
      className="app"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDrop={(e) => {
        const file = e.dataTransfer.files[0];
        if (!file) return;
        e.preventDefault();
        void openLessonFile(lessons, file);
      }}
    >
      {!embed && <Header />}
      {landing ? (
        <WelcomeCard />
      ) : (
        <>
          <Notices />
          {editing ? <StudioPanel /> : <LessonPanel />}
          {view === 'altmin' ? <AltMinView /> : view === 'regimes' ? <RegimesView /> : <TrainView />}
        </>
      )}
      {embed && <EmbedFooter />}
      <HelpDialog />
      <LessonList />
      <TheoryDialog />
      <ShareDialog />
      <EmbedDialog />
    </div>
  );
}
