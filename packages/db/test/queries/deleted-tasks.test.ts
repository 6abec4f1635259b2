import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { deletedTaskQueries } from '../../src/queries/deleted-tasks.js';
import { taskWriteQueries } from '../../src/queries/task-writes.js';
import { asStored, insertTask, storedTask, storedTasksOf } from './arrange.js';
import { useOwnerAndOther } from './owner-and-other.js';

const db = useOwnerAndOther();
let writes: ReturnType<typeof taskWriteQueries>;
let deleted: ReturnType<typeof deletedTaskQueries>;

beforeAll(() => {
  writes = taskWriteQueries(db.pool);
  deleted = deletedTaskQueries(db.pool);
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
    const id = await insertTask(db.pool, db.owner, fullTask());
    const before = await storedTask(db.pool, id);
    expect(await writes.delete(db.owner, id)).toBe(true);
    expect(await storedTask(db.pool, id)).toBeUndefined();

    const restored = await deleted.restore(db.owner, id, NOW);
    expect(restored).toMatchObject({ id, title: 'Write the report', completedAt: EARLIER, updatedAt: NOW });
    expect(await storedTask(db.pool, id)).toEqual({ ...before, updated_at: asStored(NOW) });
  });

  it('restores what bulkDelete removed, and only once', async () => {
    const a = await insertTask(db.pool, db.owner);
    const b = await insertTask(db.pool, db.owner);
    expect(await writes.bulkDelete(db.owner, [a, b])).toBe(2);
    expect((await deleted.restore(db.owner, a, NOW))?.id).toBe(a);
    expect((await deleted.restore(db.owner, b, NOW))?.id).toBe(b);
    expect(await deleted.restore(db.owner, a, NOW)).toBeUndefined();
  });

  it("is undefined for another user's deleted task, which stays restorable by its owner", async () => {
    const id = await insertTask(db.pool, db.other, fullTask());
    await writes.delete(db.other, id);
    expect(await deleted.restore(db.owner, id, NOW)).toBeUndefined();
    expect(await storedTasksOf(db.pool, db.owner)).toEqual([]);
    expect((await deleted.restore(db.other, id, NOW))?.id).toBe(id);
  });

  it('is undefined for a live task and for an id never used', async () => {
    const id = await insertTask(db.pool, db.owner, fullTask());
    const before = await storedTask(db.pool, id);
    expect(await deleted.restore(db.owner, id, NOW)).toBeUndefined();
    expect(await deleted.restore(db.owner, randomUUID(), NOW)).toBeUndefined();
    expect(await storedTask(db.pool, id)).toEqual(before);
  });

  it('keeps the latest copy when a restored task is deleted again', async () => {
    const id = await insertTask(db.pool, db.owner, fullTask());
    await writes.delete(db.owner, id);
    await deleted.restore(db.owner, id, NOW);
    await writes.update(db.owner, id, { title: 'Second life' }, undefined, NOW);
    await writes.delete(db.owner, id);
    expect((await deleted.restore(db.owner, id, NOW))?.title).toBe('Second life');
  });
});
