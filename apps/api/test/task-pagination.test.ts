import { randomUUID } from 'node:crypto';
import type { ListTasksInput, TaskSort } from '@taskapp/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectCode,
  insertTasks,
  newUser,
  openTaskTestDb,
  type RawTask,
  type TaskTestDb,
  type TestUser,
} from './helpers/task-fixtures.js';
import { callerFor } from './helpers/test-deps.js';

// Random data, expected orders computed here in JS, pages walked through the API. The seed is printed
// with every failure; TASK_TEST_SEED=<n> replays one.
const SEED = Number(process.env.TASK_TEST_SEED ?? Math.floor(Math.random() * 2 ** 31));

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SORTS: TaskSort[] = ['createdAt', 'updatedAt', 'dueDate', 'priority', 'title'];
const ORDERS = ['asc', 'desc'] as const;
const PRIORITIES = ['low', 'medium', 'high'] as const;
const PRIORITY_RANK = { low: 1, medium: 2, high: 3 } as const;

/** A generated task; instants in microseconds since the epoch so ties within one millisecond are kept. */
interface Gen {
  id: string;
  title: string;
  priority: (typeof PRIORITIES)[number];
  createdUs: bigint;
  updatedUs: bigint;
  dueUs: bigint | null;
}

const isoFromMicros = (us: bigint) =>
  new Date(Number(us / 1000n)).toISOString().replace('Z', `${(us % 1000n).toString().padStart(3, '0')}Z`);

const TITLES = [
  'apple',
  'Apple',
  'APPLE',
  'apple pie',
  'Banana split',
  'banana split',
  'Émile',
  'émile',
  'Ωmega',
  'ωmega',
  'zebra',
  'Zebra',
  '🎉 party',
  '🎉 Party',
  '👩‍💻 code review',
  'über',
  '100% done',
  'a_b',
  'back\\slash',
  '中文任务',
  'שלום עולם',
  'مرحبا',
  '~tilde',
  '0 first',
];

function generator(seed: number) {
  const rng = mulberry32(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(rng() * values.length)] as T;
  const base = 1_700_000_000_000_000n;
  const span = 63_072_000_000; // two years, in ms
  const instant = () => base + BigInt(Math.floor(rng() * span)) * 1000n + BigInt(Math.floor(rng() * 1000));
  // Many identical values (ties broken by id) and values one microsecond apart within one millisecond.
  const pool = Array.from({ length: 6 }, instant);
  const sameMs = pool.slice(0, 2).flatMap((us) => [us + 1n, us + 2n, us - 1n]);
  const timestamp = () => {
    const r = rng();
    if (r < 0.35) return pick(pool);
    if (r < 0.5) return pick(sameMs);
    return instant();
  };
  const randomTitle = () => {
    const letters = 'aAbBcCdDeEfFxyzXYZ éÉ🎉_%';
    const length = 1 + Math.floor(rng() * 12);
    return (
      Array.from({ length }, () => pick(Array.from(letters)))
        .join('')
        .trim() || 'x'
    );
  };
  return (): Gen => ({
    id: randomUUID(),
    title: rng() < 0.6 ? pick(TITLES) : randomTitle(),
    priority: pick(PRIORITIES),
    createdUs: timestamp(),
    updatedUs: timestamp(),
    dueUs: rng() < 0.3 ? null : timestamp(),
  });
}

const toRaw = (task: Gen): RawTask => ({
  id: task.id,
  title: task.title,
  priority: task.priority,
  createdAt: isoFromMicros(task.createdUs),
  updatedAt: isoFromMicros(task.updatedUs),
  dueDate: task.dueUs === null ? null : isoFromMicros(task.dueUs),
});

const compare = <T extends bigint | number | string>(a: T, b: T) => (a < b ? -1 : a > b ? 1 : 0);

function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0) ?? 0);
  const y = Array.from(b, (c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return compare(x[i] ?? 0, y[i] ?? 0);
  }
  return compare(x.length, y.length);
}

/**
 * Rank of each task's lower(title). On the embedded server (builtin C.UTF-8: code point order, Unicode
 * lower()) it is computed here; on another server's collation, PostgreSQL ranks the keys and this test
 * still checks everything else (ties, cursors, direction).
 */
async function titleRanks(t: TaskTestDb, tasks: Gen[]): Promise<Map<string, number>> {
  const [db] = await t.query<{ provider: string; collate: string }>(
    'select datlocprovider as provider, datcollate as collate from pg_database where datname = current_database()',
  );
  if (db?.provider === 'b' || db?.collate === 'C' || db?.collate === 'POSIX') {
    const keys = [...new Set(tasks.map((task) => task.title.toLowerCase()))].sort(compareCodePoints);
    const rank = new Map(keys.map((key, i) => [key, i]));
    return new Map(tasks.map((task) => [task.id, rank.get(task.title.toLowerCase()) ?? -1]));
  }
  const rows = await t.query<{ id: string; r: number }>(
    'select id, (dense_rank() over (order by lower(title)))::int as r from tasks where id in (?)',
    [tasks.map((task) => task.id)],
  );
  return new Map(rows.map((row) => [row.id, row.r]));
}

/** The order the API must return: sort key, then id, both in the direction asked; no due date last. */
function expectedOrder(
  tasks: Gen[],
  sort: TaskSort,
  order: 'asc' | 'desc',
  titleRank: Map<string, number>,
): string[] {
  const NONE_LAST = order === 'asc' ? 2n ** 62n : -(2n ** 62n);
  const key = (task: Gen): bigint | number => {
    if (sort === 'createdAt') return task.createdUs;
    if (sort === 'updatedAt') return task.updatedUs;
    if (sort === 'dueDate') return task.dueUs ?? NONE_LAST;
    if (sort === 'priority') return PRIORITY_RANK[task.priority];
    return titleRank.get(task.id) ?? -1;
  };
  const ascending = [...tasks].sort((a, b) => compare(key(a), key(b)) || compare(a.id, b.id));
  return (order === 'asc' ? ascending : ascending.reverse()).map((task) => task.id);
}

type Page = Awaited<ReturnType<TestUser['api']['task']['list']>>;

/** Walks every page; checks page sizes and that only the last page has no cursor. */
async function walk(
  user: TestUser,
  query: ListTasksInput,
  limit: number,
  between?: (page: Page, index: number) => Promise<void>,
): Promise<{ ids: string[]; items: Page['items'] }> {
  const items: Page['items'] = [];
  let cursor: string | null = null;
  for (let index = 0; index < 1_000; index++) {
    const page: Page = await user.api.task.list({ ...query, limit, cursor });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    if (!page.nextCursor) return { ids: items.map((item) => item.id), items };
    expect(page.items.length, 'a page with a next cursor is full').toBe(limit);
    cursor = page.nextCursor;
    await between?.(page, index);
  }
  throw new Error('more than 1,000 pages');
}

let t: TaskTestDb;

beforeAll(async () => {
  t = await openTaskTestDb();
});
afterAll(() => t.close());

describe(`keyset pagination on random data (TASK_TEST_SEED=${SEED})`, () => {
  let user: TestUser;
  let tasks: Gen[];
  let ranks: Map<string, number>;

  beforeAll(async () => {
    user = await newUser(t, 'pages');
    const next = generator(SEED);
    tasks = Array.from({ length: 300 }, next);
    await insertTasks(t, user.userId, tasks.map(toRaw));
    ranks = await titleRanks(t, tasks);
  });

  for (const sort of SORTS) {
    for (const order of ORDERS) {
      it(`${sort} ${order}: every page size walks the full set in order, without duplicates or gaps`, async () => {
        const expected = expectedOrder(tasks, sort, order, ranks);
        for (const limit of [7, 50, 100]) {
          const { ids, items } = await walk(user, { sort, order }, limit);
          expect(new Set(ids).size, `duplicates with limit ${limit}`).toBe(ids.length);
          expect(ids, `limit ${limit}`).toEqual(expected);
          if (limit === 100) {
            // The list's fields are the stored ones (microseconds truncated to milliseconds).
            const byId = new Map(tasks.map((task) => [task.id, task]));
            for (const item of items) {
              const task = byId.get(item.id);
              expect(item.title).toBe(task?.title);
              expect(item.priority).toBe(task?.priority);
              expect(item.createdAt.getTime()).toBe(Number((task?.createdUs ?? 0n) / 1000n));
              expect(item.updatedAt.getTime()).toBe(Number((task?.updatedUs ?? 0n) / 1000n));
              expect(item.dueDate?.getTime() ?? null).toBe(
                task?.dueUs == null ? null : Number(task.dueUs / 1000n),
              );
            }
          }
        }
      });
    }
  }

  it('walks one task per page (limit 1) for the default order', async () => {
    const { ids } = await walk(user, {}, 1);
    expect(ids).toEqual(expectedOrder(tasks, 'createdAt', 'desc', ranks));
  });

  it('orders titles case-insensitively, ties broken by id in the direction asked', async () => {
    const other = await newUser(t, 'titles');
    const ids = await insertTasks(
      t,
      other.userId,
      ['APPLE', 'apple', 'Apple', 'aPPle', 'banana', 'Banana'].map((title) => ({ title })),
    );
    const asc = await other.api.task.list({ sort: 'title', order: 'asc' });
    const apples = ids.slice(0, 4).sort();
    const bananas = ids.slice(4).sort();
    expect(asc.items.map((task) => task.id)).toEqual([...apples, ...bananas]);
    const desc = await other.api.task.list({ sort: 'title', order: 'desc' });
    expect(desc.items.map((task) => task.id)).toEqual([...bananas.reverse(), ...apples.reverse()]);
  });

  it('puts tasks without a due date last in both directions, and high > medium > low', async () => {
    const other = await newUser(t, 'nulls');
    const [none = '', early = '', late = ''] = await insertTasks(t, other.userId, [
      { title: 'none', dueDate: null, priority: 'low' },
      { title: 'early', dueDate: '2030-01-01T00:00:00Z', priority: 'high' },
      { title: 'late', dueDate: '2031-01-01T00:00:00Z', priority: 'medium' },
    ]);
    const ids = async (query: ListTasksInput) =>
      (await other.api.task.list(query)).items.map((task) => task.id);
    expect(await ids({ sort: 'dueDate', order: 'asc' })).toEqual([early, late, none]);
    expect(await ids({ sort: 'dueDate', order: 'desc' })).toEqual([late, early, none]);
    expect(await ids({ sort: 'priority', order: 'desc' })).toEqual([early, late, none]);
    expect(await ids({ sort: 'priority', order: 'asc' })).toEqual([none, late, early]);
  });
});

describe(`pages while tasks are added and removed (TASK_TEST_SEED=${SEED})`, () => {
  let user: TestUser;
  let tasks: Gen[];
  let ranks: Map<string, number>;

  beforeAll(async () => {
    user = await newUser(t, 'moving');
    const next = generator(SEED + 1);
    tasks = Array.from({ length: 200 }, next);
    await insertTasks(t, user.userId, tasks.map(toRaw));
    ranks = await titleRanks(t, tasks);
  });

  for (const sort of SORTS) {
    for (const order of ORDERS) {
      it(`${sort} ${order}: new tasks (before and after the cursor) cause no duplicate or gap`, async () => {
        const expected = expectedOrder(tasks, sort, order, ranks);
        const originals = new Set(expected);
        const next = generator(SEED + 2);
        const added: string[] = [];
        const { ids } = await walk(user, { sort, order }, 13, async (_page, index) => {
          // Some with random sort keys on either side of the cursor, one created now through the API.
          added.push(...(await insertTasks(t, user.userId, [next(), next(), next()].map(toRaw))));
          const created = await user.api.task.create({
            title: `Added ${index}`,
            priority: PRIORITIES[index % 3],
            dueDate: index % 2 ? new Date() : null,
          });
          added.push(created.id);
        });
        expect(new Set(ids).size, 'duplicates').toBe(ids.length);
        expect(ids.filter((id) => originals.has(id))).toEqual(expected);
        expect(added.length).toBeGreaterThan(0);
        await t.run('delete from tasks where id in (?)', [added]);
      });
    }
  }

  it('deleting the task a cursor points at does not lose the next ones', async () => {
    for (const sort of SORTS) {
      for (const order of ORDERS) {
        const expected = expectedOrder(tasks, sort, order, ranks);
        const deleted: Gen[] = [];
        const { ids } = await walk(user, { sort, order }, 17, async (page) => {
          const last = page.items.at(-1);
          const task = tasks.find((candidate) => candidate.id === last?.id);
          if (!task) throw new Error('the page ended with an unknown task');
          await user.api.task.delete({ id: task.id });
          deleted.push(task);
        });
        expect(ids, `${sort} ${order}`).toEqual(expected);
        await insertTasks(t, user.userId, deleted.map(toRaw));
      }
    }
  });
});

describe('cursors', () => {
  let user: TestUser;
  let page1: Page;
  let page2: Page;
  const query: ListTasksInput = { sort: 'dueDate', order: 'asc', limit: 5 };

  beforeAll(async () => {
    user = await newUser(t, 'cursors');
    await insertTasks(
      t,
      user.userId,
      Array.from({ length: 30 }, (_, i) => ({
        title: `Task ${i}`,
        dueDate: i % 4 ? `2030-01-${String(1 + (i % 20)).padStart(2, '0')}T00:00:00Z` : null,
        priority: PRIORITIES[i % 3],
      })),
    );
    page1 = await user.api.task.list(query);
    page2 = await user.api.task.list({ ...query, cursor: page1.nextCursor });
    expect(page1.nextCursor).toEqual(expect.any(String));
    expect(page2.nextCursor).toEqual(expect.any(String));
  });

  const refused = (cursor: string, other: ListTasksInput = {}) =>
    expectCode(user.api.task.list({ ...query, ...other, cursor }), 'BAD_REQUEST');

  it('a cursor is accepted again with the same filters, and with another page size', async () => {
    const again = await user.api.task.list({ ...query, cursor: page1.nextCursor });
    expect(again).toEqual(page2);
    const bigger = await user.api.task.list({ ...query, limit: 50, cursor: page1.nextCursor });
    expect(bigger.items.slice(0, 5)).toEqual(page2.items);
    expect(bigger.items).toHaveLength(25);
  });

  it('refuses a cursor with any one character changed', async () => {
    const cursor = page1.nextCursor ?? '';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < cursor.length; i++) {
      if (cursor[i] === '.') continue;
      const replacement = alphabet[(alphabet.indexOf(cursor[i] ?? 'A') + 1) % alphabet.length];
      await refused(`${cursor.slice(0, i)}${replacement}${cursor.slice(i + 1)}`);
    }
  });

  it('refuses a cursor spliced from two others, and one sealed with another secret', async () => {
    const bytes1 = Buffer.from(page1.nextCursor ?? '', 'base64url');
    const bytes2 = Buffer.from(page2.nextCursor ?? '', 'base64url');
    // iv + tag of one, ciphertext of the other; then iv of one, tag + ciphertext of the other.
    await refused(Buffer.concat([bytes1.subarray(0, 28), bytes2.subarray(28)]).toString('base64url'));
    await refused(Buffer.concat([bytes1.subarray(0, 12), bytes2.subarray(12)]).toString('base64url'));
    const otherSecret = await callerFor(
      { ...t.deps, env: { ...t.deps.env, AUTH_SECRET: 'not-the-server-secret-but-just-as-long!!' } },
      { userId: user.userId, sessionId: randomUUID() },
    ).task.list(query);
    await refused(otherSecret.nextCursor ?? '');
  });

  it("refuses another user's cursor, even for the same filters", async () => {
    const other = await newUser(t, 'cursor-thief');
    await expectCode(other.api.task.list({ ...query, cursor: page1.nextCursor }), 'BAD_REQUEST');
  });

  it('carries no readable task data: a title-sorted cursor does not contain the title', async () => {
    const titled = await user.api.task.list({ sort: 'title', order: 'asc', limit: 1 });
    const title = titled.items[0]?.title.toLowerCase() ?? '';
    expect(title).toBe('task 0');
    const cursor = titled.nextCursor ?? '';
    for (const reading of [cursor, Buffer.from(cursor, 'base64url').toString('latin1')]) {
      expect(reading.toLowerCase()).not.toContain(title);
      expect(reading).not.toContain(titled.items[0]?.id ?? '');
    }
    const next = await user.api.task.list({ sort: 'title', order: 'asc', limit: 1, cursor });
    expect(next.items[0]?.title).not.toBe(titled.items[0]?.title);
  });

  it('refuses garbage', async () => {
    for (const garbage of [
      'garbage',
      '!!!!',
      '.',
      '...',
      'a.b',
      'eyJ2IjoxfQ.eyJ2IjoxfQ',
      Buffer.from('{"v":"x","i":"y","f":"z"}').toString('base64'),
      '🎉.🎉',
      '%00',
      'x'.repeat(1_000),
      `${page1.nextCursor}=`,
    ]) {
      await refused(garbage);
    }
    await refused('x'.repeat(2_001));
  });

  it('refuses a valid cursor with anything appended', async () => {
    await refused(`${page1.nextCursor}.extra`);
    await refused(`${page1.nextCursor}=`);
  });

  it.each<[string, ListTasksInput]>([
    ['another status filter', { status: ['pending'] }],
    ['another priority filter', { priority: ['high', 'low'] }],
    ['a search', { search: 'Task' }],
    ['another sort', { sort: 'title' }],
    ['the default sort', { sort: undefined }],
    ['another order', { order: 'desc' }],
    ['a dueBefore', { dueBefore: new Date('2031-01-01T00:00:00Z') }],
    ['a dueAfter', { dueAfter: new Date('2020-01-01T00:00:00Z') }],
    ['hasDueDate', { hasDueDate: true }],
    ['overdue', { overdue: false }],
  ])('refuses a cursor reused with %s', async (_label, other) => {
    await refused(page1.nextCursor ?? '', other);
  });

  it('refuses a cursor made for other filters even when used without them', async () => {
    const filtered = await user.api.task.list({ ...query, priority: ['high'], limit: 2 });
    expect(filtered.nextCursor).toEqual(expect.any(String));
    await refused(filtered.nextCursor ?? '');
    await refused(filtered.nextCursor ?? '', { priority: ['low'] });
    const ok = await user.api.task.list({
      ...query,
      priority: ['high'],
      limit: 2,
      cursor: filtered.nextCursor,
    });
    for (const task of ok.items) expect(task.priority).toBe('high');
  });
});
