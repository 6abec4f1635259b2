import {
  type ListTasksQuery,
  TASK_PRIORITIES,
  TASK_SORTS,
  TASK_STATUSES,
  type TaskSort,
} from '@taskapp/shared';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TaskCursor, taskListQueries } from '../../src/queries/task-list.js';
import type { TaskDto } from '../../src/queries/task-row.js';
import { createTestOrm, type TestOrm } from '../../src/testing/index.js';
import { insertTask, insertUser, type TaskFields } from './arrange.js';

let testOrm: TestOrm;
let pool: pg.Pool;
let list: ReturnType<typeof taskListQueries>['list'];

beforeAll(async () => {
  testOrm = await createTestOrm();
  pool = testOrm.pool;
  list = taskListQueries(pool).list;
});
afterAll(() => testOrm.close());

const query = (over: Partial<ListTasksQuery> = {}): ListTasksQuery => ({
  sort: 'createdAt',
  order: 'desc',
  limit: 100,
  ...over,
});

/** Every page of a listing, following `next` until it is null. */
async function allPages(userId: string, q: ListTasksQuery): Promise<TaskDto[][]> {
  const pages: TaskDto[][] = [];
  let after: TaskCursor | null = null;
  do {
    const page = await list(userId, q, after);
    pages.push(page.items);
    after = page.next;
    if (pages.length > 100) throw new Error('the list never ends');
  } while (after);
  return pages;
}

const ids = (tasks: readonly { id: string }[]) => tasks.map((task) => task.id);
const sorted = (values: readonly string[]) => [...values].sort();

/** Arranges tasks for a new owner and the same tasks for another user (who must never show up). */
async function ownerWith(tasks: TaskFields[]): Promise<{ owner: string; ids: string[] }> {
  const owner = await insertUser(pool);
  const other = await insertUser(pool);
  const created: string[] = [];
  for (const task of tasks) {
    created.push(await insertTask(pool, owner, task));
    await insertTask(pool, other, task);
  }
  return { owner, ids: created };
}

const DAY = 24 * 60 * 60 * 1000;

describe('filters', () => {
  it('status: only tasks whose status is one of those given', async () => {
    const tasks = TASK_STATUSES.flatMap((status) => [{ status }, { status }]);
    const { owner, ids: created } = await ownerWith(tasks);
    for (const wanted of [['pending'], ['in_progress', 'completed'], [...TASK_STATUSES]] as const) {
      const expected = created.filter((_, i) =>
        (wanted as readonly string[]).includes(tasks[i]?.status ?? ''),
      );
      const page = await list(owner, query({ status: [...wanted] }), null);
      expect(sorted(ids(page.items))).toEqual(sorted(expected));
    }
  });

  it('priority: only tasks whose priority is one of those given', async () => {
    const tasks = TASK_PRIORITIES.flatMap((priority) => [{ priority }, { priority }]);
    const { owner, ids: created } = await ownerWith(tasks);
    for (const wanted of [['high'], ['low', 'medium']] as const) {
      const expected = created.filter((_, i) =>
        (wanted as readonly string[]).includes(tasks[i]?.priority ?? ''),
      );
      const page = await list(owner, query({ priority: [...wanted] }), null);
      expect(sorted(ids(page.items))).toEqual(sorted(expected));
    }
  });

  it('combines filters with AND', async () => {
    const tasks: TaskFields[] = [
      { status: 'pending', priority: 'high' },
      { status: 'pending', priority: 'low' },
      { status: 'completed', priority: 'high' },
    ];
    const { owner, ids: created } = await ownerWith(tasks);
    const page = await list(owner, query({ status: ['pending'], priority: ['high'] }), null);
    expect(ids(page.items)).toEqual([created[0]]);
  });

  describe('search', () => {
    const titles = ['50% off', '500 items', 'a_b', 'axb', 'back\\slash', 'backslash', 'Case Study', 'plain'];
    let owner: string;

    beforeAll(async () => {
      const tasks: TaskFields[] = titles.map((title) => ({ title }));
      tasks.push({ title: 'with notes', description: 'contains a NEEDLE somewhere' });
      owner = (await ownerWith(tasks)).owner;
    });

    const found = async (search: string) => {
      const page = await list(owner, query({ search }), null);
      return sorted(page.items.map((task) => task.title));
    };

    it('treats % as a literal character, not a wildcard', async () => {
      expect(await found('50%')).toEqual(['50% off']);
      expect(await found('%')).toEqual(['50% off']);
    });

    it('treats _ as a literal character, not a wildcard', async () => {
      expect(await found('a_b')).toEqual(['a_b']);
      expect(await found('_')).toEqual(['a_b']);
    });

    it('treats \\ as a literal character, not an escape', async () => {
      expect(await found('\\')).toEqual(['back\\slash']);
      expect(await found('k\\s')).toEqual(['back\\slash']);
    });

    it('matches any part of the title, ignoring case', async () => {
      expect(await found('STUDY')).toEqual(['Case Study']);
      expect(await found('50')).toEqual(['50% off', '500 items']);
    });

    it('matches the description too', async () => {
      expect(await found('needle')).toEqual(['with notes']);
    });

    it('finds nothing for text no task contains', async () => {
      expect(await found('absent')).toEqual([]);
    });
  });

  it('dueBefore is exclusive and dueAfter inclusive; tasks without a due date match neither', async () => {
    const at = new Date('2026-05-05T10:00:00.000Z');
    const tasks: TaskFields[] = [
      { title: 'before', dueDate: new Date(at.getTime() - 1) },
      { title: 'at', dueDate: at },
      { title: 'after', dueDate: new Date(at.getTime() + 1) },
      { title: 'none', dueDate: null },
    ];
    const { owner } = await ownerWith(tasks);
    const titles = async (q: Partial<ListTasksQuery>) =>
      sorted((await list(owner, query(q), null)).items.map((task) => task.title));
    expect(await titles({ dueBefore: at })).toEqual(['before']);
    expect(await titles({ dueAfter: at })).toEqual(['after', 'at']);
    expect(await titles({ dueAfter: at, dueBefore: new Date(at.getTime() + 1) })).toEqual(['at']);
  });

  it('hasDueDate true keeps tasks with a due date, false those without', async () => {
    const tasks: TaskFields[] = [
      { title: 'dated', dueDate: new Date('2026-01-01T00:00:00Z') },
      { title: 'undated', dueDate: null },
      { title: 'dated too', dueDate: new Date('2030-01-01T00:00:00Z') },
    ];
    const { owner } = await ownerWith(tasks);
    const titles = async (hasDueDate: boolean) =>
      sorted((await list(owner, query({ hasDueDate }), null)).items.map((task) => task.title));
    expect(await titles(true)).toEqual(['dated', 'dated too']);
    expect(await titles(false)).toEqual(['undated']);
  });

  it('overdue true keeps open tasks whose due date has passed; false keeps every other task', async () => {
    const past = new Date(Date.now() - DAY);
    const future = new Date(Date.now() + DAY);
    const tasks: TaskFields[] = [
      { title: 'late pending', status: 'pending', dueDate: past },
      { title: 'late in progress', status: 'in_progress', dueDate: past },
      { title: 'late but done', status: 'completed', dueDate: past },
      { title: 'not yet due', status: 'pending', dueDate: future },
      { title: 'no due date', status: 'pending', dueDate: null },
    ];
    const { owner } = await ownerWith(tasks);
    const titles = async (overdue: boolean) =>
      sorted((await list(owner, query({ overdue }), null)).items.map((task) => task.title));
    expect(await titles(true)).toEqual(['late in progress', 'late pending']);
    expect(await titles(false)).toEqual(['late but done', 'no due date', 'not yet due']);
  });
});

describe("another user's tasks", () => {
  it('never appear, whatever the filter, sort or page', async () => {
    const { owner, ids: created } = await ownerWith([
      { title: 'mine', dueDate: new Date(Date.now() - DAY) },
      { title: 'mine too', status: 'completed' },
    ]);
    const variants: Partial<ListTasksQuery>[] = [
      {},
      { search: 'mine' },
      { overdue: true },
      { overdue: false },
      { hasDueDate: false },
      { status: ['completed'] },
      ...TASK_SORTS.flatMap((sort) => [
        { sort, order: 'asc' as const, limit: 1 },
        { sort, order: 'desc' as const, limit: 1 },
      ]),
    ];
    for (const variant of variants) {
      const listed = (await allPages(owner, query(variant))).flat();
      expect(ids(listed).every((id) => created.includes(id))).toBe(true);
      expect(listed.length).toBeGreaterThan(0);
    }
  });
});

describe('sort orders', () => {
  const base = Date.UTC(2026, 0, 10, 9, 0, 0, 0);
  // Ties on every key, so the id decides between them and pages end in the middle of a tie.
  const letters = [
    'pear',
    'Apple',
    'apple',
    'fig',
    'Fig',
    'banana',
    'cherry',
    'apple',
    'kiwi',
    'date',
    'Date',
    'lime',
    'mango',
  ];
  const tasks: TaskFields[] = letters.map((title, i) => ({
    title,
    priority: TASK_PRIORITIES[i % 3],
    status: TASK_STATUSES[i % 3],
    createdAt: new Date(base + (i % 4) * 60_000),
    updatedAt: new Date(base + ((i * 7) % 5) * 60_000),
    dueDate: i % 3 === 1 ? null : new Date(base + ((i * 5) % 4) * DAY),
  }));
  // Manual order keys with ties, and upper/lower case that a locale would interleave but bytes do not.
  const positions = ['a1', 'a0', 'Zz', 'a1', 'b00', 'a0V', 'A5', 'a0', 'a0V', 'Zz', 'a2', 'a1', 'a10'];
  let owner: string;
  let expectedRows: (TaskFields & { id: string; position: string })[];

  beforeAll(async () => {
    const arranged = await ownerWith(tasks);
    owner = arranged.owner;
    expectedRows = tasks.map((task, i) => ({
      ...task,
      id: arranged.ids[i] as string,
      position: positions[i] as string,
    }));
    for (const row of expectedRows)
      await pool.query('update tasks set position = $1 where id = $2', [row.position, row.id]);
  });

  const rank = { low: 1, medium: 2, high: 3 } as const;
  const time = (value: Date | string | null | undefined) => (value ? new Date(value).getTime() : null);

  /** The order the contract describes, computed without SQL. */
  function expectedOrder(sort: TaskSort, order: 'asc' | 'desc'): string[] {
    const key = (task: TaskFields & { position: string }): number | string => {
      switch (sort) {
        case 'createdAt':
          return time(task.createdAt) as number;
        case 'updatedAt':
          return time(task.updatedAt) as number;
        case 'dueDate':
          // Without a due date: last in both directions.
          return (
            time(task.dueDate) ?? (order === 'asc' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY)
          );
        case 'priority':
          return rank[task.priority ?? 'medium'];
        case 'title':
          return (task.title ?? '').toLowerCase();
        case 'manual':
          // JavaScript compares strings by UTF-16 code units: byte order for these ASCII keys.
          return task.position;
      }
    };
    const sign = order === 'asc' ? 1 : -1;
    return [...expectedRows]
      .sort((a, b) => {
        const [ka, kb] = [key(a), key(b)];
        if (ka !== kb) return (ka < kb ? -1 : 1) * sign;
        return (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) * sign;
      })
      .map((task) => task.id);
  }

  const cases = TASK_SORTS.flatMap((sort) => (['asc', 'desc'] as const).map((order) => ({ sort, order })));

  it.each(cases)(
    '$sort $order: one page lists every task in order, id breaking ties',
    async ({ sort, order }) => {
      const page = await list(owner, query({ sort, order }), null);
      expect(ids(page.items)).toEqual(expectedOrder(sort, order));
      expect(page.next).toBeNull();
    },
  );

  it.each(cases)('$sort $order: pages of 4 have no duplicates or gaps', async ({ sort, order }) => {
    const pages = await allPages(owner, query({ sort, order, limit: 4 }));
    expect(pages.map((page) => page.length)).toEqual([4, 4, 4, 1]);
    expect(ids(pages.flat())).toEqual(expectedOrder(sort, order));
  });

  it.each(['asc', 'desc'] as const)('dueDate %s: tasks without a due date come last', async (order) => {
    const listed = (await allPages(owner, query({ sort: 'dueDate', order, limit: 3 }))).flat();
    const firstUndated = listed.findIndex((task) => task.dueDate === null);
    expect(firstUndated).toBeGreaterThan(0);
    expect(listed.slice(firstUndated).every((task) => task.dueDate === null)).toBe(true);
    const dated = listed.slice(0, firstUndated).map((task) => (task.dueDate as Date).getTime());
    expect(dated).toEqual([...dated].sort((a, b) => (order === 'asc' ? a - b : b - a)));
  });

  it('priority sorts high > medium > low, not alphabetically', async () => {
    const listed = (await list(owner, query({ sort: 'priority', order: 'desc' }), null)).items;
    const seen = [...new Set(listed.map((task) => task.priority))];
    expect(seen).toEqual(['high', 'medium', 'low']);
  });
});

describe('pagination', () => {
  it('next is null when the page holds exactly the remaining tasks (limit + 1 detection)', async () => {
    const limit = 5;
    const { owner } = await ownerWith(Array.from({ length: limit }, () => ({})));
    const page = await list(owner, query({ limit }), null);
    expect(page.items).toHaveLength(limit);
    expect(page.next).toBeNull();
  });

  it('with one task more than the limit, next points past the last item and the next page is the rest', async () => {
    const limit = 5;
    const { owner, ids: created } = await ownerWith(Array.from({ length: limit + 1 }, () => ({})));
    const first = await list(owner, query({ limit }), null);
    expect(first.items).toHaveLength(limit);
    expect(first.next?.id).toBe(first.items.at(-1)?.id);
    const second = await list(owner, query({ limit }), first.next);
    expect(second.items).toHaveLength(1);
    expect(second.next).toBeNull();
    expect(sorted([...ids(first.items), ...ids(second.items)])).toEqual(sorted(created));
  });

  it('two full pages end on the second page, without an empty third one', async () => {
    const limit = 4;
    const { owner } = await ownerWith(Array.from({ length: 2 * limit }, () => ({})));
    const pages = await allPages(owner, query({ limit }));
    expect(pages.map((page) => page.length)).toEqual([limit, limit]);
  });

  it('an owner without tasks gets an empty page and no next', async () => {
    const owner = await insertUser(pool);
    expect(await list(owner, query(), null)).toEqual({ items: [], next: null });
  });

  it('has no duplicates or gaps while other tasks are inserted between pages', async () => {
    const base = Date.UTC(2026, 1, 1);
    const { owner, ids: created } = await ownerWith(
      Array.from({ length: 12 }, (_, i) => ({ createdAt: new Date(base + Math.floor(i / 2) * 1000) })),
    );
    const seen: string[] = [];
    let after: TaskCursor | null = null;
    let inserted = 0;
    do {
      const page = await list(owner, query({ sort: 'createdAt', order: 'desc', limit: 3 }), after);
      seen.push(...ids(page.items));
      after = page.next;
      // Newer tasks (before the cursor) and one tied with the oldest (after it) arrive meanwhile.
      await insertTask(pool, owner, { createdAt: new Date() });
      await insertTask(pool, owner, { createdAt: new Date(base) });
      inserted += 1;
    } while (after && inserted < 20);
    expect(new Set(seen).size).toBe(seen.length);
    expect(created.every((id) => seen.includes(id))).toBe(true);
  });
});
