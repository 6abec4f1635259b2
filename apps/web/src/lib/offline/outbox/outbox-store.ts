import { createStore, del, get, keys, set } from 'idb-keyval';
import { isEntryOf, type OutboxEntry } from './outbox-entry';

/** The outbox in IndexedDB: one record per write, so tabs adding at once never overwrite each other. */
let database: ReturnType<typeof createStore> | null = null;
const store = () => {
  database ??= createStore('taskapp-outbox', 'entries');
  return database;
};

export function saveEntry(entry: OutboxEntry): Promise<void> {
  return set(entry.key, entry, store());
}

/** Changes an entry that is still there (another tab may have sent or discarded it meanwhile). */
export function changeEntry(key: string, change: (entry: OutboxEntry) => OutboxEntry): Promise<void> {
  return store()(
    'readwrite',
    (objects) =>
      new Promise<void>((resolve, reject) => {
        const read = objects.get(key);
        read.onsuccess = () => {
          if (read.result) objects.put(change(read.result as OutboxEntry), key);
          objects.transaction.oncomplete = () => resolve();
          objects.transaction.onerror = () => reject(objects.transaction.error);
        };
        read.onerror = () => reject(read.error);
      }),
  );
}

export function removeEntry(key: string): Promise<void> {
  return del(key, store());
}

/** The person's entries in the order they were made. */
export async function entriesOf(userId: string): Promise<OutboxEntry[]> {
  const mine = ((await keys(store())) as string[]).filter((key) => isEntryOf(userId, key)).sort();
  const entries = await Promise.all(mine.map((key) => get<OutboxEntry>(key, store())));
  return entries.filter((entry): entry is OutboxEntry => entry !== undefined);
}

export async function forgetEntriesOf(userId: string): Promise<void> {
  const mine = ((await keys(store())) as string[]).filter((key) => isEntryOf(userId, key));
  await Promise.all(mine.map((key) => del(key, store())));
}

export function readEntry(key: string): Promise<OutboxEntry | undefined> {
  return get<OutboxEntry>(key, store());
}
