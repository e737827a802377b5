/**
 * Opens a link in the running app without reloading: its view, and that view's settings from a fresh start — the
 * training run (with its compared runs and pace) restarts from the link's configuration, the regimes view takes its
 * phase-diagram settings (any diagram running is ended), the AltMin view its settings (its traces run again). A lesson
 * step and a host page's setConfig both open links this way.
 */
import type { LinkState } from '../core/link';
import type { AltMinClient } from './altminClient';
import { useAltMin } from './altminStore';
import type { EngineClient } from './engineClient';
import { mirrorLink } from './mirror';
import { usePace } from './pace';
import type { RegimesClient } from './regimesClient';
import { useRegimes } from './regimesStore';
import { useRun } from './store';
import { useView } from './view';

export interface Clients {
  engine: EngineClient;
  regimes: RegimesClient;
  altmin: AltMinClient;
}

export async function applyLink(link: LinkState, c: Clients): Promise<void> {
  c.regimes.cancelPhase();
  c.altmin.cancelPhase();
  useRun.setState({ linkMessages: link.messages });
  if (link.view === 'altmin') {
    useAltMin.setState({ config: link.altmin, messages: [], phaseStatus: 'idle', results: [], total: 0 });
    void c.altmin.runTraces();
  }
  if (link.view === 'regimes')
    useRegimes.setState({ settings: link.phase, phaseStatus: 'idle', ran: null, cells: [], rowsDone: 0, rowsTotal: 0 });
  if (link.view === 'train') usePace.setState(link.pace);
  useView.setState({ view: link.view });
  if (link.view !== 'altmin') await c.engine.setCompare(link.compare, link.config);
  mirrorLink();
}
