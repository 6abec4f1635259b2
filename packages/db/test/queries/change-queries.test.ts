import pg from 'pg';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../src/pg.js';
import { type ChangeWithCursor, changeQueries, parseCursor } from '../../src/queries/change-queries.js';
import { createTestDatabase, waitFor } from '../../src/testing/index.js';
import { insertSession, insertTask } from './arrange.js';
import { insertLabel, insertProject, insertTreeTask } from './arrange-tree.js';
import { useOwnerAndOther } from './owner-and-other.js';

const db = useOwnerAndOther();
let changes: ReturnType<typeof changeQueries>;

beforeAll(() => {
  changes = changeQueries(db.pool);
});

/** Connections of a test's own (a second writer, a listener), closed after it. */
const clients: pg.Client[] = [];
async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: db.databaseUrl });
  await client.connect();
  clients.push(client);
  return client;
}
afterEach(async () => {
  for (const client of clients.splice(0)) await client.end();
});

const DAY_MS = 24 * 60 * 60 * 1000;
const described = ({ change }: ChangeWithCursor) => `${change.entity} ${change.op} ${change.id}`;

/**
 * The user's changes after `after`, following cursors until nothing more is settled or pending: another
 * test file's open transaction on the same server holds changes back for a moment.
 */
async function readAll(userId: string, after: string | null) {
  const read: ChangeWithCursor[] = [];
  let cursor = after;
  await waitFor(
    async () => {
      const page = await changes.page(userId, cursor, 100);
      expect(page.resync).toBe(false);
      read.push(...page.changes);
      cursor = page.cursor;
      return !page.hasMore && !page.pending;
    },
    { what: 'the settled changes' },
  );
  return { changes: read, cursor: cursor ?? '' };
}

/** A cursor after everything the user has so far. */
async function caughtUp(userId: string): Promise<string> {
  return (await readAll(userId, null)).cursor;
}

async function loggedAfter(userId: string, after: string | null): Promise<string[]> {
  return (await readAll(userId, after)).changes.map(described);
}

/**
 * What a write logs for the owner (in any order; `expected` may name what the write made), and that the
 * other user's log stays empty.
 */
async function expectLogged(write: () => Promise<unknown>, expected: () => string[]): Promise<void> {
  const after = await caughtUp(db.owner);
  await write();
  expect((await loggedAfter(db.owner, after)).sort()).toEqual(expected().sort());
  expect(await loggedAfter(db.other, null)).toEqual([]);
}

/** A task inserted on a connection of the test's own, inside its open transaction. */
async function insertTaskOn(client: pg.Client, userId: string): Promise<string> {
  const result = await client.query<{ id: string }>(
    `insert into tasks (user_id, title) values ($1, 'On its own connection') returning id`,
    [userId],
  );
  return (result.rows[0] as { id: string }).id;
}

const run = (text: string, values: unknown[] = []) => db.pool.query(text, values);

describe('every write logs its change for the owner only', () => {
  it('tasks: insert, update and delete, with subtasks deleted along', async () => {
    let id = '';
    await expectLogged(
      async () => {
        id = await insertTask(db.pool, db.owner);
      },
      () => [`task upsert ${id}`],
    );

    await expectLogged(
      () => run('update tasks set title = $2 where id = $1', [id, 'Renamed']),
      () => [`task upsert ${id}`],
    );
    const child = await insertTreeTask(db.pool, db.owner, { parentId: id });
    const label = await insertLabel(db.pool, db.owner);
    await run('insert into task_labels (task_id, label_id, user_id) values ($1, $2, $3)', [
      id,
      label,
      db.owner,
    ]);
    // The task's labels go with it: no upsert of a task that is gone.
    await expectLogged(
      () => run('delete from tasks where id = $1', [id]),
      () => [`task delete ${id}`, `task delete ${child}`],
    );
  });

  it('projects: insert, update, and a delete that moves its tasks to the Inbox', async () => {
    let project = '';
    await expectLogged(
      async () => {
        project = await insertProject(db.pool, db.owner);
      },
      () => [`project upsert ${project}`],
    );

    await expectLogged(
      () => run('update projects set name = $2 where id = $1', [project, 'Renamed']),
      () => [`project upsert ${project}`],
    );
    const first = await insertTreeTask(db.pool, db.owner, { projectId: project });
    const second = await insertTreeTask(db.pool, db.owner, { projectId: project });
    await expectLogged(
      () => run('delete from projects where id = $1', [project]),
      () => [`project delete ${project}`, `task upsert ${first}`, `task upsert ${second}`],
    );
  });

  it('labels: insert, update, delete; a label added to or taken off a task is a change of the task', async () => {
    const task = await insertTask(db.pool, db.owner);
    let label = '';
    await expectLogged(
      async () => {
        label = await insertLabel(db.pool, db.owner);
      },
      () => [`label upsert ${label}`],
    );

    await expectLogged(
      () => run(`update labels set color = 'red' where id = $1`, [label]),
      () => [`label upsert ${label}`],
    );
    const tag = () =>
      run('insert into task_labels (task_id, label_id, user_id) values ($1, $2, $3)', [
        task,
        label,
        db.owner,
      ]);
    await expectLogged(tag, () => [`task upsert ${task}`]);
    await expectLogged(
      () => run('delete from task_labels where task_id = $1', [task]),
      () => [`task upsert ${task}`],
    );
    await tag();
    await expectLogged(
      () => run('delete from labels where id = $1', [label]),
      () => [`label delete ${label}`, `task upsert ${task}`],
    );
  });

  it('settings: insert and update log a settings upsert named by the user id', async () => {
    await expectLogged(
      () => run('insert into user_settings (user_id) values ($1)', [db.owner]),
      () => [`settings upsert ${db.owner}`],
    );
    await expectLogged(
      () => run(`update user_settings set time_zone = 'Europe/Paris' where user_id = $1`, [db.owner]),
      () => [`settings upsert ${db.owner}`],
    );
  });

  it('a statement writing many rows logs every one of them', async () => {
    let ids: string[] = [];
    const upserts = () => ids.map((id) => `task upsert ${id}`);
    await expectLogged(async () => {
      const inserted = await run(
        `insert into tasks (user_id, title) select $1, 'Task ' || g from generate_series(1, 3) g returning id`,
        [db.owner],
      );
      ids = inserted.rows.map((row: { id: string }) => row.id);
    }, upserts);
    expect(ids).toHaveLength(3);
    await expectLogged(
      () => run(`update tasks set status = 'completed', completed_at = now() where user_id = $1`, [db.owner]),
      upserts,
    );
  });
});

describe('pages', () => {
  it('follows cursors through every change once, in order, from the oldest kept one', async () => {
    const ids: string[] = [];
    for (let n = 0; n < 5; n += 1) ids.push(await insertTask(db.pool, db.owner, { title: `T${n}` }));
    // Everything settled first, so the pages below are what they are.
    expect(await loggedAfter(db.owner, null)).toEqual(ids.map((id) => `task upsert ${id}`));

    const read: ChangeWithCursor[] = [];
    const pages: boolean[] = [];
    let cursor: string | null = null;
    for (let n = 0; n < 3; n += 1) {
      const page = await changes.page(db.owner, cursor, 2);
      expect(page.changes).toHaveLength(n < 2 ? 2 : 1);
      // A full page goes on right after its last change; the last one may skip ahead to the head.
      if (page.hasMore) expect(page.cursor).toBe(page.changes.at(-1)?.cursor);
      read.push(...page.changes);
      pages.push(page.hasMore);
      cursor = page.cursor;
    }
    expect(pages).toEqual([true, true, false]);
    expect(read.map((change) => change.change.id)).toEqual(ids);
    expect(read.every(({ change }) => change.at instanceof Date)).toBe(true);
    const positions = read.map((change) => parseCursor(change.cursor));
    for (let n = 1; n < positions.length; n += 1) {
      const [before, now] = [positions[n - 1], positions[n]];
      if (!before || !now) throw new Error('missing cursor');
      expect(now.xid > before.xid || (now.xid === before.xid && now.id > before.id)).toBe(true);
    }
    const rest = await changes.page(db.owner, cursor, 2);
    expect(rest).toMatchObject({ changes: [], hasMore: false, resync: false });
  });

  it("an empty page's cursor can be read from at once, and later sees what came after it", async () => {
    const empty = await changes.page(db.other, null, 10);
    expect(empty).toMatchObject({ changes: [], hasMore: false, pending: false, resync: false });
    // Straight away, before any other transaction has started.
    const again = await changes.page(db.other, empty.cursor, 10);
    expect(again).toMatchObject({ changes: [], resync: false });

    const task = await insertTask(db.pool, db.other);
    expect(await loggedAfter(db.other, empty.cursor)).toEqual([`task upsert ${task}`]);
    expect(await loggedAfter(db.other, again.cursor)).toEqual([`task upsert ${task}`]);
  });
});

describe('a change is read only once every older transaction has finished', () => {
  it('holds back a later commit until the older writer commits, then returns both, older first', async () => {
    let cursor = await caughtUp(db.owner);
    const read: ChangeWithCursor[] = [];
    const older = await connect();
    await older.query('begin');
    const first = await insertTaskOn(older, db.owner);
    // Not a second task: task inserts of one owner take turns (the task limit's lock).
    await run('insert into user_settings (user_id) values ($1)', [db.owner]);

    const held = await changes.page(db.owner, cursor, 100);
    expect(held).toMatchObject({ changes: [], hasMore: false, pending: true, resync: false });
    read.push(...held.changes);
    cursor = held.cursor;
    // Still held back on a second look from the cursor it gave.
    const stillHeld = await changes.page(db.owner, cursor, 100);
    expect(stillHeld).toMatchObject({ changes: [], pending: true });
    cursor = stillHeld.cursor;

    await older.query('commit');
    const rest = await readAll(db.owner, cursor);
    read.push(...rest.changes);
    expect(read.map(described)).toEqual([`task upsert ${first}`, `settings upsert ${db.owner}`]);
  });
});

describe('a write in another database of the same server', () => {
  it("holds nothing back: only this database's transactions can still add changes", async () => {
    const cursor = await caughtUp(db.owner);
    const elsewhere = await createTestDatabase();
    const stranger = new pg.Client({ connectionString: elsewhere.url });
    await stranger.connect();
    try {
      // An open transaction with an xid, older than the change below, in a database of its own.
      await stranger.query('begin');
      await stranger.query('create table "long_write" ("id" int)');
      const task = await insertTask(db.pool, db.owner);
      const page = await changes.page(db.owner, cursor, 10);
      expect(page).toMatchObject({ pending: false, resync: false });
      expect(page.changes.map(described)).toEqual([`task upsert ${task}`]);
    } finally {
      await stranger.query('rollback').catch(() => undefined);
      await stranger.end();
      await elsewhere.drop();
    }
  });
});

describe('resync', () => {
  async function horizon(): Promise<string | undefined> {
    const result = await run(`select xid::text || '-' || change_id::text as cursor from change_log_horizon`);
    return (result.rows[0] as { cursor: string } | undefined)?.cursor;
  }

  /**
   * The cursor of the resync answer for `cursor`, checked to read on without another resync. While a
   * transaction older than the horizon still runs (another test file's), the head is not yet past it.
   */
  async function resyncedFrom(userId: string, cursor: string): Promise<string> {
    let usable = '';
    await waitFor(
      async () => {
        const answer = await changes.page(userId, cursor, 100);
        expect(answer).toMatchObject({ changes: [], hasMore: false, pending: false, resync: true });
        usable = answer.cursor;
        return !(await changes.page(userId, usable, 100)).resync;
      },
      { what: 'a resync cursor that reads on' },
    );
    return usable;
  }

  it('a purge removes old changes in batches and sends cursors at or before its horizon to resync', async () => {
    const ids: string[] = [];
    for (let n = 0; n < 3; n += 1) ids.push(await insertTask(db.pool, db.owner));
    const kept = (await readAll(db.owner, null)).changes;
    const [oldest, old, recent] = kept.map((change) => change.cursor);
    await run(
      `update changes set "at" = now() - make_interval(days => 41 - n::int) from
         (select id, row_number() over (order by id) - 1 as n from changes where user_id = $1 order by id limit 2) o
       where changes.id = o.id`,
      [db.owner],
    );

    const keptSince = new Date(Date.now() - 30 * DAY_MS);
    expect(await changes.purgeOlderThan(keptSince, 1)).toBe(1);
    expect(await horizon()).toBe(oldest);
    expect(await changes.purgeOlderThan(keptSince, 10)).toBe(1);
    expect(await horizon()).toBe(old);
    expect(await changes.purgeOlderThan(keptSince, 10)).toBe(0);
    expect(await horizon()).toBe(old);

    for (const cursor of [oldest, old]) {
      const resynced = await resyncedFrom(db.owner, cursor ?? '');
      const task = await insertTask(db.pool, db.owner);
      expect(await loggedAfter(db.owner, resynced)).toEqual([`task upsert ${task}`]);
    }
    expect((await changes.page(db.owner, recent ?? '', 100)).resync).toBe(false);
    expect((await readAll(db.owner, null)).changes.slice(0, 1).map(described)).toEqual([
      `task upsert ${ids[2]}`,
    ]);
  });

  it('a cursor from the future, or one this log never gave out, resyncs without throwing', async () => {
    const current = await run('select pg_current_xact_id()::text as xid');
    const xid = BigInt((current.rows[0] as { xid: string }).xid);
    await resyncedFrom(db.owner, `${xid + 1_000_000n}-1`);

    for (const garbage of [
      '0-0',
      '00000000000000000000-00000000000000000000',
      `${xid}-99999999999999999999`,
      '1-9223372036854775808',
      '18446744073709551615-9223372036854775807',
      '99999999999999999999-99999999999999999999',
    ]) {
      const page = await changes.page(db.owner, garbage, 10);
      expect(page.cursor, garbage).toMatch(/^\d+-\d+$/);
    }
  });
});

describe('notifications on taskapp_sync', () => {
  /** A connection listening on the channel; `settle()` waits until everything sent before it arrived. */
  async function listen() {
    const client = await connect();
    const received: string[] = [];
    client.on('notification', (message) => received.push(message.payload ?? ''));
    await client.query('listen taskapp_sync');
    let markers = 0;
    return {
      received,
      async settle() {
        const marker = `marker ${++markers}`;
        await run(`select pg_notify('taskapp_sync', $1)`, [marker]);
        await waitFor(() => received.includes(marker), { what: marker });
      },
    };
  }

  it('a write wakes its owner only once it commits, and never after a rollback', async () => {
    const listener = await listen();
    const writer = await connect();
    await writer.query('begin');
    await insertTaskOn(writer, db.owner);
    await listener.settle();
    expect(listener.received).not.toContain(`c:${db.owner}`);
    await writer.query('commit');
    await waitFor(() => listener.received.includes(`c:${db.owner}`), { what: 'the owner notified' });

    listener.received.length = 0;
    await writer.query('begin');
    await insertTaskOn(writer, db.owner);
    await writer.query('rollback');
    await listener.settle();
    expect(listener.received.filter((payload) => payload.startsWith('c:'))).toEqual([]);
  });

  it('ending a session and deactivating a user notify, other user updates do not', async () => {
    const listener = await listen();
    const session = await insertSession(db.pool, db.owner, { expiresAt: new Date(Date.now() + DAY_MS) });
    await run('delete from sessions where id = $1', [session]);
    await waitFor(() => listener.received.includes(`s:${session}`), { what: 'the session end' });

    await run(`update users set name = 'Renamed' where id = $1`, [db.other]);
    await run('update users set is_active = false where id = $1', [db.owner]);
    await waitFor(() => listener.received.includes(`u:${db.owner}`), { what: 'the deactivation' });
    await listener.settle();
    expect(listener.received).not.toContain(`u:${db.other}`);
  });
});

describe('deleting a user', () => {
  it('works with tasks, projects, labels and settings, and takes the user’s changes with it', async () => {
    const project = await insertProject(db.pool, db.owner);
    const label = await insertLabel(db.pool, db.owner);
    const parent = await insertTreeTask(db.pool, db.owner, { projectId: project, labelIds: [label] });
    await insertTreeTask(db.pool, db.owner, { projectId: project, parentId: parent, labelIds: [label] });
    await insertTreeTask(db.pool, db.owner, { labelIds: [label] });
    await run('insert into user_settings (user_id) values ($1)', [db.owner]);
    const othersTask = await insertTask(db.pool, db.other);

    await run('delete from users where id = $1', [db.owner]);
    const left = await run('select count(*)::int as n from changes where user_id = $1', [db.owner]);
    expect(left.rows[0]).toEqual({ n: 0 });
    expect(await loggedAfter(db.other, null)).toEqual([`task upsert ${othersTask}`]);
  });
});

describe('the page statement', () => {
  it('finds a user’s changes through changes_user_id_xid_id_idx, not by reading the table', async () => {
    await run(
      `insert into changes (user_id, entity, entity_id, op)
       select $1, 'task', gen_random_uuid(), 'upsert' from generate_series(1, 5000)`,
      [db.other],
    );
    await insertTask(db.pool, db.owner);
    await run('analyze changes');
    const statements: { text: string; values: unknown[] }[] = [];
    const recording: Queryable = {
      query(statement) {
        statements.push(statement);
        return db.pool.query(statement.text, statement.values);
      },
    };
    await changeQueries(recording).page(db.owner, null, 50);
    const read = statements.find((statement) => /from "changes"/.test(statement.text));
    if (!read) throw new Error('page() read no changes');

    const result = await run(`explain (format json) ${read.text}`, read.values);
    interface PlanNode {
      'Node Type': string;
      'Relation Name'?: string;
      'Index Name'?: string;
      Plans?: PlanNode[];
    }
    const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];
    const [plan] = (result.rows[0] as { 'QUERY PLAN': { Plan: PlanNode }[] })['QUERY PLAN'];
    const all = plan ? nodes(plan.Plan) : [];
    expect(all.map((node) => node['Index Name'])).toContain('changes_user_id_xid_id_idx');
    expect(all.filter((node) => node['Node Type'] === 'Seq Scan')).toEqual([]);
  });
});
