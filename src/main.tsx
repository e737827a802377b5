// Entry point: reads the link, starts the engine worker (and makes the sweep client), exposes window.subnetLab, and mounts the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { automationApi, type SubnetLabApi } from './state/automation';
import { EngineClient } from './state/engineClient';
import { SweepClient } from './state/sweepClient';
import { readLink } from './state/url';
import { useView } from './state/view';
import { App } from './ui/App';
import { ClientContext, SweepContext } from './ui/context';
import './ui/app.css';

declare global {
  interface Window {
    subnetLab: SubnetLabApi;
  }
}

const client = new EngineClient();
const sweeps = new SweepClient(client);
window.subnetLab = automationApi(client);
const link = readLink(location.search);
useView.setState({ presenting: link.presenting });
useView.subscribe((v, prev) => v.presenting !== prev.presenting && client.mirror());
void client.boot(link.config, link.compare, link.messages, link.backend);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ClientContext.Provider value={client}>
      <SweepContext.Provider value={sweeps}>
        <App />
      </SweepContext.Provider>
    </ClientContext.Provider>
  </StrictMode>,
);
