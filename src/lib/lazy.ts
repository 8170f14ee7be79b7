import { useEffect, useSyncExternalStore } from 'react';

/**
 * Code a page needs soon but not for its first paint: fetched once, on the first `load()`, and then
 * kept for every caller. Its `import()` gives it a chunk of its own, outside the page's first-load JS.
 */
export type Lazy<T> = {
  load: () => Promise<T>;
  /** The loaded value, or null while it is not there yet. */
  get: () => T | null;
  subscribe: (listener: () => void) => () => void;
};

export function lazy<T>(importer: () => Promise<T>): Lazy<T> {
  let value: T | null = null;
  let loading: Promise<T> | null = null;
  const listeners = new Set<() => void>();
  return {
    load: () => {
      loading ??= importer().then(
        (loaded) => {
          value = loaded;
          for (const listener of listeners) listener();
          return loaded;
        },
        (error: unknown) => {
          // A failed fetch (a deploy replaced the chunk, the network dropped) may be tried again.
          loading = null;
          throw error;
        },
      );
      return loading;
    },
    get: () => value,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const nothing = () => null;

/**
 * `code`'s value once it has loaded, else null: null on the server and while hydrating (so the
 * server's HTML, rendered without it, hydrates as it is), and it starts loading right after
 * hydration. A component mounted later, once the code is there, has it on its first render.
 */
export function useLazy<T>(code: Lazy<T>): T | null {
  const value = useSyncExternalStore(code.subscribe, code.get, nothing);
  useEffect(() => {
    // On a failed fetch the placeholder stays, and the next mount tries again.
    code.load().catch((error: unknown) => console.error('A part of the page could not be loaded', error));
  }, [code]);
  return value;
}
