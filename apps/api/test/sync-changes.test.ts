import { request } from 'node:http';
import { LIMITS } from '@taskapp/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcome, trpcError } from './helpers/accounts.js';
import type { TestBrowser } from './helpers/browser.js';
import { type EventStream, openEvents } from './helpers/event-stream.js';
import { currentCursor, registerAt } from './helpers/sync-instances.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

type Change = { entity: string; op: string; id: string };
const key = ({ entity, op, id }: Change) => `${entity} ${op} ${id}`;

/** Every page of the caller's changes after `after`, `limit` at a time. */
async function allPages(device: TestBrowser, after: string | undefined, limit: number) {
  const pages = [];
  let page = await device.api.sync.changes.query({ after, limit });
  pages.push(page);
  while (page.hasMore) {
    page = await device.api.sync.changes.query({ after: page.cursor, limit });
    pages.push(page);
  }
  return pages;
}

describe('sync.changes and the stream limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ TRUST_PROXY: 'true' });
  });
  afterAll(() => server?.stop());

  it('pages with after and limit, in the stream’s order, with the stream’s cursors', async () => {
    const { device: alice } = await registerAt(server.url);
    const from = await currentCursor(alice);
    const stream = await openEvents(server.url, alice.accessToken ?? '', { inputLastEventId: from });
    for (let n = 0; n < 7; n++) await alice.api.task.create.mutate({ title: `Task ${n}` });
    const events = await stream.waitFor(7);
    stream.close();

    const pages = await allPages(alice, from, 3);
    expect(pages.map((page) => [page.changes.length, page.hasMore])).toEqual([
      [3, true],
      [3, true],
      [1, false],
    ]);
    expect(pages.flatMap((page) => page.changes)).toEqual(events.map((event) => event.data));
    // A page that stops short of the end goes on from its last change: that change's event id.
    expect([pages[0]?.cursor, pages[1]?.cursor]).toEqual([events[2]?.id, events[5]?.id]);
    // From any event id, exactly the later changes.
    for (const [index, event] of events.entries()) {
      const after = await alice.api.sync.changes.query({ after: event.id ?? '' });
      expect(after.changes).toEqual(events.slice(index + 1).map((later) => later.data));
    }
    const last = pages.at(-1)?.cursor;
    expect(await alice.api.sync.changes.query({ after: last })).toMatchObject({
      changes: [],
      hasMore: false,
    });

    expect(
      (await alice.api.sync.changes.query({ after: from, limit: LIMITS.syncChangesMax })).changes,
    ).toHaveLength(7);
    for (const limit of [LIMITS.syncChangesMax + 1, 0]) {
      const error = await trpcError(alice.api.sync.changes.query({ after: from, limit }));
      expect(error.data?.code).toBe('BAD_REQUEST');
    }
  });

  it('a malformed cursor is BAD_REQUEST saying so, in either procedure and the Last-Event-ID header', async () => {
    const { device } = await registerAt(server.url);
    for (const after of ['abc', '12', '1-2-3', '-1-2', `${'9'.repeat(21)}-1`]) {
      const error = await trpcError(device.api.sync.changes.query({ after }));
      expect(error.data?.code).toBe('BAD_REQUEST');
      expect(error.message).toContain('Not a sync cursor');
    }
    for (const options of [{ inputLastEventId: 'abc' }, { lastEventId: 'abc' }]) {
      const stream = await openEvents(server.url, device.accessToken ?? '', options);
      await stream.ended;
      expect(stream.status).toBe(400);
      expect(JSON.stringify(stream.control)).toContain('Not a sync cursor');
    }
    // Well-formed but never given out (ahead of the log): read everything again.
    const ahead = await device.api.sync.changes.query({ after: '999999999999-0' });
    expect(ahead).toMatchObject({ changes: [], hasMore: false, resync: true });
  });

  it('never shows another user’s changes, and asks for a session', async () => {
    const { device: alice, account } = await registerAt(server.url);
    const { device: bob } = await registerAt(server.url);
    const hers = await alice.api.task.create.mutate({ title: 'Hers' });
    const his = await bob.api.task.create.mutate({ title: 'His' });
    const hisProject = await bob.api.project.create.mutate({ name: 'His project' });
    await alice.api.task.update.mutate({ id: hers.id, title: 'Hers, edited' });

    const aliceSees = (await allPages(alice, undefined, 500)).flatMap((page) => page.changes);
    const ids = new Set(aliceSees.map((change) => change.id));
    expect(ids.has(hers.id)).toBe(true);
    for (const foreign of [his.id, hisProject.id]) expect(ids.has(foreign)).toBe(false);
    expect([...ids].every((id) => id === hers.id || id === account.userId)).toBe(true);

    const anonymous = server.browser();
    expect(await outcome(anonymous.api.sync.changes.query())).toBe('UNAUTHORIZED');
    const stream = await openEvents(server.url, 'not.a.token');
    await stream.ended;
    expect(stream.status).toBe(401);
    expect(stream.events).toEqual([]);
  });

  it(`more than ${LIMITS.syncStreamsPerUser} streams of one person on one instance: the extra one is refused with 429`, async () => {
    const { device } = await registerAt(server.url);
    const token = device.accessToken ?? '';
    const streams: EventStream[] = [];
    for (let n = 0; n < LIMITS.syncStreamsPerUser; n++) streams.push(await openEvents(server.url, token));
    expect(streams.map((stream) => stream.status)).toEqual(Array(LIMITS.syncStreamsPerUser).fill(200));

    const extra = await openEvents(server.url, token);
    await extra.ended;
    expect(extra.status).toBe(429);
    expect(JSON.stringify(extra.control)).toContain('TOO_MANY_REQUESTS');
    // Somebody else is not affected.
    const { device: other } = await registerAt(server.url);
    const others = await openEvents(server.url, other.accessToken ?? '');
    expect(others.status).toBe(200);
    others.close();

    // A closed stream gives its place back.
    streams.pop()?.close();
    let again = await openEvents(server.url, token);
    for (let tries = 0; again.status === 429 && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      again = await openEvents(server.url, token);
    }
    expect(again.status).toBe(200);
    again.close();
    for (const stream of streams) stream.close();
  });

  it('a client gone before its stream answered gives its place back', async () => {
    const { device } = await registerAt(server.url);
    const url = new URL(`${server.url}/api/trpc/sync.events`);
    const headers = { accept: 'text/event-stream', authorization: `Bearer ${device.accessToken}` };
    // Each leaves a few milliseconds after asking, while the server checks the session and opens the stream.
    for (let n = 0; n < 2 * LIMITS.syncStreamsPerUser; n++) {
      await new Promise<void>((resolve) => {
        const asking = request({ host: url.hostname, port: url.port, path: url.pathname, headers });
        asking.on('error', () => resolve());
        asking.end(() =>
          setTimeout(() => {
            asking.destroy();
            resolve();
          }, n % 4),
        );
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    const streams: EventStream[] = [];
    for (let n = 0; n < LIMITS.syncStreamsPerUser; n++)
      streams.push(await openEvents(server.url, device.accessToken ?? ''));
    expect(streams.map((stream) => stream.status)).toEqual(Array(LIMITS.syncStreamsPerUser).fill(200));
    for (const stream of streams) stream.close();
  });

  it.each<[string, (device: TestBrowser) => Promise<unknown>]>([
    [
      'task.create',
      async (me) => {
        const id = crypto.randomUUID();
        return logs(me, () => me.api.task.create.mutate({ id, title: 'New' }), [task(id)]);
      },
    ],
    [
      'task.update',
      async (me) => {
        const id = (await me.api.task.create.mutate({ title: 'Old' })).id;
        return logs(me, () => me.api.task.update.mutate({ id, title: 'Edited' }), [task(id)]);
      },
    ],
    [
      'task.move into a project',
      async (me) => {
        const id = (await me.api.task.create.mutate({ title: 'Moving' })).id;
        const project = await me.api.project.create.mutate({ name: 'There' });
        return logs(me, () => me.api.task.move.mutate({ id, projectId: project.id }), [task(id)]);
      },
    ],
    [
      'task.bulkUpdate',
      async (me) => {
        const ids = [
          (await me.api.task.create.mutate({ title: 'A' })).id,
          (await me.api.task.create.mutate({ title: 'B' })).id,
        ];
        return logs(
          me,
          () => me.api.task.bulkUpdate.mutate({ ids, patch: { priority: 'high' } }),
          ids.map(task),
        );
      },
    ],
    [
      'task.bulkDelete',
      async (me) => {
        const ids = [
          (await me.api.task.create.mutate({ title: 'A' })).id,
          (await me.api.task.create.mutate({ title: 'B' })).id,
        ];
        return logs(me, () => me.api.task.bulkDelete.mutate({ ids }), ids.map(deleted));
      },
    ],
    [
      'task.delete and task.restore with subtasks',
      async (me) => {
        const parent = (await me.api.task.create.mutate({ title: 'Parent' })).id;
        const child = (await me.api.task.create.mutate({ title: 'Child', parentId: parent })).id;
        const grandchild = (await me.api.task.create.mutate({ title: 'Grandchild', parentId: child })).id;
        const family = [parent, child, grandchild];
        await logs(me, () => me.api.task.delete.mutate({ id: parent }), family.map(deleted));
        return logs(me, () => me.api.task.restore.mutate({ id: parent }), family.map(task));
      },
    ],
    [
      'project create, update and delete (its tasks move to the Inbox)',
      async (me) => {
        const project = (await me.api.project.create.mutate({ name: 'Doomed' })).id;
        const inIt = (await me.api.task.create.mutate({ title: 'In it', projectId: project })).id;
        await logs(me, () => me.api.project.update.mutate({ id: project, name: 'Renamed' }), [
          upserted('project', project),
        ]);
        return logs(me, () => me.api.project.delete.mutate({ id: project }), [
          { entity: 'project', op: 'delete', id: project },
          task(inIt),
        ]);
      },
    ],
    [
      'label create, update, put on a task and delete (taken off its tasks)',
      async (me) => {
        const label = (await me.api.label.create.mutate({ name: `Label ${Math.random()}` })).id;
        const labelled = (await me.api.task.create.mutate({ title: 'Labelled' })).id;
        await logs(me, () => me.api.label.update.mutate({ id: label, color: 'red' }), [
          upserted('label', label),
        ]);
        await logs(me, () => me.api.task.update.mutate({ id: labelled, labelIds: [label] }), [
          task(labelled),
        ]);
        return logs(me, () => me.api.label.delete.mutate({ id: label }), [
          { entity: 'label', op: 'delete', id: label },
          task(labelled),
        ]);
      },
    ],
    [
      'account.updateSettings',
      async (me) => {
        const { id } = await me.api.auth.me.query();
        return logs(me, () => me.api.account.updateSettings.mutate({ weekStart: 6 }), [
          upserted('settings', id),
        ]);
      },
    ],
  ])('%s logs exactly its changes', async (_, steps) => {
    const { device: me } = await registerAt(server.url);
    await steps(me);
  });
});

const task = (id: string): Change => ({ entity: 'task', op: 'upsert', id });
const deleted = (id: string): Change => ({ entity: 'task', op: 'delete', id });
const upserted = (entity: string, id: string): Change => ({ entity, op: 'upsert', id });

/** Runs one step and checks that it logged exactly `expected` (as a set: an upsert may come twice). */
async function logs(me: TestBrowser, step: () => Promise<unknown>, expected: Change[]): Promise<void> {
  const from = await currentCursor(me);
  await step();
  const logged = (await allPages(me, from, 500)).flatMap((page) => page.changes);
  expect(new Set(logged.map(key))).toEqual(new Set(expected.map(key)));
}
