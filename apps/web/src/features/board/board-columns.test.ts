import { describe, expect, it } from 'vitest';
import { boardAnnouncements } from './board-announcements';
import { isColumn, neighbourColumn, tasksByStatus } from './board-columns';

describe('board columns', () => {
  it('groups tasks by status and keeps their order within a column', () => {
    const tasks = [
      { id: 'a', status: 'completed' as const },
      { id: 'b', status: 'pending' as const },
      { id: 'c', status: 'pending' as const },
    ];
    expect(tasksByStatus(tasks)).toEqual({
      pending: [tasks[1], tasks[2]],
      in_progress: [],
      completed: [tasks[0]],
    });
  });

  it('knows its columns and their neighbours', () => {
    expect(isColumn('in_progress')).toBe(true);
    expect(isColumn('some-task-id')).toBe(false);
    expect(isColumn(3)).toBe(false);
    expect(neighbourColumn('pending', 1)).toBe('in_progress');
    expect(neighbourColumn('in_progress', -1)).toBe('pending');
    expect(neighbourColumn('completed', 1)).toBeNull();
    expect(neighbourColumn('pending', -1)).toBeNull();
  });
});

describe('board announcements', () => {
  const active = { id: 't1', data: { current: { title: 'Buy tiles', status: 'pending' } } } as never;
  const over = (id: string) => ({ id, data: { current: {} } }) as never;

  it('name the task and the columns', () => {
    expect(boardAnnouncements.onDragStart({ active })).toBe('Picked up “Buy tiles” from Pending.');
    expect(boardAnnouncements.onDragOver({ active, over: over('in_progress') })).toBe(
      '“Buy tiles” is over In progress.',
    );
    expect(boardAnnouncements.onDragEnd({ active, over: over('completed') })).toBe(
      '“Buy tiles” moved to Completed.',
    );
    expect(boardAnnouncements.onDragEnd({ active, over: over('pending') })).toBe(
      '“Buy tiles” stays in Pending.',
    );
    expect(boardAnnouncements.onDragEnd({ active, over: null })).toContain('stays in Pending');
    expect(boardAnnouncements.onDragCancel({ active, over: null })).toBe(
      'Moving “Buy tiles” was cancelled. It stays in Pending.',
    );
  });
});
