import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuthPayload } from '../api-types';
import { clearSession, setSession } from '../auth-store';
import { followSignInWithLiveSync } from './follow-sign-in';

const running = new Map<string, number>();
vi.mock('./live-sync', () => ({
  startLiveSync: (_queryClient: unknown, userId: string) => {
    running.set(userId, (running.get(userId) ?? 0) + 1);
    return () => running.set(userId, (running.get(userId) ?? 1) - 1);
  },
}));

const signIn = (id: string) =>
  setSession({
    user: { id, name: id, email: `${id}@example.com` },
    accessToken: 'token',
    accessTokenExpiresAt: new Date(Date.now() + 900_000),
  } as unknown as AuthPayload);

/** Lets the idle callback run and the lazily imported module arrive. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

beforeEach(() => {
  vi.stubGlobal('window', {});
  running.clear();
  clearSession(null);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('live sync follows the signed-in person', () => {
  it('starts on sign-in, stops on sign-out, and restarts for someone else', async () => {
    const stop = followSignInWithLiveSync(new QueryClient());
    await settle();
    expect([...running.values()].reduce((sum, count) => sum + count, 0)).toBe(0);

    signIn('ada');
    await settle();
    expect(running.get('ada')).toBe(1);

    signIn('grace');
    await settle();
    expect([running.get('ada'), running.get('grace')]).toEqual([0, 1]);

    clearSession('signed-out');
    await settle();
    expect(running.get('grace')).toBe(0);
    stop();
  });

  it('does not start for a session that ended before its code arrived', async () => {
    const stop = followSignInWithLiveSync(new QueryClient());
    signIn('ada');
    clearSession('signed-out');
    await settle();
    expect(running.get('ada')).toBeUndefined();
    stop();
  });
});
