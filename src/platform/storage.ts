/**
 * Browser storage that may be refused. A frame on another site (a course page embedding a copy hosted elsewhere), an
 * incognito window or a strict privacy setting gets no `localStorage`, `sessionStorage` or Web Locks: reading them
 * throws a SecurityError, or a lock request is rejected. Every use in the app goes through here, which answers
 * "unavailable" (null, false) instead of throwing, so that each feature can degrade and say so in words.
 */

/** A key–value store that is there or not; nothing here throws. */
export interface KeyValue {
  /** The stored value, or null (not stored, or storage refused). */
  get(key: string): string | null;
  /** Stores the value; false when storage is refused or full. */
  set(key: string, value: string): boolean;
  remove(key: string): void;
  /** Whether values can be stored here at all (a write and a read of a probe key work). */
  available(): boolean;
}

/** The Storage object `open` returns, or null when reading it throws or it is missing. */
function opened(open: () => Storage | undefined): Storage | null {
  try {
    return open() ?? null;
  } catch {
    return null;
  }
}

const PROBE = 'subnet-lab-probe';

/** A guarded view of a Web Storage area, opened lazily on each use (a frame's permission can change). */
export function guardedStorage(open: () => Storage | undefined): KeyValue {
  return {
    get(key) {
      try {
        return opened(open)?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    set(key, value) {
      const s = opened(open);
      if (!s) return false;
      try {
        s.setItem(key, value);
        return true;
      } catch {
        return false;
      }
    },
    remove(key) {
      try {
        opened(open)?.removeItem(key);
      } catch {
        /* refused: there is nothing stored to remove */
      }
    },
    available() {
      const s = opened(open);
      if (!s) return false;
      try {
        s.setItem(PROBE, '1');
        const ok = s.getItem(PROBE) === '1';
        s.removeItem(PROBE);
        return ok;
      } catch {
        return false;
      }
    },
  };
}

/** This browser's storage for the app, kept across visits where it is allowed. */
export const localStore = guardedStorage(() => globalThis.localStorage);

/** The Web Locks manager, or null where it is missing or reading it throws. */
function lockManager(): LockManager | null {
  try {
    return (globalThis.navigator as Navigator | undefined)?.locks ?? null;
  } catch {
    return null;
  }
}

/**
 * Requests the Web Lock `name` and holds it while `hold` runs (Web Locks: granted when no one else holds it).
 * `onGranted` is called once it is held. Resolves true once the lock was granted and released, false at once when
 * Web Locks are missing or the request is refused (and false if `hold` fails) — never rejects.
 */
export async function withLock(name: string, hold: () => Promise<unknown>, onGranted?: () => void): Promise<boolean> {
  const locks = lockManager();
  if (!locks) return false;
  try {
    await locks.request(name, () => {
      onGranted?.();
      return hold();
    });
    return true;
  } catch {
    return false;
  }
}
