import { describe, expect, it } from 'vitest';
import { fakeList, fakeTask, pageIds } from '../data/task-fixtures';
import { isManualOrderOf, placeInManualList, showMoved } from './reorder-cache';

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
    const list = fakeList([
      [fakeTask('a'), fakeTask('b')],
      [fakeTask('c'), fakeTask('d')],
    ]);
    expect(pageIds(placeInManualList(list, [fakeTask('a'), fakeTask('b')], 'c'))).toEqual([
      ['c', 'a'],
      ['b', 'd'],
    ]);
    expect(pageIds(placeInManualList(list, [fakeTask('d')], null))).toEqual([
      ['d', 'a'],
      ['b', 'c'],
    ]);
    // The anchor is not loaded: the tasks leave, the next fetch places them.
    expect(pageIds(placeInManualList(list, [fakeTask('a')], 'zz'))).toEqual([['b', 'c'], ['d']]);
  });

  it('takes tasks moved to another project out of the old place and puts them first in the new one', () => {
    const moved = [fakeTask('b', { projectId: 'p' })];
    const source = fakeList([[fakeTask('a'), fakeTask('b')]]);
    expect(
      pageIds(
        showMoved(
          source,
          { sort: 'manual', order: 'asc', projectId: null, parentId: null },
          moved,
          { projectId: 'p', parentId: null },
          null,
        ),
      ),
    ).toEqual([['a']]);
    const target = fakeList([[fakeTask('x', { projectId: 'p' })]]);
    expect(
      pageIds(
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
