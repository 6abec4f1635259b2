import { createTestDatabase, type TestDatabase, waitFor } from '@taskapp/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { type RunningServer, startServer } from '../src/server.js';
import { outcome } from './helpers/accounts.js';
import { TEST_ORIGIN } from './helpers/browser.js';
import { openEvents } from './helpers/event-stream.js';
import { type SmtpInbox, startSmtpInbox } from './helpers/smtp-inbox.js';
import { type OpenSql, openSql } from './helpers/sql.js';
import {
  currentCursor,
  deviceAt,
  endsWithin,
  registerAt,
  sessionIdOf,
  syncBackends,
  waitForListeners,
} from './helpers/sync-instances.js';
import { startTcpForwarder, type TcpForwarder } from './helpers/tcp-forwarder.js';
import { testEnv } from './helpers/test-env.js';

describe('while the LISTEN connection is down', () => {
  let database: TestDatabase;
  let inbox: SmtpInbox;
  // The instance's LISTEN connection goes through this, so the test can keep it from coming back.
  let feedLine: TcpForwarder;
  let api: RunningServer;
  let sql: OpenSql;
  beforeAll(async () => {
    database = await createTestDatabase();
    inbox = await startSmtpInbox();
    const direct = new URL(database.url);
    feedLine = await startTcpForwarder(Number(direct.port));
    const feedUrl = new URL(database.url);
    feedUrl.port = String(feedLine.port);
    const env = testEnv({
      DATABASE_URL: database.url,
      DATABASE_URL_UNPOOLED: feedUrl.toString(),
      SMTP_URL: inbox.url,
      APP_ORIGIN: TEST_ORIGIN,
      TRUST_PROXY: 'true',
    });
    api = await startServer(env, createLogger(env));
    sql = await openSql(database);
    await waitForListeners(sql, 1);
  });
  afterAll(async () => {
    await sql?.close();
    await api?.close();
    await feedLine?.close();
    await inbox?.close();
    await database?.drop();
  });

  it('a revoked cached session is UNAUTHORIZED at once, and streams go on by polling until it is back', async () => {
    const { account, device: keeper } = await registerAt(api.url);
    const revoked = await deviceAt(api.url, account);
    expect(await outcome(revoked.api.task.list.query())).toBe('OK'); // now cached
    const from = await currentCursor(keeper);
    const stream = await openEvents(api.url, keeper.accessToken ?? '', { inputLastEventId: from });
    const revokedStream = await openEvents(api.url, revoked.accessToken ?? '');
    const before = await keeper.api.task.create.mutate({ title: 'Before' });
    await stream.waitFor(1, 1_000);

    const [listener] = await syncBackends(sql);
    await sql.query('SELECT pg_terminate_backend(?, 5000)', [listener]);
    // Kept down: the instance cannot reconnect until the line is back.
    await feedLine.pause();
    await waitFor(async () => (await syncBackends(sql)).length === 0, { what: 'no LISTEN connection' });

    await keeper.api.account.revokeSession.mutate({ id: sessionIdOf(revoked.accessToken) });
    expect(await outcome(revoked.api.task.list.query())).toBe('UNAUTHORIZED');
    // Its stream learns it by looking the session up on its next poll.
    expect(await endsWithin(revokedStream, 2_500), 'the revoked session’s stream ended').toBe(true);
    expect(revokedStream.control.map((event) => event.event)).toContain('return');

    const whileDown = await keeper.api.task.create.mutate({ title: 'While LISTEN is down' });
    await stream.waitFor(2, 2_500);
    expect(stream.events[1]?.data).toMatchObject({ op: 'upsert', id: whileDown.id });

    await feedLine.resume(Number(new URL(database.url).port));
    await waitForListeners(sql, 1);
    const afterwards = await keeper.api.task.update.mutate({ id: before.id, title: 'Listening again' });
    const sent = Date.now();
    await stream.waitFor(3, 1_000);
    expect(Date.now() - sent).toBeLessThan(1_000);
    expect(stream.events.map((event) => (event.data as { id: string }).id)).toEqual([
      before.id,
      whileDown.id,
      afterwards.id,
    ]);
    // Polling and the wake on reconnect read nothing twice.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stream.events).toHaveLength(3);
    stream.close();
  });
});
