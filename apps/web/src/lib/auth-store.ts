import type { AuthPayload, SessionUser } from './api-types';

/**
 * Why the session ended, so the sign-in page can say so and knows whether to send the person back:
 * - `signed-out`: on purpose, here or in another tab
 * - `session-ended`: revoked or expired elsewhere (password change, sign out of other sessions)
 * - `password-reset`, `account-deleted`: finished flows with their own message
 */
export type SignedOutReason = 'signed-out' | 'session-ended' | 'password-reset' | 'account-deleted';

export type AuthState =
  | { status: 'restoring' }
  | { status: 'signed-out'; reason: SignedOutReason | null }
  | { status: 'signed-in'; user: SessionUser };

interface Credentials {
  accessToken: string;
  /** Local clock time after which the token is treated as expired; see `setSession`. */
  expiresAt: number;
}

type Listener = (next: AuthState, previous: AuthState) => void;

// The access token lives only in this module's memory: never in storage, never in React state.
let state: AuthState = { status: 'restoring' };
let credentials: Credentials | null = null;
const listeners = new Set<Listener>();

function publish(next: AuthState): void {
  const previous = state;
  state = next;
  for (const listener of listeners) listener(next, previous);
}

export function getAuthState(): AuthState {
  return state;
}

export function subscribeAuth(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Runs `run` once someone is signed in: now if they are, else at the next sign-in. */
export function whenSignedIn(run: () => void): void {
  if (state.status === 'signed-in') {
    run();
    return;
  }
  const stop = subscribeAuth((next) => {
    if (next.status !== 'signed-in') return;
    stop();
    run();
  });
}

export function getAccessToken(): string | null {
  return credentials?.accessToken ?? null;
}

/** Milliseconds until the access token expires by the local clock; 0 when there is none. */
export function accessTokenTimeLeft(now = Date.now()): number {
  return credentials ? Math.max(0, credentials.expiresAt - now) : 0;
}

// A device clock that is far off would make every token look expired (or eternal); the server's
// lifetime is what matters, so it is measured on receipt and never trusted below this floor.
const MIN_TOKEN_LIFETIME_MS = 30_000;

export function setSession(payload: AuthPayload, now = Date.now()): void {
  const lifetime = Math.max(payload.accessTokenExpiresAt.getTime() - now, MIN_TOKEN_LIFETIME_MS);
  credentials = { accessToken: payload.accessToken, expiresAt: now + lifetime };
  publish({ status: 'signed-in', user: payload.user });
}

/**
 * Signed in as the remembered person without a token: the app opened offline (lib/offline/). Calls try a
 * refresh first, and the session goes on as usual once the network is back, or ends if the server refuses.
 */
export function startOfflineSession(user: SessionUser): void {
  credentials = null;
  publish({ status: 'signed-in', user });
}

export function setUser(user: SessionUser): void {
  if (state.status === 'signed-in') publish({ status: 'signed-in', user });
}

export function clearSession(reason: SignedOutReason | null): void {
  credentials = null;
  publish({ status: 'signed-out', reason });
}
