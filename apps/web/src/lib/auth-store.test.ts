import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuthPayload } from './api-types';

const payload = (id: string) =>
  ({
    user: { id, email: `${id}@example.com` },
    accessToken: 'token',
    accessTokenExpiresAt: new Date(Date.now() + 900_000),
  }) as unknown as AuthPayload;

describe('whenSignedIn', () => {
  beforeEach(() => vi.resetModules());

  it('waits through a restore and a signed-out start for the first sign-in, and runs once', async () => {
    const store = await import('./auth-store');
    const run = vi.fn();
    store.whenSignedIn(run);
    store.clearSession(null);
    expect(run).not.toHaveBeenCalled();

    store.setSession(payload('ada'));
    store.clearSession('signed-out');
    store.setSession(payload('bob'));
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs at once when someone is already signed in', async () => {
    const store = await import('./auth-store');
    store.setSession(payload('ada'));
    const run = vi.fn();
    store.whenSignedIn(run);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
