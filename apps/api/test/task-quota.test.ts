import { LIMITS } from '@taskapp/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countTasks,
  expectCode,
  newUser,
  openTaskTestDb,
  type TaskTestDb,
  type TestUser,
} from './helpers/task-fixtures.js';

// DESIGN "Rules with numbers": at most 100,000 tasks per user, over it a BAD_REQUEST saying which limit;
// security finding 1 (no quota: one user grew the database and the server's memory without bound).

let t: TaskTestDb;
beforeAll(async () => {
  t = await openTaskTestDb();
});
afterAll(() => t.close());

/** Gives a user `count` tasks directly (the limit is checked once per statement). */
async function fill(userId: string, count: number) {
  // In slices, each well inside the statement timeout even on a busy machine.
  for (let done = 0; done < count; done += 10_000) {
    await t.query("insert into tasks (user_id, title) select ?, 'x' from generate_series(1, ?)", [
      userId,
      Math.min(10_000, count - done),
    ]);
  }
}

let user: TestUser;
beforeAll(async () => {
  user = await newUser(t, 'quota');
  await fill(user.userId, LIMITS.tasksPerUser - 10);
}, 60_000);

describe(`at most ${LIMITS.tasksPerUser.toLocaleString('en')} tasks per user`, () => {
  it('does not overshoot when many creates race for the last places', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => user.api.task.create({ title: `racer ${i}` })),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(10);
    for (const outcome of outcomes.filter((o) => o.status === 'rejected')) {
      expect((outcome as PromiseRejectedResult).reason).toMatchObject({ code: 'BAD_REQUEST' });
    }
    expect(await countTasks(t, user.userId)).toBe(LIMITS.tasksPerUser);
  });

  it('refuses a create over the limit, saying which limit, and nobody else is affected', async () => {
    expect(LIMITS.tasksPerUser).toBe(100_000);
    const refused = await expectCode(user.api.task.create({ title: 'one too many' }), 'BAD_REQUEST');
    expect(refused.message).toBe('You have reached the limit of 100,000 tasks. Delete some to add more.');
    expect(await countTasks(t, user.userId)).toBe(LIMITS.tasksPerUser);
    const bystander = await newUser(t, 'quota-bystander');
    await bystander.api.task.create({ title: 'mine' });
  });

  it('holds any insert statement to it, a bulk one as a whole', async () => {
    await expect(
      t.query("insert into tasks (user_id, title) select ?, 'bulk' from generate_series(1, 5)", [
        user.userId,
      ]),
    ).rejects.toMatchObject({ code: 'TL001' });
    expect(await countTasks(t, user.userId)).toBe(LIMITS.tasksPerUser);
  });

  it('holds Undo of a delete to the limit too', async () => {
    const [first] = await t.query<{ id: string }>('select id from tasks where user_id = ? limit 1', [
      user.userId,
    ]);
    await user.api.task.delete({ id: first?.id ?? '' });
    await user.api.task.create({ title: 'took its place' });
    await expectCode(user.api.task.restore({ id: first?.id ?? '' }), 'BAD_REQUEST');
    expect(await countTasks(t, user.userId)).toBe(LIMITS.tasksPerUser);
  });

  it('refuses completing a recurring task when its next occurrence would go over, and nothing changes', async () => {
    await t.query(
      "delete from tasks where id = (select id from tasks where user_id = ? and title = 'x' limit 1)",
      [user.userId],
    );
    const task = await user.api.task.create({
      title: 'Repeats at the limit',
      dueDate: new Date(Date.UTC(2027, 0, 4)),
      allDay: true,
      recurrence: { rule: 'FREQ=DAILY', from: 'due' },
    });
    const refused = await expectCode(
      user.api.task.update({ id: task.id, status: 'completed' }),
      'BAD_REQUEST',
    );
    expect(refused.message).toBe('You have reached the limit of 100,000 tasks. Delete some to add more.');
    await expectCode(
      user.api.task.bulkUpdate({ ids: [task.id], patch: { status: 'completed' } }),
      'BAD_REQUEST',
    );
    expect(await user.api.task.byId({ id: task.id })).toEqual(task);
    expect(await countTasks(t, user.userId)).toBe(LIMITS.tasksPerUser);
  });
});
