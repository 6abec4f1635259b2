import { describe, expect, it } from 'vitest';
import type { Task } from '../../../lib/api-types';
import { editValuesOf, formValuesOf, taskFormSchema } from './task-form';

const task: Task = {
  id: '0b6f1d2e-8a4b-4c1e-9d3f-5a6b7c8d9e0f',
  title: 'Pay rent',
  description: null,
  status: 'pending',
  priority: 'medium',
  // 09:30 in New York.
  dueDate: new Date('2026-12-01T14:30:00.000Z'),
  allDay: false,
  completedAt: null,
  createdAt: new Date(2026, 10, 1),
  updatedAt: new Date(2026, 10, 1),
  projectId: null,
  labelIds: [],
  parentId: null,
  subtaskCount: 0,
  position: 'a0',
  recurrence: null,
  reminders: [],
};

const ZONE = 'America/New_York';
const parse = (values: unknown) => taskFormSchema.parse(values);

describe('task form', () => {
  it('shows a timed due date as a day and time of the account’s zone', () => {
    expect(formValuesOf(task, ZONE)).toMatchObject({
      dueDay: '2026-12-01',
      dueTime: '09:30',
      description: '',
    });
    // Midnight is a time like any other once all-day is said explicitly.
    expect(formValuesOf({ ...task, dueDate: new Date('2026-12-01T05:00:00.000Z') }, ZONE)).toMatchObject({
      dueTime: '00:00',
    });
    expect(formValuesOf(task, 'Asia/Tokyo')).toMatchObject({ dueDay: '2026-12-01', dueTime: '23:30' });
  });

  it('shows an all-day task’s UTC calendar day, without a time', () => {
    const allDay = { ...task, dueDate: new Date('2026-12-03T00:00:00.000Z'), allDay: true };
    expect(formValuesOf(allDay, ZONE)).toMatchObject({ dueDay: '2026-12-03', dueTime: '' });
  });

  it('reads a day alone as all-day and a day with a time as a moment of the zone', () => {
    const values = (patch: Partial<ReturnType<typeof formValuesOf>>) =>
      editValuesOf(parse({ ...formValuesOf(task, ZONE), ...patch }), task, ZONE);
    expect(values({ dueTime: '' })).toMatchObject({
      dueDate: new Date('2026-12-01T00:00:00.000Z'),
      allDay: true,
    });
    expect(values({ dueTime: '14:15' })).toMatchObject({
      dueDate: new Date('2026-12-01T19:15:00.000Z'),
      allDay: false,
    });
    expect(values({ dueDay: '', dueTime: '' })).toMatchObject({ dueDate: null, allDay: false });
    expect(values({ title: '  Pay the rent ', description: '' })).toMatchObject({
      title: 'Pay the rent',
      description: null,
    });
  });

  it('keeps an untouched due date exactly, seconds included', () => {
    const precise = { ...task, dueDate: new Date('2026-12-01T14:30:42.005Z') };
    expect(editValuesOf(parse(formValuesOf(precise, ZONE)), precise, ZONE)).toMatchObject({
      dueDate: precise.dueDate,
      allDay: false,
    });
  });

  it('refuses what the API would refuse, with the API’s words', () => {
    const bad = (values: Partial<ReturnType<typeof formValuesOf>>) =>
      taskFormSchema.safeParse({ ...formValuesOf(task, ZONE), ...values }).error?.issues[0]?.message;
    expect(bad({ title: '   ' })).toBe('Give the task a title');
    expect(bad({ title: 'x'.repeat(256) })).toBe('Use at most 255 characters');
    expect(bad({ dueDay: '', dueTime: '10:00' })).toBe('Pick a day for this time');
    expect(bad({ dueDay: '0999-01-01' })).toBe('Use a year between 1000 and 9999');
  });

  it('shows and saves the repeat rule, and refuses a rule the API would refuse or one without a due date', () => {
    const repeating: Task = { ...task, recurrence: { rule: 'FREQ=WEEKLY;BYDAY=MO,TH', from: 'completion' } };
    const shown = formValuesOf(repeating, ZONE);
    expect(shown).toMatchObject({ recurrenceRule: 'FREQ=WEEKLY;BYDAY=MO,TH', recurrenceFrom: 'completion' });
    expect(
      editValuesOf(parse({ ...shown, recurrenceRule: ' freq=daily ' }), repeating, ZONE).recurrence,
    ).toEqual({
      rule: 'FREQ=DAILY',
      from: 'completion',
    });
    expect(editValuesOf(parse({ ...shown, recurrenceRule: '' }), repeating, ZONE).recurrence).toBeNull();
    const bad = (values: Partial<ReturnType<typeof formValuesOf>>) =>
      taskFormSchema.safeParse({ ...shown, ...values }).error?.issues[0];
    expect(bad({ recurrenceRule: 'FREQ=HOURLY' })).toMatchObject({ path: ['recurrenceRule'] });
    expect(bad({ dueDay: '', dueTime: '' })).toMatchObject({
      path: ['recurrenceRule'],
      message: 'A repeating task needs a due date',
    });
  });

  it('shows and saves the reminders, and refuses more than five', () => {
    const at = new Date('2026-12-01T12:00:00.000Z');
    const reminding: Task = { ...task, reminders: [{ minutesBefore: 10 }, { at }] };
    const shown = formValuesOf(reminding, ZONE);
    expect(shown.reminders).toEqual([{ minutesBefore: 10 }, { at }]);
    const added = [...reminding.reminders, { minutesBefore: 0 }];
    expect(editValuesOf(parse({ ...shown, reminders: added }), reminding, ZONE).reminders).toEqual(added);
    const six = [0, 10, 60, 120, 1440, 2880].map((minutesBefore) => ({ minutesBefore }));
    expect(taskFormSchema.safeParse({ ...shown, reminders: six }).error?.issues[0]).toMatchObject({
      path: ['reminders'],
      message: 'At most 5 reminders a task',
    });
  });
});
