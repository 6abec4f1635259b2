import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestBrowser, type TestServer } from './helpers/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

let counter = 0;
const newAccount = () => ({
  email: `user${++counter}@example.com`,
  name: 'Ada',
  password: 'analytical engine 42',
});

async function signUp(browser: TestBrowser) {
  const account = newAccount();
  const result = await browser.api.auth.register.mutate(account);
  browser.accessToken = result.accessToken;
  return { account, result };
}

describe('register, me, refresh rotation and reuse', () => {
  it('registers, returns the contract shape and sets an HttpOnly refresh cookie', async () => {
    const browser = server.browser();
    const { account, result } = await signUp(browser);
    expect(result.user).toEqual({
      id: expect.any(String),
      email: account.email,
      name: 'Ada',
      isVerified: false,
      createdAt: expect.any(Date),
    });
    expect(result.accessTokenExpiresAt).toBeInstanceOf(Date);
    expect(browser.cookies.get('taskapp_refresh')).toMatch(/^[\w-]{43}$/);
    expect(await browser.api.auth.me.query()).toEqual(result.user);
  });

  it('rotates the refresh token on every refresh and revokes the session when an old one comes back', async () => {
    const victim = server.browser();
    await signUp(victim);
    const first = victim.cookies.get('taskapp_refresh') ?? '';
    await victim.api.auth.refresh.mutate();
    const second = victim.cookies.get('taskapp_refresh') ?? '';
    expect(second).not.toBe(first);
    const refreshed = await victim.api.auth.refresh.mutate();
    victim.accessToken = refreshed.accessToken;
    expect(await victim.api.auth.me.query()).toMatchObject({ name: 'Ada' });

    const thief = server.browser();
    thief.cookies.set('taskapp_refresh', first);
    await expect(thief.api.auth.refresh.mutate()).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
    // The victim's current token and access token no longer work either.
    await expect(victim.api.auth.me.query()).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
    await expect(victim.api.auth.refresh.mutate()).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
  });

  it('logs out: the session is deleted, the cookie cleared and the access token stops working', async () => {
    const browser = server.browser();
    await signUp(browser);
    expect(await browser.api.auth.logout.mutate()).toEqual({ ok: true });
    expect(browser.cookies.has('taskapp_refresh')).toBe(false);
    await expect(browser.api.auth.me.query()).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
  });

  it('refuses refresh and logout from another origin or with no Origin', async () => {
    const browser = server.browser();
    await signUp(browser);
    const cookie = browser.cookies.get('taskapp_refresh') ?? '';
    for (const origin of ['https://evil.example', null]) {
      const other = server.browser({ origin });
      other.cookies.set('taskapp_refresh', cookie);
      await expect(other.api.auth.refresh.mutate()).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
      await expect(other.api.auth.logout.mutate()).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
    }
    expect(await browser.api.auth.refresh.mutate()).toMatchObject({ user: { name: 'Ada' } });
  });
});
