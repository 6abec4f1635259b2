import { describe, expect, it } from 'vitest';
import { OTHER_GOOD_PASSWORD, outcome } from './helpers/accounts.js';
import type { TestBrowser } from './helpers/browser.js';
import { openEvents } from './helpers/event-stream.js';
import {
  type Account,
  deviceAt,
  endsWithin,
  registerAt,
  sameDeviceAt,
  sessionIdOf,
  type TwoInstances,
  useTwoInstances,
} from './helpers/sync-instances.js';

/** The issue: a session ends everywhere within a second. */
const WITHIN_MS = 1_000;

/** The outcome of the device's next protected call, retried until UNAUTHORIZED or `ms` have passed. */
async function unauthorizedWithin(device: TestBrowser, ms: number): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const code = await outcome(device.api.task.list.query());
    if (code === 'UNAUTHORIZED' || Date.now() > deadline) return code;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a revoked session ends on every instance at once', () => {
  let at: TwoInstances;
  useTwoInstances((started) => {
    at = started;
  });

  /** How the device on the other instance ends the session of `revoked`. */
  const revocations: Array<
    [string, (other: TestBrowser, revoked: TestBrowser, account: Account) => Promise<unknown>]
  > = [
    ['sign-out', (_other, revoked) => revoked.api.auth.logout.mutate()],
    [
      'account.revokeSession from another device',
      (other, revoked) => other.api.account.revokeSession.mutate({ id: sessionIdOf(revoked.accessToken) }),
    ],
    [
      'a password change on another device',
      (other, _revoked, account) =>
        other.api.account.changePassword.mutate({
          currentPassword: account.password,
          newPassword: OTHER_GOOD_PASSWORD,
        }),
    ],
  ];

  it.each(revocations)(
    '%s: its stream ends and its next call is UNAUTHORIZED on both instances within a second',
    async (_, revoke) => {
      const { account, device: keeper } = await registerAt(at.first.url);
      const revokedAtFirst = await deviceAt(at.first.url, account);
      const revokedAtSecond = sameDeviceAt(at.second.url, revokedAtFirst);
      // Both instances now hold the session in their cache.
      for (const device of [revokedAtFirst, revokedAtSecond]) {
        expect(await outcome(device.api.task.list.query())).toBe('OK');
      }
      const stream = await openEvents(at.first.url, revokedAtFirst.accessToken ?? '');
      const keepersStream = await openEvents(at.first.url, keeper.accessToken ?? '');
      expect(stream.status).toBe(200);

      // Revoked through the other instance than the one holding the stream.
      await revoke(sameDeviceAt(at.second.url, keeper), revokedAtSecond, account);
      const revokedAt = Date.now();

      expect(await endsWithin(stream, WITHIN_MS), 'the stream ended').toBe(true);
      expect(stream.control.map((event) => event.event)).toContain('return');
      expect(await unauthorizedWithin(revokedAtFirst, WITHIN_MS)).toBe('UNAUTHORIZED');
      expect(await unauthorizedWithin(revokedAtSecond, WITHIN_MS)).toBe('UNAUTHORIZED');
      expect(Date.now() - revokedAt).toBeLessThan(WITHIN_MS);
      // The session that did the revoking goes on.
      expect(await outcome(keeper.api.task.list.query())).toBe('OK');
      expect(await endsWithin(keepersStream, 100)).toBe(false);
      keepersStream.close();
    },
  );

  it.each([
    [
      'deactivation',
      (sql: TwoInstances['sql'], account: Account) =>
        sql.run('UPDATE users SET is_active = false WHERE id = ?', [account.userId]),
    ],
    [
      'account deletion',
      (sql: TwoInstances['sql'], account: Account) =>
        sql.run('DELETE FROM users WHERE id = ?', [account.userId]),
    ],
  ])('%s ends the streams and sessions of every device on both instances within a second', async (_, end) => {
    const { account, device: one } = await registerAt(at.first.url);
    const other = await deviceAt(at.second.url, account);
    const devices = [one, other, sameDeviceAt(at.second.url, one), sameDeviceAt(at.first.url, other)];
    for (const device of devices) expect(await outcome(device.api.task.list.query())).toBe('OK');
    const streams = [
      await openEvents(at.first.url, one.accessToken ?? ''),
      await openEvents(at.second.url, other.accessToken ?? ''),
    ];

    await end(at.sql, account);
    for (const stream of streams) expect(await endsWithin(stream, WITHIN_MS), 'a stream ended').toBe(true);
    for (const device of devices) expect(await unauthorizedWithin(device, WITHIN_MS)).toBe('UNAUTHORIZED');
  });

  it('protected calls are answered from the cache until a notification says the session ended', async () => {
    const { account } = await registerAt(at.first.url);
    const atFirst = await deviceAt(at.first.url, account);
    const atSecond = sameDeviceAt(at.second.url, atFirst);
    for (const device of [atFirst, atSecond]) expect(await outcome(device.api.task.list.query())).toBe('OK');
    // Gone from the table without its trigger: nothing notifies, so both instances still trust their cache
    // (which is what makes the revocation tests above prove the notification).
    const sessionId = sessionIdOf(atFirst.accessToken);
    await at.sql.run(
      `SET session_replication_role = replica; DELETE FROM sessions WHERE id = '${sessionId}'; SET session_replication_role = origin`,
    );
    for (const device of [atFirst, atSecond]) expect(await outcome(device.api.task.list.query())).toBe('OK');
    await at.sql.query(`SELECT pg_notify('taskapp_sync', ?)`, [`s:${sessionId}`]);
    expect(await unauthorizedWithin(atFirst, WITHIN_MS)).toBe('UNAUTHORIZED');
    expect(await unauthorizedWithin(atSecond, WITHIN_MS)).toBe('UNAUTHORIZED');
  });

  it('a stream opened with an ended session is refused before any event (401)', async () => {
    const { device } = await registerAt(at.first.url);
    const token = device.accessToken ?? '';
    await device.api.auth.logout.mutate();
    const stream = await openEvents(at.second.url, token);
    expect(stream.status).toBe(401);
    await stream.ended;
    expect(stream.events).toEqual([]);
  });
});
