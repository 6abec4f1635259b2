import type { ListTasksInput } from '@taskapp/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  expectCode,
  insertTasks,
  newUser,
  openTaskTestDb,
  type TaskTestDb,
  type TestUser,
  taskRow,
} from './helpers/task-fixtures.js';

// Owner A has tasks in every state; intruder B has a few of its own. Every call B makes with A's ids must
// behave as if they did not exist, and leave A's rows exactly as they were (compared as stored rows).

let t: TaskTestDb;
let owner: TestUser;
let intruder: TestUser;
let ownerIds: string[];
let ownIds: string[];

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

async function ownerRows(): Promise<string[]> {
  const rows = await t.query<{ json: string }>(
    'select row_to_json(t)::text as json from tasks t where user_id = ? order by id',
    [owner.userId],
  );
  return rows.map((row) => row.json);
}

beforeAll(async () => {
  t = await openTaskTestDb();
});
afterAll(() => t.close());

beforeEach(async () => {
  owner = await newUser(t, 'owner');
  intruder = await newUser(t, 'intruder');
  const now = Date.now();
  ownerIds = await insertTasks(t, owner.userId, [
    { title: 'Zebracorn secret plan', description: 'only the owner may see this', priority: 'high' },
    { title: 'Owner overdue', dueDate: iso(now - 5 * HOUR), priority: 'low' },
    { title: 'Owner due soon', dueDate: iso(now + 30 * 60_000), status: 'in_progress' },
    { title: 'Owner done', status: 'completed', dueDate: iso(now - HOUR) },
    { title: 'Owner no date', description: 'Zebracorn in the description' },
  ]);
  ownIds = await insertTasks(t, intruder.userId, [
    { title: 'Intruder one', priority: 'low' },
    { title: 'Intruder two', status: 'completed' },
  ]);
});

describe("another user's task behaves like a missing one", () => {
  it('task.byId: NOT_FOUND', async () => {
    const before = await ownerRows();
    for (const id of ownerIds) await expectCode(intruder.api.task.byId({ id }), 'NOT_FOUND');
    expect(await ownerRows()).toEqual(before);
  });

  it('task.update: NOT_FOUND, whatever is changed, and the row is unchanged', async () => {
    const before = await ownerRows();
    const [id = ''] = ownerIds;
    await expectCode(intruder.api.task.update({ id, title: 'Hijacked' }), 'NOT_FOUND');
    await expectCode(intruder.api.task.update({ id, status: 'completed', priority: 'low' }), 'NOT_FOUND');
    await expectCode(intruder.api.task.update({ id, dueDate: null, description: null }), 'NOT_FOUND');
    await expectCode(intruder.api.task.update({ id }), 'NOT_FOUND');
    const [stored] = await t.query<{ updated_at: string }>('select updated_at from tasks where id = ?', [id]);
    await expectCode(
      intruder.api.task.update({ id, title: 'x', expectedUpdatedAt: new Date(stored?.updated_at ?? 0) }),
      'NOT_FOUND',
    );
    expect(await ownerRows()).toEqual(before);
  });

  it('task.delete: NOT_FOUND and the row stays', async () => {
    const before = await ownerRows();
    for (const id of ownerIds) await expectCode(intruder.api.task.delete({ id }), 'NOT_FOUND');
    expect(await ownerRows()).toEqual(before);
  });

  it('task.bulkUpdate: foreign ids are not counted and not changed; own ids are', async () => {
    const before = await ownerRows();
    expect(await intruder.api.task.bulkUpdate({ ids: ownerIds, patch: { status: 'completed' } })).toEqual({
      count: 0,
    });
    const mixed = [...ownerIds, ...ownIds];
    expect(
      await intruder.api.task.bulkUpdate({ ids: mixed, patch: { priority: 'high', dueDate: null } }),
    ).toEqual({ count: ownIds.length });
    expect(await ownerRows()).toEqual(before);
    const own = await t.query<{ priority: string }>('select priority from tasks where user_id = ?', [
      intruder.userId,
    ]);
    expect(own.map((row) => row.priority)).toEqual(ownIds.map(() => 'high'));
  });

  it('task.bulkDelete: foreign ids are not counted and not deleted; own ids are', async () => {
    const before = await ownerRows();
    expect(await intruder.api.task.bulkDelete({ ids: ownerIds })).toEqual({ count: 0 });
    expect(await intruder.api.task.bulkDelete({ ids: [...ownIds, ...ownerIds] })).toEqual({
      count: ownIds.length,
    });
    expect(await ownerRows()).toEqual(before);
    for (const id of ownIds) expect(await taskRow(t, id)).toBeNull();
  });

  it('task.list: never lists them, whatever the sort, order or filter', async () => {
    const before = await ownerRows();
    const queries: ListTasksInput[] = [
      {},
      { status: ['pending', 'in_progress', 'completed'] },
      { priority: ['high', 'low'] },
      { hasDueDate: true },
      { overdue: true },
      { overdue: false },
      { dueBefore: new Date(Date.now() + 10 * HOUR) },
    ];
    for (const query of queries) {
      for (const sort of ['createdAt', 'updatedAt', 'dueDate', 'priority', 'title'] as const) {
        for (const order of ['asc', 'desc'] as const) {
          const page = await intruder.api.task.list({ ...query, sort, order, limit: 100 });
          for (const task of page.items) expect(ownIds).toContain(task.id);
        }
      }
    }
    const overdue = await intruder.api.task.list({ overdue: true });
    expect(overdue.items).toEqual([]);
    expect(await ownerRows()).toEqual(before);
  });

  it("task.list with search: the owner's words find nothing", async () => {
    expect((await owner.api.task.list({ search: 'zebracorn' })).items).toHaveLength(2);
    expect((await intruder.api.task.list({ search: 'zebracorn' })).items).toEqual([]);
    expect((await intruder.api.task.list({ search: 'Owner' })).items).toEqual([]);
    expect((await intruder.api.task.list({ search: 'only the owner' })).items).toEqual([]);
    expect(
      (await intruder.api.task.list({ search: 'Intruder' })).items.map((task) => task.id).sort(),
    ).toEqual([...ownIds].sort());
  });

  it("task.list: the owner's cursor, replayed by someone else, is refused", async () => {
    const first = await owner.api.task.list({ limit: 2 });
    expect(first.nextCursor).toEqual(expect.any(String));
    await expectCode(intruder.api.task.list({ limit: 2, cursor: first.nextCursor }), 'BAD_REQUEST');
  });

  it('task.stats: counts only their own tasks', async () => {
    const stats = await intruder.api.task.stats({ timeZone: 'UTC' });
    expect(stats).toEqual({
      byStatus: { pending: 1, in_progress: 0, completed: 1 },
      byPriority: { low: 1, medium: 1, high: 0 },
      overdue: 0,
      dueToday: 0,
    });
    const ownerStats = await owner.api.task.stats({ timeZone: 'UTC' });
    expect(ownerStats.byStatus).toEqual({ pending: 3, in_progress: 1, completed: 1 });
    expect(ownerStats.byPriority).toEqual({ low: 1, medium: 3, high: 1 });
    expect(ownerStats.overdue).toBe(1);
  });

  it("task.restore: another user's existing id is NOT_FOUND, and the row is unchanged", async () => {
    const before = await ownerRows();
    const victim = await owner.api.task.byId({ id: ownerIds[0] ?? '' });
    await expectCode(intruder.api.task.restore({ id: victim.id }), 'NOT_FOUND');
    expect(await ownerRows()).toEqual(before);
    await expectCode(intruder.api.task.byId({ id: victim.id }), 'NOT_FOUND');
    expect(await owner.api.task.byId({ id: victim.id })).toEqual(victim);
  });

  it('task.skipOccurrence: NOT_FOUND for any of them, recurring or not, and nothing changes', async () => {
    const recurring = await owner.api.task.create({
      title: 'Owner repeats',
      dueDate: new Date(Date.UTC(2027, 0, 4)),
      allDay: true,
      recurrence: { rule: 'FREQ=DAILY', from: 'due' },
    });
    const before = await ownerRows();
    for (const id of [recurring.id, ...ownerIds]) {
      await expectCode(intruder.api.task.skipOccurrence({ id }), 'NOT_FOUND');
    }
    expect(await ownerRows()).toEqual(before);
  });

  it("completing the owner's recurring task spawns only when the owner does it, and only for the owner", async () => {
    const recurring = await owner.api.task.create({
      title: 'Owner repeats',
      dueDate: new Date(Date.UTC(2027, 0, 4)),
      allDay: true,
      recurrence: { rule: 'FREQ=DAILY', from: 'due' },
    });
    const before = await ownerRows();
    await expectCode(intruder.api.task.update({ id: recurring.id, status: 'completed' }), 'NOT_FOUND');
    expect(
      await intruder.api.task.bulkUpdate({ ids: [recurring.id], patch: { status: 'completed' } }),
    ).toEqual({ count: 0 });
    expect(await ownerRows()).toEqual(before);

    await owner.api.task.update({ id: recurring.id, status: 'completed' });
    const [spawn] = await t.query<{ id: string; user_id: string }>(
      'select id, user_id from tasks where previous_occurrence_id = ?',
      [recurring.id],
    );
    expect(spawn?.user_id).toBe(owner.userId);
    await expectCode(intruder.api.task.byId({ id: spawn?.id ?? '' }), 'NOT_FOUND');
    await expectCode(intruder.api.task.skipOccurrence({ id: spawn?.id ?? '' }), 'NOT_FOUND');
    expect((await intruder.api.task.list({ limit: 100 })).items.map((task) => task.id).sort()).toEqual(
      [...ownIds].sort(),
    );
    const [row] = await t.query<{ n: number }>('select count(*)::int as n from tasks where user_id = ?', [
      intruder.userId,
    ]);
    expect(row?.n).toBe(ownIds.length);
  });

  it('account.exportData: exports only their own tasks', async () => {
    const exported = await intruder.api.account.exportData();
    expect(exported.tasks.map((task) => task.id).sort()).toEqual([...ownIds].sort());
    expect(JSON.stringify(exported)).not.toContain('Zebracorn');
    const ownerExport = await owner.api.account.exportData();
    expect(ownerExport.tasks.map((task) => task.id).sort()).toEqual([...ownerIds].sort());
  });

  it('a userId in any task input is refused as an unknown key, and nothing is written', async () => {
    const before = await ownerRows();
    const asOwner = { userId: owner.userId };
    const [id = ''] = ownerIds;
    const calls: (() => Promise<unknown>)[] = [
      () => intruder.api.task.create({ title: 'Planted', ...asOwner } as never),
      () => intruder.api.task.update({ id, title: 'x', ...asOwner } as never),
      () => intruder.api.task.byId({ id, ...asOwner } as never),
      () => intruder.api.task.delete({ id, ...asOwner } as never),
      () => intruder.api.task.list({ ...asOwner } as never),
      () => intruder.api.task.stats({ timeZone: 'UTC', ...asOwner } as never),
      () => intruder.api.task.bulkUpdate({ ids: [id], patch: { status: 'completed' }, ...asOwner } as never),
      () => intruder.api.task.bulkUpdate({ ids: [id], patch: { status: 'completed', ...asOwner } } as never),
      () => intruder.api.task.bulkDelete({ ids: [id], ...asOwner } as never),
      () => intruder.api.task.skipOccurrence({ id, ...asOwner } as never),
    ];
    for (const call of calls) await expectCode(call(), 'BAD_REQUEST');
    expect(await ownerRows()).toEqual(before);
    const [row] = await t.query<{ n: number }>('select count(*)::int as n from tasks where user_id = ?', [
      intruder.userId,
    ]);
    expect(row?.n).toBe(ownIds.length);
  });
});
