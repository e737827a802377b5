// Guarded storage: a refused localStorage (a frame on another site throws on the property itself), a full one, and
// Web Locks that are missing or refused never throw; they answer "unavailable".
import { afterEach, describe, expect, it, vi } from 'vitest';

import { guardedStorage, withLock } from './storage';

/** A Storage backed by a Map, as a browser that allows it gives. */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

const denied = () => {
  throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied", 'SecurityError');
};

describe('guardedStorage', () => {
  it('stores and reads where storage is allowed', () => {
    const store = memoryStorage();
    const kv = guardedStorage(() => store);
    expect(kv.available()).toBe(true);
    expect(kv.set('k', 'v')).toBe(true);
    expect(kv.get('k')).toBe('v');
    kv.remove('k');
    expect(kv.get('k')).toBeNull();
    expect(store.length).toBe(0);
  });

  it('answers "unavailable" when reading the storage object throws, as in a frame on another site', () => {
    const kv = guardedStorage(denied);
    expect(kv.available()).toBe(false);
    expect(kv.get('k')).toBeNull();
    expect(kv.set('k', 'v')).toBe(false);
    expect(() => kv.remove('k')).not.toThrow();
  });

  it('answers "unavailable" when storage is missing, and false when a write is refused (full, or blocked)', () => {
    expect(guardedStorage(() => undefined).available()).toBe(false);
    const full = memoryStorage();
    full.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    const kv = guardedStorage(() => full);
    expect(kv.set('k', 'v')).toBe(false);
    expect(kv.available()).toBe(false);
    const unreadable = memoryStorage();
    unreadable.getItem = denied;
    expect(guardedStorage(() => unreadable).get('k')).toBeNull();
  });
});

describe('withLock', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('resolves false at once where Web Locks are missing', async () => {
    vi.stubGlobal('navigator', {});
    const granted = vi.fn();
    expect(await withLock('x', async () => undefined, granted)).toBe(false);
    expect(granted).not.toHaveBeenCalled();
  });

  it('resolves false when the request is refused (SecurityError), never rejecting', async () => {
    vi.stubGlobal('navigator', {
      locks: { request: () => Promise.reject(new DOMException('The request was denied.', 'SecurityError')) },
    });
    const granted = vi.fn();
    expect(await withLock('x', async () => undefined, granted)).toBe(false);
    expect(granted).not.toHaveBeenCalled();
  });

  it('resolves false when reading navigator.locks throws', async () => {
    vi.stubGlobal('navigator', {
      get locks() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    expect(await withLock('x', async () => undefined)).toBe(false);
  });

  it('holds the lock while `hold` runs and says when it was granted', async () => {
    const order: string[] = [];
    vi.stubGlobal('navigator', {
      locks: { request: async (_name: string, cb: () => Promise<unknown>) => cb() },
    });
    const ok = await withLock(
      'x',
      async () => order.push('held'),
      () => order.push('granted'),
    );
    expect(ok).toBe(true);
    expect(order).toEqual(['granted', 'held']);
  });
});
