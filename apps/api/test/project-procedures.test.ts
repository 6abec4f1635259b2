import { LIMITS } from '@taskapp/shared';
import { describe, expect, it } from 'vitest';
import { useSignedInUser } from './helpers/signed-in-suite.js';
import { expectCode, insertTasks, missingId } from './helpers/task-fixtures.js';

// DESIGN "Organisation": project.list / create / update / delete, called as a signed-in user.

const suite = useSignedInUser('projects');

const names = async () => (await suite.me.api.project.list()).map((project) => project.name);

/** Tasks arranged by SQL (task writes are not under test here) in a project, or the Inbox with null. */
async function tasksIn(projectId: string | null, statuses: ('pending' | 'in_progress' | 'completed')[]) {
  const ids = await insertTasks(
    suite.t,
    suite.me.userId,
    statuses.map((status) => ({ status })),
  );
  await suite.t.run('update tasks set project_id = ? where id in (?)', [projectId, ids]);
  return ids;
}

describe('project.create and project.list', () => {
  it('creates each project last in the sidebar, with the default colour, and lists them in order', async () => {
    const home = await suite.me.api.project.create({ name: '  Home  ' });
    expect(home).toEqual({
      id: expect.any(String),
      name: 'Home',
      color: 'grey',
      position: expect.any(String),
      archivedAt: null,
      openTaskCount: 0,
    });
    const work = await suite.me.api.project.create({ name: 'Work', color: 'blue' });
    expect(work.position > home.position).toBe(true);
    await suite.me.api.project.create({ name: 'Home' });
    expect(await names()).toEqual(['Home', 'Work', 'Home']);
  });

  it('counts open tasks and subtasks, not completed ones or the Inbox', async () => {
    const home = await suite.me.api.project.create({ name: 'Home' });
    const [parent = ''] = await tasksIn(home.id, ['pending', 'in_progress', 'completed']);
    const [subtask] = await tasksIn(home.id, ['pending']);
    await suite.t.run('update tasks set parent_id = ? where id = ?', [parent, subtask]);
    await tasksIn(null, ['pending', 'pending']);
    expect(await suite.me.api.project.list()).toEqual([{ ...home, openTaskCount: 3 }]);
  });

  it('refuses bad input: an empty or too long name, an unknown colour, unknown keys', async () => {
    await expectCode(suite.me.api.project.create({ name: '   ' }), 'BAD_REQUEST');
    await expectCode(suite.me.api.project.create({ name: 'x'.repeat(256) }), 'BAD_REQUEST');
    await expectCode(suite.me.api.project.create({ name: 'P', color: 'mauve' as 'red' }), 'BAD_REQUEST');
    await expectCode(
      suite.me.api.project.create({ name: 'P', position: 'a0' } as { name: string }),
      'BAD_REQUEST',
    );
    expect(await names()).toEqual([]);
  });

  it(`refuses project ${LIMITS.projectsPerUser + 1} with a BAD_REQUEST naming the limit`, async () => {
    await suite.t.run(
      "insert into projects (user_id, name, position) select ?, 'P' || n, 'a' || n from generate_series(1, ?) as n",
      [suite.me.userId, LIMITS.projectsPerUser],
    );
    const refused = await expectCode(suite.me.api.project.create({ name: 'One more' }), 'BAD_REQUEST');
    expect(refused.message).toContain(`limit of ${LIMITS.projectsPerUser} projects`);
    expect(await suite.me.api.project.list()).toHaveLength(LIMITS.projectsPerUser);
  });
});

describe('project.update', () => {
  it('renames, recolours, archives and brings back', async () => {
    const home = await suite.me.api.project.create({ name: 'Home' });
    expect(await suite.me.api.project.update({ id: home.id, name: 'House', color: 'green' })).toEqual({
      ...home,
      name: 'House',
      color: 'green',
    });
    const archived = await suite.me.api.project.update({ id: home.id, archived: true });
    expect(archived.archivedAt).toBeInstanceOf(Date);
    expect(Math.abs((archived.archivedAt?.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
    expect((await suite.me.api.project.list())[0]?.archivedAt).toEqual(archived.archivedAt);
    expect((await suite.me.api.project.update({ id: home.id, archived: false })).archivedAt).toBeNull();
  });

  it('moves right after afterId, or first with null', async () => {
    const [a, b, c] = [
      await suite.me.api.project.create({ name: 'A' }),
      await suite.me.api.project.create({ name: 'B' }),
      await suite.me.api.project.create({ name: 'C' }),
    ];
    const moved = await suite.me.api.project.update({ id: c.id, afterId: a.id });
    expect(moved.position > a.position && moved.position < b.position).toBe(true);
    expect(await names()).toEqual(['A', 'C', 'B']);
    await suite.me.api.project.update({ id: b.id, afterId: null });
    expect(await names()).toEqual(['B', 'A', 'C']);
    await suite.me.api.project.update({ id: b.id, afterId: c.id });
    expect(await names()).toEqual(['A', 'C', 'B']);
  });

  it('is NOT_FOUND for a project or afterId that does not exist, changing nothing', async () => {
    const home = await suite.me.api.project.create({ name: 'Home' });
    await expectCode(suite.me.api.project.update({ id: missingId(), name: 'X' }), 'NOT_FOUND');
    await expectCode(
      suite.me.api.project.update({ id: home.id, name: 'X', afterId: missingId() }),
      'NOT_FOUND',
    );
    expect(await suite.me.api.project.list()).toEqual([home]);
  });
});

describe('project.delete', () => {
  it('deletes the project and moves its tasks (subtasks too) to the Inbox, losing nothing else', async () => {
    const home = await suite.me.api.project.create({ name: 'Home' });
    const work = await suite.me.api.project.create({ name: 'Work' });
    const homeTasks = await tasksIn(home.id, ['pending', 'completed']);
    const [workTask] = await tasksIn(work.id, ['pending']);
    const tasksBefore = await suite.t.query<{ n: number }>(
      'select count(*)::int as n from tasks where user_id = ?',
      [suite.me.userId],
    );
    expect(await suite.me.api.project.delete({ id: home.id })).toEqual({ id: home.id });
    expect(await names()).toEqual(['Work']);
    const moved = await suite.t.query<{ project_id: string | null }>(
      'select project_id from tasks where id in (?)',
      [homeTasks],
    );
    expect(moved).toEqual([{ project_id: null }, { project_id: null }]);
    expect(await suite.t.query('select project_id from tasks where id = ?', [workTask])).toEqual([
      { project_id: work.id },
    ]);
    expect(
      await suite.t.query('select count(*)::int as n from tasks where user_id = ?', [suite.me.userId]),
    ).toEqual(tasksBefore);
    await expectCode(suite.me.api.project.delete({ id: home.id }), 'NOT_FOUND');
  });
});
