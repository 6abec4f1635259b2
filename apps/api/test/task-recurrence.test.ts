import { LIMITS } from '@taskapp/shared';
import { describe, expect, it } from 'vitest';
import { useSignedInUser } from './helpers/signed-in-suite.js';
import { allTaskRows, expectCode, missingId } from './helpers/task-fixtures.js';

// DESIGN "Recurrence and reminders": completing a recurring task keeps it as history and creates the
// next occurrence in the same transaction; undoing the completion takes an untouched one back.

const suite = useSignedInUser('recurrence');
const DAY = Date.UTC(2027, 0, 4); // a Monday

const open = async () =>
  (await suite.me.api.task.list({ status: ['pending'], sort: 'dueDate', order: 'asc' })).items;

describe('recurring tasks', () => {
  it('completing one spawns the next occurrence with everything carried over', async () => {
    const label = await suite.me.api.label.create({ name: 'home' });
    const project = await suite.me.api.project.create({ name: 'Garden' });
    const task = await suite.me.api.task.create({
      title: 'Water plants',
      priority: 'low',
      dueDate: new Date(DAY),
      allDay: true,
      projectId: project.id,
      labelIds: [label.id],
      recurrence: { rule: 'FREQ=DAILY;INTERVAL=3', from: 'due' },
      reminders: [{ minutesBefore: 60 }],
    });
    expect(task.recurrence).toEqual({ rule: 'FREQ=DAILY;INTERVAL=3', from: 'due' });

    const done = await suite.me.api.task.update({ id: task.id, status: 'completed' });
    expect(done).toMatchObject({ id: task.id, status: 'completed', recurrence: task.recurrence });
    const [next, ...rest] = await open();
    expect(rest).toEqual([]);
    expect(next).toMatchObject({
      title: 'Water plants',
      priority: 'low',
      dueDate: new Date(DAY + 3 * 86_400_000),
      allDay: true,
      projectId: project.id,
      labelIds: [label.id],
      recurrence: task.recurrence,
      reminders: [{ minutesBefore: 60 }],
      status: 'pending',
    });

    // Undo: the untouched next occurrence goes away again.
    await suite.me.api.task.update({ id: task.id, status: 'pending' });
    expect((await open()).map((t) => t.id)).toEqual([task.id]);
  });

  it('bulk completion spawns too, and a finished series (COUNT) spawns nothing', async () => {
    const weekly = await suite.me.api.task.create({
      title: 'Weekly review',
      dueDate: new Date(DAY),
      allDay: true,
      recurrence: { rule: 'FREQ=WEEKLY', from: 'due' },
    });
    const once = await suite.me.api.task.create({
      title: 'Only once',
      dueDate: new Date(DAY),
      allDay: true,
      recurrence: { rule: 'FREQ=DAILY;COUNT=1', from: 'due' },
    });
    await suite.me.api.task.bulkUpdate({ ids: [weekly.id, once.id], patch: { status: 'completed' } });
    const titles = (await open()).map((t) => [t.title, t.dueDate?.toISOString()]);
    expect(titles).toEqual([['Weekly review', new Date(DAY + 7 * 86_400_000).toISOString()]]);
  });

  it('refuses a repeat rule without a due date, and skipOccurrence moves the date on', async () => {
    await expectCode(
      suite.me.api.task.create({ title: 'No date', recurrence: { rule: 'FREQ=DAILY', from: 'due' } }),
      'BAD_REQUEST',
    );
    const task = await suite.me.api.task.create({
      title: 'Standup',
      dueDate: new Date(DAY),
      allDay: true,
      recurrence: { rule: 'FREQ=WEEKLY;BYDAY=MO,TH', from: 'due' },
    });
    const skipped = await suite.me.api.task.skipOccurrence({ id: task.id });
    expect(skipped.dueDate).toEqual(new Date(DAY + 3 * 86_400_000));
    const cleared = await suite.me.api.task.update({ id: task.id, dueDate: null });
    expect(cleared.recurrence).toBeNull();
  });
});

const weekly = { rule: 'FREQ=WEEKLY', from: 'due' as const };
const repeating = (extra: Record<string, unknown> = {}) =>
  suite.me.api.task.create({
    title: 'Repeats',
    dueDate: new Date(DAY),
    allDay: true,
    recurrence: weekly,
    ...extra,
  });

/** The pending task spawned from `id`, by the stored link (undefined when none was). */
async function spawnOf(id: string) {
  const [row] = await suite.t.query<{ id: string; user_id: string }>(
    'select id, user_id from tasks where previous_occurrence_id = ?',
    [id],
  );
  return row;
}

describe('every completion path spawns once', () => {
  it('task.update from in progress, answering the completed task, not the spawn', async () => {
    const task = await repeating({ status: 'in_progress' });
    const done = await suite.me.api.task.update({ id: task.id, status: 'completed', priority: 'high' });
    expect(done).toMatchObject({
      id: task.id,
      status: 'completed',
      dueDate: new Date(DAY),
      completedAt: expect.any(Date),
    });
    const spawn = await spawnOf(task.id);
    expect(await suite.me.api.task.byId({ id: spawn?.id ?? '' })).toMatchObject({
      status: 'pending',
      priority: 'high',
      dueDate: new Date(DAY + 7 * 86_400_000),
      completedAt: null,
    });
    // Again, and through bulk: nothing more.
    await suite.me.api.task.update({ id: task.id, status: 'completed' });
    await suite.me.api.task.bulkUpdate({ ids: [task.id], patch: { status: 'completed' } });
    expect(await open()).toHaveLength(1);
  });

  it('a recurring subtask spawns under the same parent', async () => {
    const parent = await suite.me.api.task.create({ title: 'Garden' });
    const task = await repeating({ parentId: parent.id });
    await suite.me.api.task.update({ id: task.id, status: 'completed' });
    expect(await suite.me.api.task.byId({ id: parent.id })).toMatchObject({ subtaskCount: 2 });
    const spawn = await spawnOf(task.id);
    expect(await suite.me.api.task.byId({ id: spawn?.id ?? '' })).toMatchObject({ parentId: parent.id });
  });

  it('task.bulkUpdate: undo with a bulk reopen takes the spawns back', async () => {
    const one = await repeating({ title: 'One' });
    const two = await repeating({ title: 'Two' });
    expect(
      await suite.me.api.task.bulkUpdate({ ids: [one.id, two.id], patch: { status: 'completed' } }),
    ).toEqual({
      count: 2,
    });
    expect((await open()).map((t) => t.title).sort()).toEqual(['One', 'Two']);
    await suite.me.api.task.bulkUpdate({ ids: [one.id, two.id], patch: { status: 'pending' } });
    expect((await open()).map((t) => t.id).sort()).toEqual([one.id, two.id].sort());
  });

  it('task.move does not change the status, so it spawns nothing', async () => {
    const project = await suite.me.api.project.create({ name: 'Elsewhere' });
    const task = await repeating();
    await suite.me.api.task.move({ id: task.id, projectId: project.id });
    expect(await spawnOf(task.id)).toBeUndefined();
  });
});

describe('refused input writes nothing', () => {
  async function expectRefused(call: () => Promise<unknown>, message: string | RegExp) {
    const before = await allTaskRows(suite.t);
    const error = await expectCode(call(), 'BAD_REQUEST');
    expect(error.message).toMatch(message);
    expect(await allTaskRows(suite.t)).toEqual(before);
  }
  const dated = { title: 'Dated', dueDate: new Date(DAY), allDay: true };

  it('a bad repeat rule, with the "Repeat rule:" message', async () => {
    const task = await repeating();
    for (const rule of ['FREQ=HOURLY', 'every day', 'FREQ=DAILY;COUNT=2;UNTIL=20270101', '']) {
      await expectRefused(
        () => suite.me.api.task.create({ ...dated, recurrence: { rule, from: 'due' } }),
        /"Repeat rule: /,
      );
      await expectRefused(
        () => suite.me.api.task.update({ id: task.id, recurrence: { rule, from: 'due' } }),
        /"Repeat rule: /,
      );
    }
    await expectRefused(
      () =>
        suite.me.api.task.create({ ...dated, recurrence: { rule: 'FREQ=DAILY', from: 'start' as never } }),
      /Repeat from/,
    );
  });

  it('a rule without a due date, on create and on update', async () => {
    const undated = await suite.me.api.task.create({ title: 'Undated' });
    const needsDate = /needs a due date/;
    await expectRefused(() => suite.me.api.task.create({ title: 'x', recurrence: weekly }), needsDate);
    await expectRefused(() => suite.me.api.task.update({ id: undated.id, recurrence: weekly }), needsDate);
  });

  it('reminders: too many, negative, too far, a bad date', async () => {
    const task = await repeating();
    const six = Array.from({ length: LIMITS.remindersPerTask + 1 }, (_, n) => ({ minutesBefore: n }));
    await expectRefused(() => suite.me.api.task.create({ ...dated, reminders: six }), /At most 5 reminders/);
    await expectRefused(
      () => suite.me.api.task.update({ id: task.id, reminders: six }),
      /At most 5 reminders/,
    );
    await expectRefused(
      () => suite.me.api.task.update({ id: task.id, reminders: [{ minutesBefore: -1 }] }),
      /negative/,
    );
    await expectRefused(
      () => suite.me.api.task.update({ id: task.id, reminders: [{ minutesBefore: 1.5 }] }),
      /whole/,
    );
    await expectRefused(
      () => suite.me.api.task.update({ id: task.id, reminders: [{ minutesBefore: 40_321 }] }),
      /4 weeks/,
    );
    await expectRefused(
      () => suite.me.api.task.update({ id: task.id, reminders: [{ at: new Date('not a date') }] }),
      /Not a valid date/,
    );
  });

  it('unknown keys in a rule or a reminder, and both kinds in one reminder', async () => {
    const task = await repeating();
    const calls = [
      () => suite.me.api.task.update({ id: task.id, recurrence: { ...weekly, timeZone: 'UTC' } as never }),
      () =>
        suite.me.api.task.update({ id: task.id, reminders: [{ minutesBefore: 5, channel: 'sms' }] as never }),
      () =>
        suite.me.api.task.update({
          id: task.id,
          reminders: [{ minutesBefore: 5, at: new Date(DAY) }] as never,
        }),
      () => suite.me.api.task.create({ ...dated, occurrence: 3 } as never),
      () => suite.me.api.task.update({ id: task.id, previousOccurrenceId: task.id } as never),
      () => suite.me.api.task.skipOccurrence({ id: task.id, dueDate: new Date(DAY) } as never),
    ];
    for (const call of calls) await expectRefused(call, /Unrecognized key/);
  });

  it('skipOccurrence: not repeating or the last time is BAD_REQUEST, an unknown id NOT_FOUND', async () => {
    const plain = await suite.me.api.task.create(dated);
    await expectRefused(() => suite.me.api.task.skipOccurrence({ id: plain.id }), /does not repeat/);
    const last = await repeating({ recurrence: { rule: 'FREQ=DAILY;COUNT=1', from: 'due' } });
    await expectRefused(() => suite.me.api.task.skipOccurrence({ id: last.id }), /last time/);
    await expectCode(suite.me.api.task.skipOccurrence({ id: missingId() }), 'NOT_FOUND');
  });
});
