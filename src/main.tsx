// Entry point: reads the link (and a lesson it opens), starts the engine worker (and makes the sweep, regimes, AltMin,
// lesson and lesson-editor clients), exposes window.subnetLab, and mounts the app.
import './ui/app.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { readLink } from './core/link';
import { keepForOffline } from './platform/offline';
import { AltMinClient } from './state/altminClient';
import { useAltMin } from './state/altminStore';
import { automationApi, type SubnetLabApi } from './state/automation';
import { EngineClient } from './state/engineClient';
import { listenToHost } from './state/hostMessages';
import { LessonClient } from './state/lessonClient';
import { lessonFromAddress } from './state/lessonLink';
import { dismissWelcome, useLesson, welcomed } from './state/lessonStore';
import { mirrorLink } from './state/mirror';
import { usePace } from './state/pace';
import { RegimesClient } from './state/regimesClient';
import { useRegimes } from './state/regimesStore';
import { StudioClient } from './state/studioClient';
import { SweepClient } from './state/sweepClient';
import { useView } from './state/view';
import { watchVisibility } from './state/visibility';
import { App } from './ui/App';
import { AltMinContext, ClientContext, LessonContext, RegimesContext, StudioContext, SweepContext } from './ui/context';

declare global {
  interface Window {
    subnetLab: SubnetLabApi;
  }
}

const client = new EngineClient();
const sweeps = new SweepClient(client);
const altmin = new AltMinClient();
const regimes = new RegimesClient(client);
const lessons = new LessonClient(client, regimes, altmin);
const studio = new StudioClient(lessons, { engine: client, regimes, altmin });
window.subnetLab = automationApi({ engine: client, regimes, altmin }, lessons);
// The engine starts at once, except in a frame (below): there when the frame is first seen, or the host calls.
let startEngine = () => undefined as void;
const engineMayStart = new Promise<void>((go) => (startEngine = go));
listenToHost(window.subnetLab, lessons, startEngine);
// A lesson in the address opens at its step: the app boots on the step's link.
const ask = await lessonFromAddress(location.search, location.hash);
const search = ask?.ok ? lessons.prepare(ask.request) : location.search;
if (ask && !ask.ok) useLesson.setState({ listOpen: true, message: ask.message });
const link = readLink(search);
if (!ask && !link.presenting && !link.embed && !welcomed()) useLesson.setState({ welcome: true });
useView.setState({ view: link.view, presenting: link.presenting, embed: link.embed });
useAltMin.setState({ config: link.altmin });
useRegimes.setState({ settings: link.phase });
usePace.setState(link.pace);
usePace.subscribe(mirrorLink);
// A view's work starts when it is first shown; the link follows the view.
// In presentation mode an open lesson folds to one line (the lecturer opens its step when the room should read it).
if (link.presenting) useLesson.setState({ collapsed: true });
useView.subscribe((v, prev) => {
  if (v.presenting !== prev.presenting) useLesson.setState({ collapsed: v.presenting });
  // Another view chosen from the first-visit screen: the student goes exploring.
  if (v.view !== prev.view && useLesson.getState().welcome) dismissWelcome();
  if (v.view === prev.view && v.presenting === prev.presenting) return;
  mirrorLink();
  if (v.view === 'altmin' && useAltMin.getState().traceStatus === 'idle') void altmin.runTraces();
  if (v.view === 'regimes') void regimes.refreshCurves();
});
// boot() puts the link's configuration in the store at once; the regimes curves read it.
void client.boot(link.config, link.compare, link.messages, link.backend, engineMayStart);
// An embed in a frame (a course page, a slide deck) trains only while it can be seen: its engine starts when it is
// first on screen, it pauses when hidden or scrolled off, and with autoplay=1 it plays again when shown.
const autoplay = link.pace.autoplay === '1';
if (link.embed && window.parent !== window)
  watchVisibility((visible) => {
    if (!visible) return client.pause();
    startEngine();
    if (autoplay) window.subnetLab.play();
  });
else {
  startEngine();
  if (autoplay) window.subnetLab.play();
}
// Once the run has started, the build is cached for offline use in the background.
void client.whenStarted().then(
  () => setTimeout(keepForOffline, 1000),
  () => undefined,
);
if (link.view === 'altmin') void altmin.runTraces();
if (link.view === 'regimes') void regimes.refreshCurves();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ClientContext.Provider value={client}>
      <SweepContext.Provider value={sweeps}>
        <AltMinContext.Provider value={altmin}>
          <RegimesContext.Provider value={regimes}>
            <LessonContext.Provider value={lessons}>
              <StudioContext.Provider value={studio}>
                <App />
              </StudioContext.Provider>
            </LessonContext.Provider>
          </RegimesContext.Provider>
        </AltMinContext.Provider>
      </SweepContext.Provider>
    </ClientContext.Provider>
  </StrictMode>,
);
