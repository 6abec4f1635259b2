import { useSyncExternalStore } from 'react';
import type { OutboxEntry } from './outbox-entry';

/**
 * The outbox as this tab shows it: the signed-in person's waiting writes, and why they wait.
 * - `blocked`: `network` (offline or unreachable), `sign-in` (the session ended; they are sent after
 *   signing in again), `server` (busy; tried again shortly), or null while sending or empty
 */
export interface OutboxStatus {
  entries: readonly OutboxEntry[];
  blocked: 'network' | 'sign-in' | 'server' | null;
}

const EMPTY: OutboxStatus = { entries: [], blocked: null };
let status: OutboxStatus = EMPTY;
const listeners = new Set<() => void>();

export function getOutboxStatus(): OutboxStatus {
  return status;
}

export function setOutboxStatus(next: Partial<OutboxStatus>): void {
  status = { ...status, ...next };
  for (const listener of listeners) listener();
}

export function clearOutboxStatus(): void {
  setOutboxStatus(EMPTY);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useOutboxStatus(): OutboxStatus {
  return useSyncExternalStore(subscribe, getOutboxStatus, getOutboxStatus);
}

/** The list of waiting changes, opened from a toast's Review or the sidebar's line. */
let viewOpen = false;
const viewListeners = new Set<() => void>();

export function openOutboxView(): void {
  setOutboxView(true);
}

export function setOutboxView(open: boolean): void {
  viewOpen = open;
  for (const listener of viewListeners) listener();
}

export function useOutboxView(): boolean {
  return useSyncExternalStore(
    (listener) => {
      viewListeners.add(listener);
      return () => viewListeners.delete(listener);
    },
    () => viewOpen,
    () => viewOpen,
  );
}
