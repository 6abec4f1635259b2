import type { SyncChange } from '@taskapp/shared';
import { describe, expect, it } from 'vitest';
import { effectOf } from './change-effects';

const change = (entity: SyncChange['entity'], op: SyncChange['op']): SyncChange => ({
  entity,
  op,
  id: 'x1',
  at: new Date(0),
});

describe('what a change makes stale', () => {
  it('takes a deleted task out of the lists at once, and refetches tasks, project counts and the bell', () => {
    expect(effectOf(change('task', 'delete'))).toEqual({
      removedTaskIds: ['x1'],
      stale: ['tasks', 'projects', 'reminders'],
    });
  });

  it('refetches tasks, project counts and the bell (its next reminder) for a changed task, removing nothing', () => {
    expect(effectOf(change('task', 'upsert'))).toEqual({
      removedTaskIds: [],
      stale: ['tasks', 'projects', 'reminders'],
    });
  });

  it('refetches projects or labels, and the task rows that show them', () => {
    for (const op of ['upsert', 'delete'] as const) {
      expect(effectOf(change('project', op)).stale.sort()).toEqual(['projects', 'tasks']);
      expect(effectOf(change('label', op)).stale.sort()).toEqual(['labels', 'tasks']);
    }
  });

  it('refetches the settings, and the tasks whose "today" follows the time zone', () => {
    expect(effectOf(change('settings', 'upsert')).stale.sort()).toEqual(['settings', 'tasks']);
    expect(effectOf(change('settings', 'upsert')).removedTaskIds).toEqual([]);
  });
});
