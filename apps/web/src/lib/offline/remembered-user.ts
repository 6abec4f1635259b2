import type { SessionUser } from '../api-types';

/**
 * Who was signed in on this browser last, so the app can open offline as them (issue 16): the refresh
 * cookie cannot be exchanged without a network, and the cached lists are theirs. Only the public profile
 * (id, name, email), never a token. Forgotten on every sign-out.
 */
const KEY = 'taskapp.rememberedUser';

export function rememberUser(user: SessionUser): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(user));
  } catch {
    // Without storage the app simply does not open offline.
  }
}

export function rememberedUser(): SessionUser | null {
  try {
    const text = localStorage.getItem(KEY);
    if (!text) return null;
    const user = JSON.parse(text) as SessionUser & { createdAt: string };
    if (typeof user?.id !== 'string' || typeof user.email !== 'string') return null;
    return { ...user, createdAt: new Date(user.createdAt) };
  } catch {
    return null;
  }
}

export function forgetRememberedUser(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing was kept.
  }
}
