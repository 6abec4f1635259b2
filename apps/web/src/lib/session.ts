import type { AppRouter } from '@taskapp/api';
import { SIGNED_IN_COOKIE } from '@taskapp/shared/constants';
import { createTRPCClient, httpLink } from '@trpc/client';
import superjson from 'superjson';
import type { AuthPayload, SessionUser } from './api-types';
import { API_URL } from './api-url';
import { onAuthMessage, postAuthMessage } from './auth-channel';
import {
  accessTokenTimeLeft,
  clearSession,
  getAuthState,
  type SignedOutReason,
  setSession,
  startOfflineSession,
} from './auth-store';
import { isBrowserOffline } from './platform';
import { withRefreshLock } from './refresh-lock';
import { errorCode } from './trpc-errors';

// Cookie-authenticated calls get a client of their own: never batched with other calls, and never
// routed through the retry-on-401 logic that itself depends on them.
const sessionClient = createTRPCClient<AppRouter>({
  links: [httpLink({ url: API_URL, transformer: superjson })],
});

/** Refresh this long before the access token expires, so calls never wait for one. */
const REFRESH_AHEAD_MS = 60_000;
const RETRY_UNREACHABLE_MS = 30_000;
/** A hung request must not hold the cross-tab lock (and every other tab) hostage. */
const REFRESH_TIMEOUT_MS = 15_000;
/**
 * A refresh that got no answer is tried again after these pauses before giving up for now: on a flaky
 * network the first answer may be lost after the server rotated the cookie, and the server accepts the
 * old cookie again for a short while (docs/decisions/006-token-design.md). Only a refusal signs out.
 */
const RETRY_DELAYS_MS = [1_000, 2_000, 4_000];

export type RefreshOutcome = 'refreshed' | 'signed-out' | 'unreachable';

let inFlight: Promise<RefreshOutcome> | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

/** The server refused the refresh cookie (as opposed to not answering): the session is over. */
function isRefusal(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'UNAUTHORIZED' || code === 'FORBIDDEN';
}

function schedule(delay: number): void {
  clearTimeout(timer);
  timer = setTimeout(() => {
    void refreshSession().then((outcome) => {
      if (outcome === 'unreachable' && getAuthState().status === 'signed-in') schedule(RETRY_UNREACHABLE_MS);
    });
  }, delay);
}

function adopt(payload: AuthPayload): void {
  setSession(payload);
  schedule(Math.max(accessTokenTimeLeft() - REFRESH_AHEAD_MS, RETRY_UNREACHABLE_MS / 2));
}

function endLocally(reason: SignedOutReason | null): void {
  clearTimeout(timer);
  clearSession(reason);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function requestRefresh(): Promise<AuthPayload> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await sessionClient.auth.refresh.mutate(undefined, {
        signal: AbortSignal.timeout(REFRESH_TIMEOUT_MS),
      });
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt];
      // A browser that knows it is offline never sent the request, so no rotated cookie's answer was lost:
      // waiting out the retries would only keep the splash up for 7 s before the saved lists open.
      if (isRefusal(error) || delay === undefined || isBrowserOffline()) throw error;
      await pause(delay);
    }
  }
}

async function runRefresh(): Promise<RefreshOutcome> {
  try {
    adopt(await requestRefresh());
    return 'refreshed';
  } catch (error) {
    const { status } = getAuthState();
    if (isRefusal(error)) {
      if (status !== 'signed-out') endLocally(status === 'signed-in' ? 'session-ended' : null);
      return 'signed-out';
    }
    // Unreachable while starting up: the remembered person's saved lists (offline), else the signed-out
    // app rather than a splash that never ends.
    if (status === 'restoring') await startOffline();
    return 'unreachable';
  }
}

/**
 * Opens the app as the person remembered on this browser, their saved lists restored (lib/offline/, set up
 * by main.tsx); null when nobody is remembered. Handed in rather than imported: the session code loads
 * with the first page, the offline cache later.
 */
let openOffline: () => Promise<SessionUser | null> = async () => null;

export function openOfflineWith(opener: () => Promise<SessionUser | null>): void {
  openOffline = opener;
}

async function startOffline(): Promise<void> {
  const user = hasSignedInMarker() ? await openOffline().catch(() => null) : null;
  if (!user) {
    endLocally(null);
    return;
  }
  startOfflineSession(user);
  schedule(RETRY_UNREACHABLE_MS);
}

/** Exchanges the refresh cookie for a new access token; concurrent callers share one request. */
export function refreshSession(): Promise<RefreshOutcome> {
  inFlight ??= withRefreshLock(runRefresh).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/** Resolves once the access token is usable: waits for a running refresh, or starts one if it expired. */
export async function ensureFreshToken(): Promise<void> {
  if (inFlight) await inFlight;
  else if (getAuthState().status === 'signed-in' && accessTokenTimeLeft() === 0) await refreshSession();
}

/**
 * Makes a register or login answer this tab's session and tells the other tabs, which pick it up from
 * the shared refresh cookie.
 */
export function adoptSignIn(payload: AuthPayload): void {
  adopt(payload);
  postAuthMessage({ type: 'signed-in', userId: payload.user.id });
}

/** Ends the session in this tab and every other one (the server side is already done). */
export function endSession(reason: SignedOutReason): void {
  endLocally(reason);
  postAuthMessage({ type: 'signed-out' });
}

/** Signs out on the server, then everywhere. Throws when the server could not be reached. */
export async function signOut(): Promise<void> {
  // Inside the lock, so another tab cannot rotate the cookie (and keep the session alive) meanwhile.
  await withRefreshLock(() => sessionClient.auth.logout.mutate());
  endSession('signed-out');
}

/** Tells other tabs that the user's details changed (name, verified email), so they fetch them again. */
export function announceUserChange(userId: string): void {
  postAuthMessage({ type: 'user-changed', userId });
}

function currentUserId(): string | null {
  const state = getAuthState();
  return state.status === 'signed-in' ? state.user.id : null;
}

/** Whether the API left its signed-in marker: without it a refresh can only fail (and log a 401). */
function hasSignedInMarker(): boolean {
  return document.cookie.split(';').some((cookie) => cookie.trim().startsWith(`${SIGNED_IN_COOKIE}=1`));
}

/** Restores the session from the refresh cookie and keeps this tab in step with the others. */
export function startSessionSync(): void {
  onAuthMessage((message) => {
    if (message.type === 'signed-out') {
      if (getAuthState().status === 'signed-in') endLocally('signed-out');
    } else if (message.type === 'signed-in') {
      if (currentUserId() !== message.userId) void refreshSession();
    } else if (currentUserId() === message.userId) {
      void refreshSession();
    }
  });
  // Timers are throttled in background tabs; catch up as soon as the tab is looked at again.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || getAuthState().status !== 'signed-in') return;
    if (accessTokenTimeLeft() < REFRESH_AHEAD_MS) void refreshSession();
  });
  // Opened offline (or the API was away): sign in properly as soon as the network is back.
  window.addEventListener('online', () => {
    if (getAuthState().status === 'signed-in' && accessTokenTimeLeft() === 0) void refreshSession();
  });
  if (hasSignedInMarker()) void refreshSession();
  else endLocally(null);
}
