import { describe, expect, it } from 'vitest';
import type { Task } from '../../../lib/api-types';
import type { TaskListData } from '../data/task-cache';
import { isManualOrderOf, placeInManualList, showMoved } from './reorder-cache';

function task(id: string, overrides: Partial<Task> = {}): Task {
  const date = new Date(0);
  return {
    id,
    title: id,
    description: null,
    status: 'pending',
    priority: 'medium',
    dueDate: null,
    allDay: false,
    completedAt: null,
    createdAt: date,
    updatedAt: date,
    projectId: null,
    labelIds: [],
    parentId: null,
    subtaskCount: 0,
    position: 'a0',
    ...overrides,
  } as Task;
}

function data(pages: Task[][]): TaskListData {
  return {
    pages: pages.map((items, index) => ({
      items,
      nextCursor: index === pages.length - 1 ? null : `c${index}`,
    })),
    pageParams: pages.map((_, index) => (index === 0 ? null : `c${index - 1}`)),
  } as TaskListData;
}

const ids = (list: TaskListData) => list.pages.map((page) => page.items.map((item) => item.id));
const inbox = { projectId: null, parentId: null };

describe('reorder cache', () => {
  it('knows which lists hold a place in manual order', () => {
    expect(isManualOrderOf({ sort: 'manual', order: 'asc', projectId: null, parentId: null }, inbox)).toBe(
      true,
    );
    expect(isManualOrderOf({ sort: 'manual', order: 'asc', projectId: 'p', parentId: null }, inbox)).toBe(
      false,
    );
    expect(isManualOrderOf({ sort: 'createdAt', projectId: null, parentId: null }, inbox)).toBe(false);
    expect(isManualOrderOf({ sort: 'manual', order: 'desc', projectId: null, parentId: null }, inbox)).toBe(
      false,
    );
    expect(
      isManualOrderOf({ sort: 'manual', order: 'asc', parentId: 't' }, { projectId: 'p', parentId: 't' }),
    ).toBe(true);
  });

  it('moves tasks after the anchor across pages, keeping page lengths', () => {
    const list = data([
      [task('a'), task('b')],
      [task('c'), task('d')],
    ]);
    expect(ids(placeInManualList(list, [task('a'), task('b')], 'c'))).toEqual([
      ['c', 'a'],
      ['b', 'd'],
    ]);
    expect(ids(placeInManualList(list, [task('d')], null))).toEqual([
      ['d', 'a'],
      ['b', 'c'],
    ]);
    // The anchor is not loaded: the tasks leave, the next fetch places them.
    expect(ids(placeInManualList(list, [task('a')], 'zz'))).toEqual([['b', 'c'], ['d']]);
  });

  it('takes tasks moved to another project out of the old place and puts them first in the new one', () => {
    const moved = [task('b', { projectId: 'p' })];
    const source = data([[task('a'), task('b')]]);
    expect(
      ids(
        showMoved(
          source,
          { sort: 'manual', order: 'asc', projectId: null, parentId: null },
          moved,
          { projectId: 'p', parentId: null },
          null,
        ),
      ),
    ).toEqual([['a']]);
    const target = data([[task('x', { projectId: 'p' })]]);
    expect(
      ids(
        showMoved(
          target,
          { sort: 'manual', order: 'asc', projectId: 'p', parentId: null },
          moved,
          { projectId: 'p', parentId: null },
          null,
        ),
      ),
    ).toEqual([['b', 'x']]);
    // A list in another order keeps the task where it is, with its new project.
    const all = showMoved(source, { sort: 'createdAt' }, moved, { projectId: 'p', parentId: null }, null);
    expect(all.pages[0]?.items[1]?.projectId).toBe('p');
  });
});
