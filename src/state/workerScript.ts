/**
 * Starts a Web Worker of the app in a role (engine/entry.ts). Every role runs the same bundled script, so the tfjs
 * engine is downloaded once; the one-file offline build replaces this module with one that starts the same script
 * from its inlined text (workerScript.offline.ts).
 */
import type { WorkerRole } from '../engine/protocol';

export function startWorker(role: WorkerRole): Worker {
  return new Worker(new URL('../engine/entry.ts', import.meta.url), { type: 'module', name: role });
}
