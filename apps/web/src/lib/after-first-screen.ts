import { useSyncExternalStore } from 'react';
import type { AuthState } from './auth-store';
import { whenIdle } from './when-idle';

/** How often to look again while the first screen is still loading. */
const RECHECK_MS = 500;
/** A query that never settles must not keep the app from being saved for offline use. */
const GIVE_UP_MS = 15_000;
/** The longest wait for an idle moment once the screen has settled. */
const IDLE_TIMEOUT_MS = 3_000;

export interface FirstScreenSignals {
  authStatus: () => AuthState['status'];
  /** Queries loading now (QueryClient.isFetching). */
  fetching: () => number;
}

/**
 * Runs `work` once the first screen has what it needs (the session restored, no query loading: the first
 * list and the rest of the screen's data) and the browser is idle, or after 15 s whatever the state.
 * For work that competes with the first screen for a phone's bandwidth or CPU.
 */
export function afterFirstScreen(work: () => void, signals: FirstScreenSignals): void {
  const started = Date.now();
  const check = () => {
    const settled = signals.authStatus() !== 'restoring' && signals.fetching() === 0;
    if (settled || Date.now() - started >= GIVE_UP_MS) work();
    else setTimeout(() => whenIdle(check, IDLE_TIMEOUT_MS), RECHECK_MS);
  };
  whenIdle(check, IDLE_TIMEOUT_MS);
}

let firstScreenShown = false;
const shownListeners = new Set<() => void>();

/** Called once (main.tsx, through afterFirstScreen): what waited for the first screen may start now. */
export function markFirstScreenShown(): void {
  if (firstScreenShown) return;
  firstScreenShown = true;
  for (const listener of shownListeners) listener();
}

export function subscribeFirstScreenShown(listener: () => void): () => void {
  shownListeners.add(listener);
  return () => shownListeners.delete(listener);
}

/**
 * False until the first screen is up: for a component's own background work (the header's health
 * check) that would otherwise compete with the first page's code and data on a phone.
 */
export function useFirstScreenShown(): boolean {
  return useSyncExternalStore(subscribeFirstScreenShown, isFirstScreenShown, () => false);
}

export function isFirstScreenShown(): boolean {
  return firstScreenShown;
}
