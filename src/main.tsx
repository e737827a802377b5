// Entry point: reads the link, starts the engine worker (and makes the sweep, regimes and AltMin clients), exposes window.subnetLab, and mounts the app.
import './ui/app.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { readLink } from './core/link';
import { AltMinClient } from './state/altminClient';
import { useAltMin } from './state/altminStore';
import { automationApi, type SubnetLabApi } from './state/automation';
import { EngineClient } from './state/engineClient';
import { mirrorLink } from './state/mirror';
import { RegimesClient } from './state/regimesClient';
import { useRegimes } from './state/regimesStore';
import { SweepClient } from './state/sweepClient';
import { useView } from './state/view';
import { App } from './ui/App';
import { AltMinContext, ClientContext, RegimesContext, SweepContext } from './ui/context';

declare global {
  interface Window {
    subnetLab: SubnetLabApi;
  }
}

const client = new EngineClient();
const sweeps = new SweepClient(client);
const altmin = new AltMinClient();
const regimes = new RegimesClient(client);
window.subnetLab = automationApi(client);
const link = readLink(location.search);
useView.setState({ view: link.view, presenting: link.presenting });
useAltMin.setState({ config: link.altmin });
useRegimes.setState({ settings: link.phase });
// A view's work starts when it is first shown; the link follows the view.
useView.subscribe((v, prev) => {
  if (v.view === prev.view && v.presenting === prev.presenting) return;
  mirrorLink();
  if (v.view === 'altmin' && useAltMin.getState().traceStatus === 'idle') void altmin.runTraces();
  if (v.view === 'regimes') void regimes.refreshCurves();
});
// boot() puts the link's configuration in the store at once; the regimes curves read it.
void client.boot(link.config, link.compare, link.messages, link.backend);
if (link.view === 'altmin') void altmin.runTraces();
if (link.view === 'regimes') void regimes.refreshCurves();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ClientContext.Provider value={client}>
      <SweepContext.Provider value={sweeps}>
        <AltMinContext.Provider value={altmin}>
          <RegimesContext.Provider value={regimes}>
            <App />
          </RegimesContext.Provider>
        </AltMinContext.Provider>
      </SweepContext.Provider>
    </ClientContext.Provider>
  </StrictMode>,
);
