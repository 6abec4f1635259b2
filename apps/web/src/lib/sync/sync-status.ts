import { useSyncExternalStore } from 'react';

/**
 * The live stream of changes, as this tab knows it (a follower tab hears it from the leader tab):
 * - `off`: signed out, or the browser cannot stream
 * - `connecting`: the first connection is on its way
 * - `live`: changes made elsewhere show up here as they happen
 * - `reconnecting`: the connection dropped; changes are caught up once it is back
 */
export type SyncStatus = 'off' | 'connecting' | 'live' | 'reconnecting';

let status: SyncStatus = 'off';
const listeners = new Set<() => void>();

export function getSyncStatus(): SyncStatus {
  return status;
}

export function setSyncStatus(next: SyncStatus): void {
  if (next === status) return;
  status = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSyncStatus(): SyncStatus {
  return useSyncExternalStore(subscribe, getSyncStatus, getSyncStatus);
}
