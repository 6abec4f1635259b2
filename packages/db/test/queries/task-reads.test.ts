import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskReadQueries } from '../../src/queries/task-reads.js';
import { createTestOrm, type TestOrm } from '../../src/testing/index.js';
import { insertTask, insertUser } from './arrange.js';

let testOrm: TestOrm;
let pool: pg.Pool;
let reads: ReturnType<typeof taskReadQueries>;

beforeAll(async () => {
  testOrm = await createTestOrm();
  pool = testOrm.pool;
  reads = taskReadQueries(pool);
});
afterAll(() => testOrm.close());

describe('byId', () => {
  it('returns the owner’s task with every field as stored', async () => {
    const owner = await insertUser(pool);
    const fields = {
      title: 'Read me',
      description: 'Notes',
      status: 'completed' as const,
      priority: 'high' as const,
      dueDate: new Date('2026-02-03T04:05:06.007Z'),
      allDay: false,
      completedAt: new Date('2026-02-01T00:00:00.001Z'),
      createdAt: new Date('2025-12-31T23:59:59.999Z'),
      updatedAt: new Date('2026-01-15T12:00:00.500Z'),
    };
    const id = await insertTask(pool, owner, fields);
    expect(await reads.byId(owner, id)).toEqual({
      id,
      ...fields,
      projectId: null,
      labelIds: [],
      parentId: null,
      subtaskCount: 0,
      position: 'a0',
      recurrence: null,
      reminders: [],
    });
  });

  it('reads timestamps as UTC instants with milliseconds, whatever the session time zone', async () => {
    const owner = await insertUser(pool);
    const id = await insertTask(pool, owner, { createdAt: '2026-01-02T23:30:00.123456Z', dueDate: null });
    const client = await pool.connect();
    try {
      await client.query(`set time zone 'Pacific/Kiritimati'`);
      const task = await taskReadQueries(client).byId(owner, id);
      expect(task?.createdAt).toEqual(new Date('2026-01-02T23:30:00.123Z'));
      expect(task?.dueDate).toBeNull();
    } finally {
      await client.query('reset time zone');
      client.release();
    }
  });

  it('returns undefined for another user’s task', async () => {
    const owner = await insertUser(pool);
    const other = await insertUser(pool);
    const theirs = await insertTask(pool, other, { title: 'Private' });
    expect(await reads.byId(owner, theirs)).toBeUndefined();
    expect(await reads.byId(other, theirs)).toMatchObject({ title: 'Private' });
  });

  it('returns undefined for an unknown id', async () => {
    expect(await reads.byId(await insertUser(pool), randomUUID())).toBeUndefined();
  });
});

describe('allOf', () => {
  it('lists every task of the owner ordered by created_at, then id; none of another user’s', async () => {
    const owner = await insertUser(pool);
    const other = await insertUser(pool);
    const base = Date.UTC(2026, 0, 1);
    const arranged: { id: string; createdAt: number }[] = [];
    // Inserted out of order, with ties on created_at that only the id can break.
    for (const offset of [3, 1, 2, 1, 3, 0, 1, 2]) {
      const createdAt = base + offset * 1000;
      arranged.push({ id: await insertTask(pool, owner, { createdAt: new Date(createdAt) }), createdAt });
      await insertTask(pool, other, { createdAt: new Date(createdAt) });
    }
    const expected = [...arranged]
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((task) => task.id);
    const found = await reads.allOf(owner);
    expect(found.map((task) => task.id)).toEqual(expected);
  });

  it('is empty for an owner without tasks', async () => {
    const owner = await insertUser(pool);
    await insertTask(pool, await insertUser(pool));
    expect(await reads.allOf(owner)).toEqual([]);
  });
});

describe('exportPage', () => {
  /** Every page of the owner's export, following `next` until it is null. */
  async function allPages(owner: string, limit: number, db: Parameters<typeof taskReadQueries>[0] = pool) {
    const pages: string[][] = [];
    let page = await taskReadQueries(db).exportPage(owner, null, limit);
    pages.push(page.tasks.map((task) => task.id));
    while (page.next) {
      page = await taskReadQueries(db).exportPage(owner, page.next, limit);
      pages.push(page.tasks.map((task) => task.id));
    }
    return pages;
  }

  it('reads the owner’s tasks in allOf’s order, a page at a time, none of another user’s', async () => {
    const owner = await insertUser(pool);
    const other = await insertUser(pool);
    const base = Date.UTC(2026, 0, 1);
    // Ties on created_at, and instants that differ only in microseconds (which a Date would lose).
    for (const offset of [3, 1, 2, 1, 3, 0, 1, 2]) {
      await insertTask(pool, owner, { createdAt: new Date(base + offset * 1000) });
      await insertTask(pool, other, { createdAt: new Date(base + offset * 1000) });
    }
    for (const micros of ['000001', '000002', '000003']) {
      await insertTask(pool, owner, { createdAt: `2026-01-01T00:00:05.${micros}Z` });
    }
    const expected = (await reads.allOf(owner)).map((task) => task.id);
    expect(expected).toHaveLength(11);
    for (const limit of [1, 2, 3, 11, 500]) {
      const pages = await allPages(owner, limit);
      expect(pages.flat()).toEqual(expected);
      expect(pages.every((page) => page.length <= limit)).toBe(true);
      // A full last page says so: no empty page is asked for after it.
      expect(pages.at(-1)?.length).toBeGreaterThan(0);
    }
  });

  it('reads the same in any session time zone', async () => {
    const owner = await insertUser(pool);
    for (const at of ['2026-01-02T23:30:00.123456Z', '2026-01-02T23:30:00.123457Z', '2026-03-29T01:30:00Z']) {
      await insertTask(pool, owner, { createdAt: at });
    }
    const expected = (await reads.allOf(owner)).map((task) => task.id);
    const client = await pool.connect();
    try {
      await client.query(`set time zone 'Pacific/Kiritimati'`);
      expect((await allPages(owner, 1, client)).flat()).toEqual(expected);
    } finally {
      await client.query('reset time zone');
      client.release();
    }
  });

  it('is one empty page for an owner without tasks', async () => {
    expect(await reads.exportPage(await insertUser(pool), null, 500)).toEqual({ tasks: [], next: null });
  });
});
