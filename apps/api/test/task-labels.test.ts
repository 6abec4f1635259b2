import { randomUUID } from 'node:crypto';
import { LIMITS } from '@taskapp/shared';
import { describe, expect, it } from 'vitest';
import { useSignedInUser } from './helpers/signed-in-suite.js';
import { expectCode } from './helpers/task-fixtures.js';
import { everythingOf, newLabel } from './helpers/task-tree.js';

// A task's labels: set on create, replaced on update, at most LIMITS.labelsPerTask, only the caller's.

const suite = useSignedInUser('labels');

const sorted = (ids: string[]) => [...ids].sort();

describe("a task's labels", () => {
  it('are stored on create and answered in id order, in every answer', async () => {
    const labels = [await newLabel(suite.me), await newLabel(suite.me), await newLabel(suite.me)];
    const task = await suite.me.api.task.create({ title: 'Labelled', labelIds: labels });
    expect(task.labelIds).toEqual(sorted(labels));
    expect((await suite.me.api.task.byId({ id: task.id })).labelIds).toEqual(sorted(labels));
    expect((await suite.me.api.task.update({ id: task.id, title: 'Renamed' })).labelIds).toEqual(
      sorted(labels),
    );
  });

  it('are replaced by update, which bumps updatedAt and keeps the other fields', async () => {
    const [a = '', b = '', c = ''] = [
      await newLabel(suite.me),
      await newLabel(suite.me),
      await newLabel(suite.me),
    ];
    const task = await suite.me.api.task.create({ title: 'Labelled', priority: 'high', labelIds: [a, b] });
    const updated = await suite.me.api.task.update({ id: task.id, labelIds: [c, b] });
    expect(updated).toEqual({ ...task, labelIds: sorted([b, c]), updatedAt: expect.any(Date) });
    expect(updated.updatedAt.getTime()).toBeGreaterThan(task.updatedAt.getTime());
    expect((await suite.me.api.task.update({ id: task.id, labelIds: [] })).labelIds).toEqual([]);
  });

  it('respect expectedUpdatedAt: a stale copy is CONFLICT and changes nothing', async () => {
    const label = await newLabel(suite.me);
    const task = await suite.me.api.task.create({ title: 'Labelled' });
    await suite.me.api.task.update({ id: task.id, title: 'Changed elsewhere' });
    const before = await everythingOf(suite.t, suite.me.userId);
    await expectCode(
      suite.me.api.task.update({ id: task.id, labelIds: [label], expectedUpdatedAt: task.updatedAt }),
      'CONFLICT',
    );
    expect(await everythingOf(suite.t, suite.me.userId)).toEqual(before);
  });

  it(`are at most ${LIMITS.labelsPerTask}, listed once each: more is BAD_REQUEST saying the limit`, async () => {
    const labels: string[] = [];
    for (let n = 0; n <= LIMITS.labelsPerTask; n += 1) labels.push(await newLabel(suite.me));
    const task = await suite.me.api.task.create({
      title: 'Many',
      labelIds: labels.slice(0, LIMITS.labelsPerTask),
    });
    expect(task.labelIds).toHaveLength(LIMITS.labelsPerTask);
    const before = await everythingOf(suite.t, suite.me.userId);
    const error = await expectCode(
      suite.me.api.task.create({ title: 'Too many', labelIds: labels }),
      'BAD_REQUEST',
    );
    expect(error.message).toContain(`at most ${LIMITS.labelsPerTask} labels`);
    await expectCode(suite.me.api.task.update({ id: task.id, labelIds: labels }), 'BAD_REQUEST');
    await expectCode(
      suite.me.api.task.create({ title: 'Twice', labelIds: [labels[0] ?? '', labels[0] ?? ''] }),
      'BAD_REQUEST',
    );
    expect(await everythingOf(suite.t, suite.me.userId)).toEqual(before);
  });

  it('must exist: an unknown label is NOT_FOUND and nothing is written', async () => {
    const label = await newLabel(suite.me);
    const task = await suite.me.api.task.create({ title: 'Kept', labelIds: [label] });
    const before = await everythingOf(suite.t, suite.me.userId);
    await expectCode(suite.me.api.task.create({ title: 'x', labelIds: [label, randomUUID()] }), 'NOT_FOUND');
    await expectCode(
      suite.me.api.task.update({ id: task.id, title: 'x', labelIds: [randomUUID()] }),
      'NOT_FOUND',
    );
    expect(await everythingOf(suite.t, suite.me.userId)).toEqual(before);
  });

  it('lose a label when it is deleted', async () => {
    const [kept, removed] = [await newLabel(suite.me), await newLabel(suite.me)];
    const task = await suite.me.api.task.create({ title: 'Labelled', labelIds: [kept, removed] });
    await suite.me.api.label.delete({ id: removed });
    expect((await suite.me.api.task.byId({ id: task.id })).labelIds).toEqual([kept]);
  });
});
