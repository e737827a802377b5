/**
 * The one-file offline build's workers (vite.offline.config.ts puts this module in place of workerScript.ts): the
 * workers' script is inlined in the page as text and started from a blob, since a page opened from file:// may load no
 * script from a file. Same roles, same script as the hosted build.
 */
import InlineWorker from '../engine/entry.ts?worker&inline';
import type { WorkerRole } from '../engine/protocol';

export function startWorker(role: WorkerRole): Worker {
  return new InlineWorker({ name: role });
}
