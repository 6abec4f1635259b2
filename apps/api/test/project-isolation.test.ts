import { beforeEach, describe, expect, it } from 'vitest';
import { useOwnerAndIntruder } from './helpers/signed-in-suite.js';
import { expectCode, insertTasks } from './helpers/task-fixtures.js';

// Owner A has projects (one with tasks) and labels (one on a task); intruder B has its own. Every call B
// makes with A's ids (as id or afterId) must behave as if they did not exist, and leave A's rows exactly
// as they were (compared as stored rows: projects, labels, task_labels and A's tasks).

const suite = useOwnerAndIntruder();
let ownerProjects: string[];
let ownerLabels: string[];
let ownProject: string;
let ownLabel: string;

async function ownerRows(): Promise<string[]> {
  const rows = await suite.t.query<{ json: string }>(
    `select row_to_json(p)::text as json from projects p where user_id = ?
     union all select row_to_json(l)::text from labels l where user_id = ?
     union all select row_to_json(tl)::text from task_labels tl where user_id = ?
     union all select row_to_json(tk)::text from tasks tk where user_id = ?
     order by 1`,
    [suite.owner.userId, suite.owner.userId, suite.owner.userId, suite.owner.userId],
  );
  return rows.map((row) => row.json);
}

beforeEach(async () => {
  const home = await suite.owner.api.project.create({ name: 'Owner home' });
  const archived = await suite.owner.api.project.create({ name: 'Owner archived' });
  await suite.owner.api.project.update({ id: archived.id, archived: true });
  ownerProjects = [home.id, archived.id];
  const secret = await suite.owner.api.label.create({ name: 'Secret' });
  ownerLabels = [secret.id, (await suite.owner.api.label.create({ name: 'Other' })).id];
  const [task = ''] = await insertTasks(suite.t, suite.owner.userId, [{ title: 'Owner task' }]);
  await suite.t.run('update tasks set project_id = ? where id = ?', [home.id, task]);
  await suite.t.run('insert into task_labels (task_id, label_id, user_id) values (?, ?, ?)', [
    task,
    secret.id,
    suite.owner.userId,
  ]);
  ownProject = (await suite.intruder.api.project.create({ name: 'Intruder project' })).id;
  ownLabel = (await suite.intruder.api.label.create({ name: 'Intruder label' })).id;
});

describe("another user's projects behave like missing ones", () => {
  it('project.list: only the caller’s projects, counting only the caller’s tasks', async () => {
    expect(await suite.intruder.api.project.list()).toEqual([
      expect.objectContaining({ id: ownProject, name: 'Intruder project', openTaskCount: 0 }),
    ]);
    expect((await suite.owner.api.project.list()).map((p) => [p.id, p.openTaskCount])).toEqual([
      [ownerProjects[0], 1],
      [ownerProjects[1], 0],
    ]);
  });

  it("project.create: lands only in the caller's list, the owner's rows unchanged", async () => {
    const before = await ownerRows();
    await suite.intruder.api.project.create({ name: 'Owner home' });
    expect(await ownerRows()).toEqual(before);
    expect(await suite.owner.api.project.list()).toHaveLength(2);
  });

  it('project.update: NOT_FOUND for their id, whatever is changed, and for their afterId', async () => {
    const before = await ownerRows();
    for (const id of ownerProjects) {
      await expectCode(suite.intruder.api.project.update({ id, name: 'Hijacked' }), 'NOT_FOUND');
      await expectCode(suite.intruder.api.project.update({ id, color: 'red', archived: false }), 'NOT_FOUND');
      await expectCode(suite.intruder.api.project.update({ id, afterId: null }), 'NOT_FOUND');
      await expectCode(suite.intruder.api.project.update({ id, afterId: ownProject }), 'NOT_FOUND');
      await expectCode(suite.intruder.api.project.update({ id }), 'NOT_FOUND');
      await expectCode(suite.intruder.api.project.update({ id: ownProject, afterId: id }), 'NOT_FOUND');
      await expectCode(
        suite.intruder.api.project.update({ id: ownProject, name: 'Moved', afterId: id }),
        'NOT_FOUND',
      );
    }
    expect(await ownerRows()).toEqual(before);
    expect((await suite.intruder.api.project.list())[0]?.name).toBe('Intruder project');
  });

  it('project.delete: NOT_FOUND, and their project and its tasks stay', async () => {
    const before = await ownerRows();
    for (const id of ownerProjects) await expectCode(suite.intruder.api.project.delete({ id }), 'NOT_FOUND');
    expect(await ownerRows()).toEqual(before);
  });
});

describe("another user's labels behave like missing ones", () => {
  it("label.list: only the caller's labels", async () => {
    expect(await suite.intruder.api.label.list()).toEqual([
      { id: ownLabel, name: 'Intruder label', color: 'grey' },
    ]);
  });

  it("label.create: the owner's names are free for the caller (no CONFLICT tells them apart)", async () => {
    const before = await ownerRows();
    expect(await suite.intruder.api.label.create({ name: 'secret' })).toMatchObject({ name: 'secret' });
    expect(await ownerRows()).toEqual(before);
  });

  it('label.update: NOT_FOUND for their id, whatever is changed; their names are free to rename to', async () => {
    const before = await ownerRows();
    for (const id of ownerLabels) {
      await expectCode(suite.intruder.api.label.update({ id, name: 'Hijacked' }), 'NOT_FOUND');
      await expectCode(suite.intruder.api.label.update({ id, color: 'red' }), 'NOT_FOUND');
      await expectCode(suite.intruder.api.label.update({ id }), 'NOT_FOUND');
    }
    expect(await suite.intruder.api.label.update({ id: ownLabel, name: 'SECRET' })).toMatchObject({
      name: 'SECRET',
    });
    expect(await ownerRows()).toEqual(before);
  });

  it('label.delete: NOT_FOUND, and their label stays on their task', async () => {
    const before = await ownerRows();
    for (const id of ownerLabels) await expectCode(suite.intruder.api.label.delete({ id }), 'NOT_FOUND');
    expect(await ownerRows()).toEqual(before);
  });
});
