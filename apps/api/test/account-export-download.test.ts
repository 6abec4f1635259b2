import { withClient } from '@taskapp/db';
import { waitFor } from '@taskapp/db/testing';
import { describe, expect, it } from 'vitest';
import { signUp, trpcError } from './helpers/accounts.js';
import { insertOrganisedData } from './helpers/organised-data.js';
import type { Sql } from './helpers/sql.js';
import { type TestServer, useTestServerWithSql } from './helpers/test-server.js';

// GET /api/account/export: the data export streamed as a file, so a person with 100,000 long tasks costs
// the server a page of tasks in memory, not the whole export; limited like account.exportData.

let server: TestServer;
let sql: Sql;
// Each sign-up comes from an address of its own (X-Forwarded-For), so the registrations-per-IP limit
// never refuses one of this file's many accounts.
useTestServerWithSql({ TRUST_PROXY: 'true' }, (started) => {
  ({ server, sql } = started);
});

interface ExportedTask {
  id: string;
  title: string;
  description: string | null;
  createdAt: string;
}
interface ExportFile {
  exportedAt: string;
  user: { id: string };
  tasks: ExportedTask[];
}
const readExport = async (response: Response) => (await response.json()) as ExportFile;
const readError = async (response: Response) => (await response.json()) as { error: string };

const exportUrl = () => `${server.url}/api/account/export`;

function download(token: string | null, init: RequestInit = {}) {
  return fetch(exportUrl(), {
    ...init,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...init.headers },
  });
}

/** Inserts `count` tasks of the user straight into the table, each with a description of ~5 KB. */
async function insertLongTasks(userId: string, count: number) {
  await sql.run(
    `insert into tasks (user_id, title, description)
     select ?, 'task ' || i, repeat(md5(i::text), 160) from generate_series(1, ${count}) i`,
    [userId],
  );
}

/** Holds an exclusive lock on `tasks` until `release` is called, so exports wait at their first page. */
async function lockTasks() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => {
    locked = resolve;
  });
  const done = withClient(server.database.url, async (client) => {
    await client.query('begin; lock table tasks in access exclusive mode');
    locked();
    await released;
    await client.query('commit');
  });
  await isLocked;
  return async () => {
    release();
    await done;
  };
}

async function waitingOnLock(): Promise<number> {
  const [row] = await sql.query<{ count: string }>(
    "select count(*)::text as count from pg_stat_activity where wait_event_type = 'Lock' and query ilike '%tasks%'",
  );
  return Number(row?.count ?? 0);
}

describe('GET /api/account/export', () => {
  it('streams a JSON file with the same content as account.exportData', async () => {
    const { browser, accessToken } = await signUp(server);
    await browser.api.account.updateSettings.mutate({ timeZone: 'Europe/Berlin', weekStart: 1 });
    await browser.api.task.create.mutate({ title: 'timed', dueDate: new Date('2030-01-02T09:30:00.000Z') });
    await browser.api.task.create.mutate({
      title: 'all day',
      description: 'with "quotes", a \\ and ünïcode ✓',
      dueDate: new Date('2030-01-03T00:00:00.000Z'),
      allDay: true,
      priority: 'high',
    });
    await browser.api.task.create.mutate({ title: 'no date', status: 'completed' });

    const response = await download(accessToken);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="taskapp-export-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    const streamed = JSON.parse(await response.text());

    const answered = await browser.api.account.exportData.query();
    // The tRPC answer as JSON: dates become the same ISO strings the file holds.
    const { exportedAt: _at, ...expected } = JSON.parse(JSON.stringify(answered));
    const { exportedAt, ...actual } = streamed;
    expect(Date.parse(exportedAt)).not.toBeNaN();
    expect(actual).toEqual(expected);
    expect(Object.keys(streamed)).toEqual([
      'exportedAt',
      'user',
      'settings',
      'sessions',
      'projects',
      'labels',
      'tasks',
    ]);
    expect(streamed.user).not.toHaveProperty('passwordHash');
    expect(streamed.settings).toMatchObject({ timeZone: 'Europe/Berlin', weekStart: 1 });
    expect(streamed.tasks.map((task: { title: string }) => task.title)).toEqual([
      'timed',
      'all day',
      'no date',
    ]);
    expect(streamed.tasks[1]).toMatchObject({
      allDay: true,
      dueDate: '2030-01-03T00:00:00.000Z',
      description: 'with "quotes", a \\ and ünïcode ✓',
    });
  });

  it('holds only the caller’s tasks', async () => {
    const alice = await signUp(server);
    const bob = await signUp(server);
    await alice.browser.api.task.create.mutate({ title: 'alice 1' });
    await bob.browser.api.task.create.mutate({ title: 'bob 1' });
    await alice.browser.api.task.create.mutate({ title: 'alice 2' });
    await insertLongTasks(bob.userId, 3);

    const forAlice = await readExport(await download(alice.accessToken));
    expect(forAlice.user.id).toBe(alice.userId);
    expect(forAlice.tasks.map((task) => task.title)).toEqual(['alice 1', 'alice 2']);
    const forBob = await readExport(await download(bob.accessToken));
    expect(forBob.tasks).toHaveLength(4);
    expect(forBob.tasks.map((task) => task.title)).not.toContain('alice 1');

    // HEAD is refused instead of running an export that sends no body; nothing ran, so a real export
    // right after is neither "already running" nor paused.
    const head = await download(alice.accessToken, { method: 'HEAD' });
    expect(head.status).toBe(405);
    expect(head.headers.get('allow')).toBe('GET');
    expect((await download(alice.accessToken)).status).toBe(200);
  });

  it('holds the caller’s projects, labels, subtasks and order, by both routes, and nothing of anyone else’s', async () => {
    const alice = await signUp(server);
    const bob = await signUp(server);
    const mine = await insertOrganisedData(sql, alice.userId, 'alice');
    const theirs = await insertOrganisedData(sql, bob.userId, 'bob');
    const response = await download(alice.accessToken);
    const text = await response.text();
    const streamed = JSON.parse(text);

    const { home, work, old } = mine.projectIds;
    expect(streamed.projects).toEqual([
      {
        id: home,
        name: 'alice home',
        color: 'blue',
        position: 'Zz',
        archivedAt: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      },
      expect.objectContaining({ id: work, name: 'alice work', position: 'a1', archivedAt: null }),
      expect.objectContaining({ id: old, name: 'alice old', archivedAt: '2026-11-01T10:00:00.000Z' }),
    ]);
    expect(Object.keys(streamed.projects[0]).sort()).toEqual(
      ['archivedAt', 'color', 'createdAt', 'id', 'name', 'position', 'updatedAt'].sort(),
    );
    const { urgent, errand } = mine.labelIds;
    expect(streamed.labels).toEqual([
      {
        id: urgent,
        name: 'alice urgent',
        color: 'red',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      },
      expect.objectContaining({ id: errand, name: 'alice errand' }),
    ]);

    const { parent, child, grandchild, inbox } = mine.taskIds;
    const sorted = (ids: string[]) => [...ids].sort();
    expect(streamed.tasks).toEqual([
      expect.objectContaining({
        id: parent,
        projectId: work,
        parentId: null,
        position: 'a5',
        labelIds: sorted([urgent, errand]),
        subtaskCount: 1,
      }),
      expect.objectContaining({ id: child, projectId: work, parentId: parent, position: 'a0', labelIds: [] }),
      expect.objectContaining({ id: grandchild, projectId: work, parentId: child, subtaskCount: 0 }),
      expect.objectContaining({
        id: inbox,
        projectId: null,
        parentId: null,
        position: 'Zy',
        labelIds: [errand],
      }),
    ]);

    const answered = await alice.browser.api.account.exportData.query();
    const { exportedAt: _at, ...expected } = JSON.parse(JSON.stringify(answered));
    const { exportedAt: _streamedAt, ...actual } = streamed;
    expect(actual).toEqual(expected);
    expect(answered.projects[2]?.archivedAt).toEqual(new Date('2026-11-01T10:00:00.000Z'));

    for (const id of [
      bob.userId,
      ...Object.values(theirs.projectIds),
      ...Object.values(theirs.labelIds),
      ...Object.values(theirs.taskIds),
    ]) {
      expect(text).not.toContain(id);
    }
    expect(text).not.toContain('bob ');
    const forBob = await readExport(await download(bob.accessToken));
    expect(JSON.stringify(forBob)).not.toContain('alice ');
  });

  it('is 401 without a token, with a bad one and with the token of a revoked session', async () => {
    const none = await download(null);
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ error: 'Sign in to continue.' });
    expect((await download('not.a.jwt')).status).toBe(401);

    const { browser, accessToken } = await signUp(server);
    expect((await download(accessToken)).status).toBe(200);
    await browser.api.auth.logout.mutate();
    const revoked = await download(accessToken);
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get('content-disposition')).toBeNull();
  });

  it('runs one at a time per user, shared with account.exportData: a second concurrent one is 429', async () => {
    const user = await signUp(server);
    const other = await signUp(server);
    await user.browser.api.task.create.mutate({ title: 'something to export' });
    const unlock = await lockTasks();
    let first: Promise<Response> | undefined;
    try {
      first = download(user.accessToken);
      await waitFor(async () => (await waitingOnLock()) >= 1, { what: 'the first export at its first page' });

      const second = await download(user.accessToken);
      expect(second.status).toBe(429);
      expect(await second.json()).toEqual({
        error: 'An export of your data is already running. Wait for it to finish.',
      });
      const viaTrpc = await trpcError(user.browser.api.account.exportData.query());
      expect(viaTrpc.data?.code).toBe('TOO_MANY_REQUESTS');
      // Someone else's export is not held up by this one's limit (it waits for the lock like any read).
      const others = download(other.accessToken);
      await unlock();
      expect((await others).status).toBe(200);
    } finally {
      await unlock();
    }
    const answered = await first;
    expect(answered?.status).toBe(200);
    expect(answered && (await readExport(answered)).tasks).toHaveLength(1);
    // Done: the next one runs at once.
    expect((await download(user.accessToken)).status).toBe(200);
  });

  it('streams a big export in many chunks (no Content-Length) that parse, and pauses the next one', async () => {
    const user = await signUp(server);
    await insertLongTasks(user.userId, 3000);
    const response = await download(user.accessToken, { headers: { 'accept-encoding': 'identity' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBeNull();
    expect(response.headers.get('transfer-encoding')).toBe('chunked');

    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const chunks: Uint8Array[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
    expect(chunks.length).toBeGreaterThan(1);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.length).toBeGreaterThan(3000 * 5000);
    const parsed = JSON.parse(text) as ExportFile;
    expect(parsed.tasks).toHaveLength(3000);
    expect(new Set(parsed.tasks.map((task) => task.id)).size).toBe(3000);
    expect(parsed.tasks[0]?.description).toHaveLength(5120);
    const created = parsed.tasks.map((task) => task.createdAt);
    expect(created).toEqual([...created].sort());

    // Over LIMITS.exportPauseFromTasks: the next export, by either route, waits a few seconds.
    const again = await download(user.accessToken);
    expect(again.status).toBe(429);
    expect((await readError(again)).error).toMatch(
      /^You exported your data moments ago\. Try again in \d+ s\.$/,
    );
    expect((await trpcError(user.browser.api.account.exportData.query())).data?.code).toBe(
      'TOO_MANY_REQUESTS',
    );
  });

  it('is compressed when the client accepts it, and still parses', async () => {
    const user = await signUp(server);
    await insertLongTasks(user.userId, 50);
    const response = await download(user.accessToken, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect((await readExport(response)).tasks).toHaveLength(50);
  });

  it('waits for a client that stops reading instead of reading ahead (backpressure)', async () => {
    const user = await signUp(server);
    // ~30 MB of answer: far more than the socket buffers on both sides hold.
    await sql.run(
      `insert into tasks (user_id, title, description)
       select ?, 'task ' || i, repeat(md5(i::text), 312) from generate_series(1, 3000) i`,
      [user.userId],
    );
    const response = await download(user.accessToken, { headers: { 'accept-encoding': 'identity' } });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const chunks: Uint8Array[] = [(await reader.read()).value ?? new Uint8Array()];
    // The client stops reading for a while: the server fills the buffers and waits for 'drain'.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const unlock = await lockTasks();
    let rest: Promise<void> | undefined;
    try {
      rest = (async () => {
        for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
      })();
      // Reading again, the client lets the server go on, and it needs pages it had not read yet.
      await waitFor(async () => (await waitingOnLock()) >= 1, {
        what: 'the export to ask for its next page',
      });
    } finally {
      await unlock();
    }
    await rest;
    const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ExportFile;
    expect(parsed.tasks).toHaveLength(3000);
  });

  it('stops when the client goes away, and frees its slot', async () => {
    const user = await signUp(server);
    await insertLongTasks(user.userId, 3000);
    const abort = new AbortController();
    const response = await download(user.accessToken, {
      signal: abort.signal,
      headers: { 'accept-encoding': 'identity' },
    });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    abort.abort();
    await reader.closed.catch(() => undefined);
    // The server notices, stops reading pages and lets the person export again (after the pause, if the
    // part sent was big).
    await waitFor(
      async () => {
        const next = await download(user.accessToken, { headers: { 'accept-encoding': 'identity' } });
        const body = await next.text();
        return !body.includes('already running');
      },
      { what: 'the abandoned export to end' },
    );
  });
});
