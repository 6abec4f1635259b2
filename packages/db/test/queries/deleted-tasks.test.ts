import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deletedTaskQueries } from '../../src/queries/deleted-tasks.js';
import { taskWriteQueries } from '../../src/queries/task-writes.js';
import { createTestOrm, type TestOrm } from '../../src/testing/index.js';
import { asStored, insertTask, insertUser, storedTask, storedTasksOf } from './arrange.js';

let testOrm: TestOrm;
let pool: pg.Pool;
let writes: ReturnType<typeof taskWriteQueries>;
let deleted: ReturnType<typeof deletedTaskQueries>;
let owner: string;
let other: string;

beforeAll(async () => {
  testOrm = await createTestOrm();
  pool = testOrm.pool;
  writes = taskWriteQueries(pool);
  deleted = deletedTaskQueries(pool);
});
afterAll(() => testOrm.close());

beforeEach(async () => {
  owner = await insertUser(pool);
  other = await insertUser(pool);
});

const EARLIER = new Date('2025-06-01T08:00:00.250Z');
const NOW = new Date('2026-03-04T05:06:07.891Z');

const fullTask = () => ({
  title: 'Write the report',
  description: 'All of it',
  status: 'completed' as const,
  priority: 'high' as const,
  dueDate: new Date('2026-04-01T12:00:00.000Z'),
  completedAt: EARLIER,
  createdAt: EARLIER,
  updatedAt: EARLIER,
});

describe('restore', () => {
  it('puts a deleted task back with every column as it was, updated_at now', async () => {
    const id = await insertTask(pool, owner, fullTask());
    const before = await storedTask(pool, id);
    expect(await writes.delete(owner, id)).toBe(true);
    expect(await storedTask(pool, id)).toBeUndefined();

    const restored = await deleted.restore(owner, id, NOW);
    expect(restored).toMatchObject({ id, title: 'Write the report', completedAt: EARLIER, updatedAt: NOW });
    expect(await storedTask(pool, id)).toEqual({ ...before, updated_at: asStored(NOW) });
  });

  it('restores what bulkDelete removed, and only once', async () => {
    const a = await insertTask(pool, owner);
    const b = await insertTask(pool, owner);
    expect(await writes.bulkDelete(owner, [a, b])).toBe(2);
    expect((await deleted.restore(owner, a, NOW))?.id).toBe(a);
    expect((await deleted.restore(owner, b, NOW))?.id).toBe(b);
    expect(await deleted.restore(owner, a, NOW)).toBeUndefined();
  });

  it("is undefined for another user's deleted task, which stays restorable by its owner", async () => {
    const id = await insertTask(pool, other, fullTask());
    await writes.delete(other, id);
    expect(await deleted.restore(owner, id, NOW)).toBeUndefined();
    expect(await storedTasksOf(pool, owner)).toEqual([]);
    expect((await deleted.restore(other, id, NOW))?.id).toBe(id);
  });

  it('is undefined for a live task and for an id never used', async () => {
    const id = await insertTask(pool, owner, fullTask());
    const before = await storedTask(pool, id);
    expect(await deleted.restore(owner, id, NOW)).toBeUndefined();
    expect(await deleted.restore(owner, randomUUID(), NOW)).toBeUndefined();
    expect(await storedTask(pool, id)).toEqual(before);
  });

  it('keeps the latest copy when a restored task is deleted again', async () => {
    const id = await insertTask(pool, owner, fullTask());
    await writes.delete(owner, id);
    await deleted.restore(owner, id, NOW);
    await writes.update(owner, id, { title: 'Second life' }, undefined, NOW);
    await writes.delete(owner, id);
    expect((await deleted.restore(owner, id, NOW))?.title).toBe('Second life');
  });
});
