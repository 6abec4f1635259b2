import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';
import { createStore, del, get, set } from 'idb-keyval';

/**
 * The query cache kept in IndexedDB, one entry per person (issue 16): reopening the app, even offline,
 * shows the last lists at once. Each successful answer is kept with its key and time, and put back with
 * setQueryData (never over a newer answer); IndexedDB stores them as structured clones, so dates stay
 * dates. (React Query's dehydrate/hydrate would do the same, but would pull shared code out of the first
 * page's bundle into chunks of its own.) Wiped on sign-out and account deletion.
 */
interface SavedAnswer {
  queryKey: QueryKey;
  data: unknown;
  updatedAt: number;
}

interface StoredCache {
  /** Bumped when the shape of cached answers changes: an older copy is dropped, not misread. */
  format: number;
  savedAt: number;
  answers: SavedAnswer[];
}

const FORMAT = 1;
/** A copy older than this is not worth showing: the app refetches anyway. */
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
/** Writes are coalesced: a burst of changes is one write. */
const SAVE_DELAY_MS = 1_000;

let database: ReturnType<typeof createStore> | null = null;
const store = () => {
  database ??= createStore('taskapp-offline', 'query-cache');
  return database;
};
const keyOf = (userId: string) => `cache:${userId}`;

/** Answers worth keeping: successful, and not the ones that belong to nobody (health, email links). */
function keep(query: Query): boolean {
  const [head] = query.queryKey;
  const shared = Array.isArray(head) ? head[0] === 'health' : head === 'verify-email';
  return query.state.status === 'success' && !shared;
}

/** Puts the person's saved answers into the cache (without replacing newer ones); false when there were none. */
export async function restoreQueryCache(
  client: QueryClient,
  userId: string,
  now = Date.now(),
): Promise<boolean> {
  try {
    const saved = await get<StoredCache>(keyOf(userId), store());
    if (!saved || saved.format !== FORMAT || now - saved.savedAt > MAX_AGE_MS) return false;
    for (const answer of saved.answers) {
      const current = client.getQueryState(answer.queryKey);
      if ((current?.dataUpdatedAt ?? 0) >= answer.updatedAt) continue;
      client.setQueryData(answer.queryKey, answer.data, { updatedAt: answer.updatedAt });
      // Shown at once but never taken as fresh: whoever reads it fetches the server's answer (a saved copy
      // can be seconds behind: it is written a second after changes settle).
      void client.invalidateQueries({ queryKey: answer.queryKey, exact: true, refetchType: 'none' });
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Saves the cache whenever it changes (a second after the last change) until the returned stop, which
 * resolves once no write is left running (so a wipe after it is final).
 */
export function persistQueryCache(client: QueryClient, userId: string): () => Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();
  const save = () => {
    const entry: StoredCache = {
      format: FORMAT,
      savedAt: Date.now(),
      answers: client
        .getQueryCache()
        .getAll()
        .filter(keep)
        .map((query) => ({
          queryKey: query.queryKey,
          data: query.state.data,
          updatedAt: query.state.dataUpdatedAt,
        })),
    };
    writing = writing.then(() => set(keyOf(userId), entry, store())).catch(() => undefined);
  };
  const unsubscribe = client.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' && event.type !== 'added') return;
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  });
  return async () => {
    clearTimeout(timer);
    unsubscribe();
    await writing;
  };
}

export async function forgetQueryCache(userId: string): Promise<void> {
  await del(keyOf(userId), store()).catch(() => undefined);
}
