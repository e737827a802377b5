/**
 * The one script every Web Worker of the app runs; the Worker's `name` picks its role — the live engine, the sweeps,
 * the width regimes, the background spectrum, AltMin or the lesson editor's check — whose module is loaded on
 * demand. So tfjs and the engine are one chunk that the engine, sweep, regimes and lesson-check workers share
 * (downloaded and compiled once, cached by the browser), and the float64-only workers load no tfjs at all.
 */
import type { WorkerRole } from './protocol';

const ROLES: Record<WorkerRole, () => Promise<unknown>> = {
  engine: () => import('./worker'),
  sweep: () => import('./sweepWorker'),
  regimes: () => import('./regimesWorker'),
  theory: () => import('./theoryWorker'),
  altmin: () => import('./altminWorker'),
  lessoncheck: () => import('./lessonCheckWorker'),
};

// Calls can arrive before the role's module has loaded and listens: they wait here and are handed on in order.
const early: MessageEvent[] = [];
const hold = (e: MessageEvent) => {
  early.push(e);
  e.stopImmediatePropagation();
};
self.addEventListener('message', hold);
const role = ROLES[self.name as WorkerRole];
if (!role) throw new Error(`no worker role "${self.name}"`);
void role().then(() => {
  self.removeEventListener('message', hold);
  for (const e of early.splice(0))
    self.dispatchEvent(new MessageEvent('message', { data: e.data, ports: [...e.ports] }));
});
