/**
 * What every Web Worker of the app answers so that the page knows it is alive (state/guardedWorker.ts): a ping, and a
 * Web Lock held for as long as the worker lives — the page waits on the same lock and is granted it the moment the
 * worker ends, however it ends (out of memory, a crash, the browser reclaiming it, `self.close()`), even while the
 * worker was busy in a long computation that could not have answered a ping.
 */
import type { Guarded } from './protocol';

function lifeline(name: string): Promise<boolean> {
  // Web Locks need a secure context (https or localhost); elsewhere the page falls back to pings.
  if (!('locks' in navigator)) return Promise.resolve(false);
  return new Promise((held) => {
    void navigator.locks.request(name, () => {
      held(true);
      return new Promise<never>(() => {});
    });
  });
}

export const guarded: Guarded = { ping: () => true, lifeline };
