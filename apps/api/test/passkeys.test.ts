import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { describe, expect, it } from 'vitest';
import { newBrowser, outcome, type SignedUp, signUp, trpcError } from './helpers/accounts.js';
import { waitForMails } from './helpers/mail.js';
import { SoftwareAuthenticator } from './helpers/software-authenticator.js';
import type { Sql } from './helpers/sql.js';
import {
  TEST_ORIGIN,
  type TestBrowser,
  type TestServer,
  useTestServerWithSql,
} from './helpers/test-server.js';

let server: TestServer;
let sql: Sql;
useTestServerWithSql({ TRUST_PROXY: 'true' }, (started) => {
  ({ server, sql } = started);
});

const RP_ID = new URL(TEST_ORIGIN).hostname;
const newAuthenticator = () => new SoftwareAuthenticator(RP_ID, TEST_ORIGIN);

async function addPasskey(account: SignedUp, authenticator = newAuthenticator(), name = 'Laptop') {
  const options = await account.browser.api.account.passkeys.registrationOptions.mutate();
  return account.browser.api.account.passkeys.register.mutate({
    response: authenticator.register(options),
    name,
  });
}

/** A passkey-only sign-in from a new browser; answers the session (or throws). */
async function passkeySignIn(
  authenticator: SoftwareAuthenticator,
  userId: string,
  browser = newBrowser(server),
) {
  const options = await browser.api.auth.passkeyOptions.mutate();
  return browser.api.auth.passkeyLogin.mutate({ response: authenticator.authenticate(options, userId) });
}

async function turnOnTotp(account: SignedUp): Promise<void> {
  const { secret } = await account.browser.api.account.twoFactor.setupTotp.mutate({
    password: account.password,
  });
  const code = generateTOTP(decodeBase32IgnorePadding(secret.replace(/\s+/g, '')), 30, 6);
  await account.browser.api.account.twoFactor.enableTotp.mutate({ code });
}

async function mfaTicketOf(browser: TestBrowser, account: SignedUp): Promise<string> {
  const answer = await browser.api.auth.login.mutate({ email: account.email, password: account.password });
  if (!('mfaRequired' in answer)) throw new Error('expected a second-factor challenge');
  expect(answer.methods).toContain('passkey');
  return answer.mfaTicket;
}

describe('registering passkeys', () => {
  it('asks for a discoverable credential, keeps it, lists it and mails the owner', async () => {
    const account = await signUp(server);
    const options = await account.browser.api.account.passkeys.registrationOptions.mutate();
    expect(options).toMatchObject({
      rp: { id: RP_ID },
      authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
      excludeCredentials: [],
    });
    const authenticator = newAuthenticator();
    const added = await account.browser.api.account.passkeys.register.mutate({
      response: authenticator.register(options),
      name: '  Work laptop ',
    });
    expect(added).toEqual({
      id: expect.any(String),
      name: 'Work laptop',
      createdAt: expect.any(Date),
      lastUsedAt: null,
    });

    const status = await account.browser.api.account.twoFactor.status.query();
    expect(status.passkeys).toEqual([added]);
    const [stored] = await sql.query<{ credential_id: string; transports: string[]; backed_up: boolean }>(
      'SELECT credential_id, transports, backed_up FROM passkeys WHERE user_id = ?',
      [account.userId],
    );
    expect(stored).toEqual({ credential_id: authenticator.id, transports: ['internal'], backed_up: true });
    await waitForMails(server.inbox, account.email, /passkey was added/i, 1);

    // The next options exclude the authenticator already added.
    const next = await account.browser.api.account.passkeys.registrationOptions.mutate();
    expect(next.excludeCredentials).toEqual([
      { id: authenticator.id, type: 'public-key', transports: ['internal'] },
    ]);
  });

  it('uses each registration challenge once, and only for the account it was made for', async () => {
    const account = await signUp(server);
    const other = await signUp(server);
    const options = await account.browser.api.account.passkeys.registrationOptions.mutate();
    const authenticator = newAuthenticator();
    const response = authenticator.register(options);
    // Another account cannot answer this account's challenge.
    expect(await outcome(other.browser.api.account.passkeys.register.mutate({ response, name: 'x' }))).toBe(
      'BAD_REQUEST',
    );
    await account.browser.api.account.passkeys.register.mutate({ response, name: 'Phone' });
    const again = newAuthenticator().register(options);
    expect(
      await outcome(account.browser.api.account.passkeys.register.mutate({ response: again, name: 'y' })),
    ).toBe('BAD_REQUEST');
  });

  it('refuses an answer made for another origin', async () => {
    const account = await signUp(server);
    const options = await account.browser.api.account.passkeys.registrationOptions.mutate();
    const response = newAuthenticator().register(options, { origin: 'https://evil.example' });
    expect(await outcome(account.browser.api.account.passkeys.register.mutate({ response, name: 'x' }))).toBe(
      'BAD_REQUEST',
    );
    expect((await account.browser.api.account.twoFactor.status.query()).passkeys).toEqual([]);
  });

  it('refuses malformed answers with a 4xx', async () => {
    const account = await signUp(server);
    const register = (response: unknown) =>
      account.browser.api.account.passkeys.register.mutate({ response, name: 'x' } as never);
    for (const response of [
      {},
      'nonsense',
      { id: 'a', rawId: 'a', type: 'public-key', response: { clientDataJSON: 'a', attestationObject: 'b' } },
      { id: 'a'.repeat(5000), rawId: 'a', type: 'public-key', response: {} },
      { id: 'a', rawId: 'a', type: 'public-key', response: { clientDataJSON: '!!', attestationObject: '' } },
    ])
      expect(await outcome(register(response))).toBe('BAD_REQUEST');
    const login = (response: unknown) =>
      newBrowser(server).api.auth.passkeyLogin.mutate({ response } as never);
    expect(await outcome(login({ id: 'a', rawId: 'a', type: 'public-key', response: {} }))).toBe(
      'BAD_REQUEST',
    );
    const garbage = {
      id: 'AAAA',
      rawId: 'AAAA',
      type: 'public-key',
      response: { clientDataJSON: 'e30', authenticatorData: 'AAAA', signature: 'AAAA' },
    };
    expect(await outcome(login(garbage))).toBe('UNAUTHORIZED');
  });

  it('stops at 20 passkeys', async () => {
    const account = await signUp(server);
    for (let i = 0; i < 20; i += 1)
      await sql.run(
        "INSERT INTO passkeys (user_id, credential_id, public_key, name) VALUES (?, ?, 'x', 'k')",
        [account.userId, `cred-${account.userId}-${i}`],
      );
    const error = await trpcError(account.browser.api.account.passkeys.registrationOptions.mutate());
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/at most 20 passkeys/);
  });
});

describe('renaming and deleting passkeys', () => {
  it("finds only the account's own passkeys (another account's id is NOT_FOUND)", async () => {
    const owner = await signUp(server);
    const stranger = await signUp(server);
    const passkey = await addPasskey(owner);
    const passkeys = stranger.browser.api.account.passkeys;
    expect(await outcome(passkeys.rename.mutate({ id: passkey.id, name: 'mine now' }))).toBe('NOT_FOUND');
    expect(await outcome(passkeys.delete.mutate({ id: passkey.id, password: stranger.password }))).toBe(
      'NOT_FOUND',
    );
    expect((await owner.browser.api.account.twoFactor.status.query()).passkeys).toEqual([passkey]);

    const renamed = await owner.browser.api.account.passkeys.rename.mutate({
      id: passkey.id,
      name: 'Old phone',
    });
    expect(renamed).toEqual({ ...passkey, name: 'Old phone' });
  });

  it('deletes only with the right password', async () => {
    const account = await signUp(server);
    const authenticator = newAuthenticator();
    const passkey = await addPasskey(account, authenticator);
    const wrong = await trpcError(
      account.browser.api.account.passkeys.delete.mutate({ id: passkey.id, password: 'not my password' }),
    );
    expect(wrong.data?.code).toBe('BAD_REQUEST');
    expect(
      await account.browser.api.account.passkeys.delete.mutate({
        id: passkey.id,
        password: account.password,
      }),
    ).toEqual({ ok: true });
    expect((await account.browser.api.account.twoFactor.status.query()).passkeys).toEqual([]);
    // A deleted passkey signs in no more.
    expect(await outcome(passkeySignIn(authenticator, account.userId))).toBe('UNAUTHORIZED');
  });
});

describe('signing in with a passkey alone', () => {
  it('asks for any discoverable passkey and answers a session', async () => {
    const account = await signUp(server);
    const authenticator = newAuthenticator();
    await addPasskey(account, authenticator);
    const browser = newBrowser(server);
    const options = await browser.api.auth.passkeyOptions.mutate();
    expect(options).toMatchObject({ rpId: RP_ID, allowCredentials: [], userVerification: 'required' });
    const answer = await browser.api.auth.passkeyLogin.mutate({
      response: authenticator.authenticate(options, account.userId),
    });
    expect(answer).toMatchObject({ user: { id: account.userId }, accessToken: expect.any(String) });
    expect(browser.cookies.get('taskapp_refresh')).toBeTruthy();
    browser.accessToken = 'accessToken' in answer ? answer.accessToken : null;
    expect(await browser.api.auth.me.query()).toMatchObject({ id: account.userId });
    const [passkey] = (await account.browser.api.account.twoFactor.status.query()).passkeys;
    expect(passkey?.lastUsedAt).toBeInstanceOf(Date);
  });

  it('refuses a replayed answer (each challenge works once)', async () => {
    const account = await signUp(server);
    const authenticator = newAuthenticator();
    await addPasskey(account, authenticator);
    const browser = newBrowser(server);
    const options = await browser.api.auth.passkeyOptions.mutate();
    const response = authenticator.authenticate(options, account.userId);
    await browser.api.auth.passkeyLogin.mutate({ response });
    const replay = await trpcError(newBrowser(server).api.auth.passkeyLogin.mutate({ response }));
    expect(replay.data?.code).toBe('UNAUTHORIZED');
    // A second answer signed over the same challenge is refused too.
    const again = authenticator.authenticate(options, account.userId);
    expect(await outcome(newBrowser(server).api.auth.passkeyLogin.mutate({ response: again }))).toBe(
      'UNAUTHORIZED',
    );
  });

  it('refuses an answer made on another origin, an unknown passkey and one without user verification, all alike', async () => {
    const account = await signUp(server);
    const authenticator = newAuthenticator();
    await addPasskey(account, authenticator);
    const browser = newBrowser(server);
    const attempt = async (make: (options: { challenge: string }) => object) => {
      const options = await browser.api.auth.passkeyOptions.mutate();
      const error = await trpcError(
        browser.api.auth.passkeyLogin.mutate({ response: make(options) as never }),
      );
      return { code: error.data?.code, message: error.message };
    };
    const wrongOrigin = await attempt((o) =>
      authenticator.authenticate(o, account.userId, { origin: 'https://evil.example' }),
    );
    const unknown = await attempt((o) => newAuthenticator().authenticate(o, account.userId));
    const notVerified = await attempt((o) => {
      authenticator.userVerified = false;
      return authenticator.authenticate(o, account.userId);
    });
    authenticator.userVerified = true;
    const otherAccount = await attempt((o) => authenticator.authenticate(o, crypto.randomUUID()));
    expect(wrongOrigin).toEqual({ code: 'UNAUTHORIZED', message: expect.any(String) });
    for (const refusal of [unknown, notVerified, otherAccount]) expect(refusal).toEqual(wrongOrigin);
    // The passkey still works from the right origin.
    expect(await outcome(passkeySignIn(authenticator, account.userId))).toBe('OK');
  });

  it('refuses a signature counter that goes backwards', async () => {
    const account = await signUp(server);
    const authenticator = newAuthenticator();
    authenticator.counter = 10;
    await addPasskey(account, authenticator);
    expect(await outcome(passkeySignIn(authenticator, account.userId))).toBe('OK');
    authenticator.counter = 5; // a cloned authenticator lagging behind
    expect(await outcome(passkeySignIn(authenticator, account.userId))).toBe('UNAUTHORIZED');
    const [row] = await sql.query<{ counter: string }>('SELECT counter FROM passkeys WHERE user_id = ?', [
      account.userId,
    ]);
    expect(Number(row?.counter)).toBe(11);
  });

  it('signs in even with TOTP on: a user-verified passkey is two factors itself', async () => {
    const account = await signUp(server);
    const authenticator = newAuthenticator();
    await addPasskey(account, authenticator);
    await turnOnTotp(account);
    expect(await outcome(passkeySignIn(authenticator, account.userId))).toBe('OK');
  });
});

describe('a passkey as the second factor', () => {
  it("finishes a sign-in's ticket with one of that person's passkeys, once", async () => {
    const account = await signUp(server);
    const stranger = await signUp(server);
    const authenticator = newAuthenticator();
    const strangerKey = newAuthenticator();
    const passkey = await addPasskey(account, authenticator);
    await addPasskey(stranger, strangerKey);
    await turnOnTotp(account);

    const browser = newBrowser(server);
    const mfaTicket = await mfaTicketOf(browser, account);
    expect(browser.cookies.size).toBe(0);
    const options = await browser.api.auth.passkeyOptions.mutate({ mfaTicket });
    expect(options.allowCredentials).toEqual([
      { id: authenticator.id, type: 'public-key', transports: ['internal'] },
    ]);

    // Someone else's passkey cannot finish this sign-in.
    const foreign = strangerKey.authenticate(options, stranger.userId);
    expect(await outcome(browser.api.auth.passkeyLogin.mutate({ response: foreign, mfaTicket }))).toBe(
      'UNAUTHORIZED',
    );
    // A passkey-only challenge cannot be used for the ticket, nor the ticket's challenge without it.
    const signInOptions = await browser.api.auth.passkeyOptions.mutate();
    const mixed = authenticator.authenticate(signInOptions, account.userId);
    expect(await outcome(browser.api.auth.passkeyLogin.mutate({ response: mixed, mfaTicket }))).toBe(
      'UNAUTHORIZED',
    );

    const next = await browser.api.auth.passkeyOptions.mutate({ mfaTicket });
    const answer = await browser.api.auth.passkeyLogin.mutate({
      response: authenticator.authenticate(next, account.userId),
      mfaTicket,
    });
    expect(answer).toMatchObject({ user: { id: account.userId }, accessToken: expect.any(String) });
    expect(browser.cookies.get('taskapp_refresh')).toBeTruthy();
    expect((await account.browser.api.account.twoFactor.status.query()).passkeys[0]?.id).toBe(passkey.id);

    // The ticket is spent.
    expect(await outcome(browser.api.auth.passkeyOptions.mutate({ mfaTicket }))).toBe('UNAUTHORIZED');
    expect(await outcome(browser.api.auth.completeMfa.mutate({ mfaTicket, code: '000000' }))).toBe(
      'UNAUTHORIZED',
    );
  });

  it('refuses an unknown or expired ticket', async () => {
    const account = await signUp(server);
    const authenticator = newAuthenticator();
    await addPasskey(account, authenticator);
    await turnOnTotp(account);
    const browser = newBrowser(server);
    expect(await outcome(browser.api.auth.passkeyOptions.mutate({ mfaTicket: 'made-up' }))).toBe(
      'UNAUTHORIZED',
    );
    const mfaTicket = await mfaTicketOf(browser, account);
    const options = await browser.api.auth.passkeyOptions.mutate({ mfaTicket });
    await sql.run("UPDATE mfa_tickets SET expires_at = now() - interval '1 second' WHERE user_id = ?", [
      account.userId,
    ]);
    const response = authenticator.authenticate(options, account.userId);
    expect(await outcome(browser.api.auth.passkeyLogin.mutate({ response, mfaTicket }))).toBe('UNAUTHORIZED');
  });
});
