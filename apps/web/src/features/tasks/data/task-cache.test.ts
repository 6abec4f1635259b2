import { describe, expect, it } from 'vitest';
import type { Task, TaskStats } from '../../../lib/api-types';
import { adjustStats, insertAdded, insertNewestFirst, listShows, mapTasks } from './task-cache';
import { fakeList, fakeTask, pageIds } from './task-fixtures';
import { applyPatch } from './task-model';

/** A task created at `createdAt` ms, so newest-first order is easy to read. */
const task = (id: string, createdAt: number, overrides: Partial<Task> = {}) =>
  fakeTask(id, { createdAt: new Date(createdAt), updatedAt: new Date(createdAt), ...overrides });

describe('task cache edits', () => {
  it('puts a task back in newest-first order, across pages', () => {
    const list = fakeList([
      [task('e', 5), task('d', 4)],
      [task('b', 2), task('a', 1)],
    ]);
    expect(pageIds(insertNewestFirst(list, task('f', 6)))).toEqual([
      ['f', 'e', 'd'],
      ['b', 'a'],
    ]);
    expect(pageIds(insertNewestFirst(list, task('c', 3)))).toEqual([
      ['e', 'd'],
      ['c', 'b', 'a'],
    ]);
    expect(pageIds(insertNewestFirst(list, task('0', 0)))).toEqual([
      ['e', 'd'],
      ['b', 'a', '0'],
    ]);
  });

  it('leaves a task older than every loaded one to the next page fetch', () => {
    const list = fakeList([[task('b', 2), task('a', 1)]], 'more');
    expect(pageIds(insertNewestFirst(list, task('0', 0)))).toEqual([['b', 'a']]);
  });

  it('changes and removes tasks in place', () => {
    const list = fakeList([[task('b', 2), task('a', 1)]]);
    const changed = mapTasks(list, (item) =>
      item.id === 'a' ? null : applyPatch(item, { status: 'completed' }),
    );
    expect(pageIds(changed)).toEqual([['b']]);
    expect(changed.pages[0]?.items[0]?.completedAt).toBeInstanceOf(Date);
  });

  it('judges lists by their status and priority filters', () => {
    const completed = { status: 'completed', priority: 'high' } as const;
    expect(listShows({}, completed)).toBe(true);
    expect(listShows({ status: ['pending'] }, completed)).toBe(false);
    expect(listShows({ status: ['completed'], priority: ['low'] }, completed)).toBe(false);
  });

  it('moves the counts by one task', () => {
    const stats: TaskStats = {
      byStatus: { pending: 2, in_progress: 0, completed: 1 },
      byPriority: { low: 0, medium: 3, high: 0 },
      overdue: 0,
      dueToday: 0,
    };
    const from = { status: 'pending', priority: 'medium' } as const;
    expect(adjustStats(stats, { from, to: { status: 'completed', priority: 'medium' } }).byStatus).toEqual({
      pending: 1,
      in_progress: 0,
      completed: 2,
    });
    expect(adjustStats(stats, { from }).byPriority).toEqual({ low: 0, medium: 2, high: 0 });
  });
});

describe('which lists show a task, by place', () => {
  const inProject = task('a', 1, { projectId: 'p1', labelIds: ['l1', 'l2'] });
  it('judges project, parent and labels', () => {
    expect(listShows({ projectId: 'p1', parentId: null }, inProject)).toBe(true);
    expect(listShows({ projectId: null }, inProject)).toBe(false);
    expect(listShows({ parentId: 'x' }, inProject)).toBe(false);
    expect(listShows({ labelIds: ['l2'] }, inProject)).toBe(true);
    expect(listShows({ labelIds: ['l2', 'l3'] }, inProject)).toBe(false);
  });
  it('keeps completed tasks out of Today and Upcoming', () => {
    expect(listShows({ view: 'today' }, inProject)).toBe(true);
    expect(listShows({ view: 'upcoming' }, { ...inProject, status: 'completed' })).toBe(false);
  });
});

describe('new and restored tasks in a manual order', () => {
  const manual = { sort: 'manual', order: 'asc', projectId: null, parentId: null } as const;
  it('puts a task not yet saved first, even when the list was reordered or the clock is behind', () => {
    const list = fakeList([[task('b', 5, { position: 'a0' }), task('a', 9, { position: 'a1' })]]);
    expect(pageIds(insertAdded(list, manual, task('draft', 1, { position: '' })))).toEqual([
      ['draft', 'b', 'a'],
    ]);
  });
  it('puts a restored task back at its order key, comparing keys as the server does (by code unit)', () => {
    const list = fakeList([[task('x', 1, { position: 'Zz' }), task('y', 1, { position: 'a0' })]]);
    expect(pageIds(insertAdded(list, manual, task('r', 1, { position: 'Zzz' })))).toEqual([['x', 'r', 'y']]);
  });
  it('leaves a list that does not show the task alone', () => {
    const list = fakeList([[task('x', 1)]]);
    expect(pageIds(insertAdded(list, { ...manual, projectId: 'p' }, task('n', 2, { position: '' })))).toEqual(
      [['x']],
    );
  });
});
