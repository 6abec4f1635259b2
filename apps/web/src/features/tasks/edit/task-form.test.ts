import { describe, expect, it } from 'vitest';
import type { Task } from '../../../lib/api-types';
import { formValuesOf, patchFrom, taskFormSchema } from './task-form';

const task: Task = {
  id: '0b6f1d2e-8a4b-4c1e-9d3f-5a6b7c8d9e0f',
  title: 'Pay rent',
  description: null,
  status: 'pending',
  priority: 'medium',
  dueDate: new Date(2026, 11, 1, 9, 30),
  completedAt: null,
  createdAt: new Date(2026, 10, 1),
  updatedAt: new Date(2026, 10, 1),
};

const parse = (values: unknown) => taskFormSchema.parse(values);

describe('task form', () => {
  it('shows the due date as a local day and time', () => {
    expect(formValuesOf(task)).toMatchObject({ dueDay: '2026-12-01', dueTime: '09:30', description: '' });
    expect(formValuesOf({ ...task, dueDate: new Date(2026, 11, 1) })).toMatchObject({ dueTime: '' });
  });

  it('sends nothing when nothing changed', () => {
    expect(patchFrom(task, parse(formValuesOf(task)))).toEqual({});
  });

  it('sends only the changed fields', () => {
    const values = { ...formValuesOf(task), title: '  Pay the rent ', dueTime: '', description: 'Bank' };
    expect(patchFrom(task, parse(values))).toEqual({
      title: 'Pay the rent',
      description: 'Bank',
      dueDate: new Date(2026, 11, 1),
    });
    expect(patchFrom(task, parse({ ...formValuesOf(task), dueDay: '', dueTime: '' }))).toEqual({
      dueDate: null,
    });
  });

  it('refuses what the API would refuse, with the API’s words', () => {
    const bad = (values: Partial<ReturnType<typeof formValuesOf>>) =>
      taskFormSchema.safeParse({ ...formValuesOf(task), ...values }).error?.issues[0]?.message;
    expect(bad({ title: '   ' })).toBe('Give the task a title');
    expect(bad({ title: 'x'.repeat(256) })).toBe('Use at most 255 characters');
    expect(bad({ dueDay: '', dueTime: '10:00' })).toBe('Pick a day for this time');
    expect(bad({ dueDay: '0999-01-01' })).toBe('Use a year between 1000 and 9999');
  });
});
