import { describe, expect, it } from 'vitest';
import { useSignedInUser } from './helpers/signed-in-suite.js';
import { expectCode } from './helpers/task-fixtures.js';

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
