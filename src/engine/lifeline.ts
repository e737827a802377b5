/**
 * What every Web Worker of the app answers so that the page knows it is alive (state/guardedWorker.ts): a ping, and a
 * Web Lock held for as long as the worker lives — the page waits on the same lock and is granted it the moment the
 * worker ends, however it ends (out of memory, a crash, the browser reclaiming it, `self.close()`), even while the
 * worker was busy in a long computation that could not have answered a ping.
 */
import { withLock } from '../platform/storage';
import type { Guarded } from './protocol';

/**
 * Takes the lock `name` for the worker's whole life: true once it is held. False where Web Locks are missing (a page
 * served over plain http from another host) or refused (a frame on another site): the page then falls back to pings.
 */
function lifeline(name: string): Promise<boolean> {
  return new Promise((held) => {
    void withLock(
      name,
      () => new Promise<never>(() => {}),
      () => held(true),
    ).then((granted) => {
      if (!granted) held(false);
    });
  });
}

export const guarded: Guarded = { ping: () => true, lifeline };
