import { LIMITS } from '@taskapp/shared';
import { describe, expect, it } from 'vitest';
import { useSignedInUser } from './helpers/signed-in-suite.js';
import { expectCode, insertTasks, missingId } from './helpers/task-fixtures.js';

// DESIGN "Organisation": label.list / create / update / delete, called as a signed-in user.

const suite = useSignedInUser('labels');

const names = async () => (await suite.me.api.label.list()).map((label) => label.name);

describe('label.create and label.list', () => {
  it('creates labels and lists them by name ignoring case', async () => {
    expect(await suite.me.api.label.create({ name: ' waiting ' })).toEqual({
      id: expect.any(String),
      name: 'waiting',
      color: 'grey',
    });
    expect(await suite.me.api.label.create({ name: 'Calls', color: 'orange' })).toMatchObject({
      color: 'orange',
    });
    await suite.me.api.label.create({ name: 'errands' });
    expect(await names()).toEqual(['Calls', 'errands', 'waiting']);
  });

  it('refuses a name I already have, ignoring case, with CONFLICT naming it', async () => {
    await suite.me.api.label.create({ name: 'Work' });
    const refused = await expectCode(suite.me.api.label.create({ name: 'WORK' }), 'CONFLICT');
    expect(refused.message).toBe('You already have a label named “WORK”.');
    expect(await names()).toEqual(['Work']);
  });

  it('refuses bad input: an empty name, an unknown colour, unknown keys', async () => {
    await expectCode(suite.me.api.label.create({ name: '' }), 'BAD_REQUEST');
    await expectCode(suite.me.api.label.create({ name: 'L', color: 'gold' as 'red' }), 'BAD_REQUEST');
    await expectCode(
      suite.me.api.label.create({ name: 'L', position: 'a0' } as { name: string }),
      'BAD_REQUEST',
    );
    expect(await names()).toEqual([]);
  });

  it(`refuses label ${LIMITS.labelsPerUser + 1} with a BAD_REQUEST naming the limit`, async () => {
    await suite.t.run(
      "insert into labels (user_id, name) select ?, 'L' || n from generate_series(1, ?) as n",
      [suite.me.userId, LIMITS.labelsPerUser],
    );
    const refused = await expectCode(suite.me.api.label.create({ name: 'One more' }), 'BAD_REQUEST');
    expect(refused.message).toContain(`limit of ${LIMITS.labelsPerUser} labels`);
    expect(await suite.me.api.label.list()).toHaveLength(LIMITS.labelsPerUser);
  });
});

describe('label.update', () => {
  it('renames and recolours', async () => {
    const label = await suite.me.api.label.create({ name: 'work' });
    expect(await suite.me.api.label.update({ id: label.id, name: 'Work', color: 'red' })).toEqual({
      id: label.id,
      name: 'Work',
      color: 'red',
    });
  });

  it("refuses another of my labels' name with CONFLICT, and a missing id with NOT_FOUND", async () => {
    await suite.me.api.label.create({ name: 'Home' });
    const work = await suite.me.api.label.create({ name: 'Work' });
    const refused = await expectCode(suite.me.api.label.update({ id: work.id, name: 'home' }), 'CONFLICT');
    expect(refused.message).toBe('You already have a label named “home”.');
    await expectCode(suite.me.api.label.update({ id: missingId(), name: 'X' }), 'NOT_FOUND');
    expect(await names()).toEqual(['Home', 'Work']);
  });
});

describe('label.delete', () => {
  it('deletes the label and removes it from its tasks, keeping the tasks', async () => {
    const home = await suite.me.api.label.create({ name: 'Home' });
    const keep = await suite.me.api.label.create({ name: 'Keep' });
    const [task = ''] = await insertTasks(suite.t, suite.me.userId, [{ title: 'Labelled' }]);
    await suite.t.run('insert into task_labels (task_id, label_id, user_id) values (?, ?, ?), (?, ?, ?)', [
      task,
      home.id,
      suite.me.userId,
      task,
      keep.id,
      suite.me.userId,
    ]);
    expect(await suite.me.api.label.delete({ id: home.id })).toEqual({ id: home.id });
    expect(await suite.me.api.label.list()).toEqual([keep]);
    expect(await suite.t.query('select label_id from task_labels where task_id = ?', [task])).toEqual([
      { label_id: keep.id },
    ]);
    expect(await suite.t.query('select title from tasks where id = ?', [task])).toEqual([
      { title: 'Labelled' },
    ]);
    await expectCode(suite.me.api.label.delete({ id: home.id }), 'NOT_FOUND');
  });
});
