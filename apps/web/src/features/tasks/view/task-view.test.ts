import { describe, expect, it } from 'vitest';
import { listInputFor, parseTaskView } from './task-view';

describe('parseTaskView', () => {
  it('keeps known values and drops the rest', () => {
    expect(
      parseTaskView({
        status: 'in_progress',
        priority: ['high', 'bogus', 'low'],
        due: 'today',
        q: 'rent',
        sort: 'dueDate',
        order: 'desc',
        task: '0b6f1d2e-8a4b-4c1e-9d3f-5a6b7c8d9e0f',
      }),
    ).toEqual({
      status: 'in_progress',
      priority: ['low', 'high'],
      due: 'today',
      q: 'rent',
      sort: 'dueDate',
      order: 'desc',
      task: '0b6f1d2e-8a4b-4c1e-9d3f-5a6b7c8d9e0f',
    });
  });

  it('turns nonsense into the default view instead of an error', () => {
    expect(
      parseTaskView({ status: 'done', priority: 'high', due: 'someday', q: 42, sort: 'id', task: '../x' }),
    ).toEqual({});
  });

  it('leaves defaults out of the URL', () => {
    expect(parseTaskView({ sort: 'createdAt', order: 'desc', q: '   ' })).toEqual({});
    expect(parseTaskView({ sort: 'title', order: 'asc' })).toEqual({ sort: 'title' });
    expect(parseTaskView({ priority: ['low', 'medium', 'high'] })).toEqual({});
  });
});

describe('listInputFor', () => {
  // A Wednesday, in the test's (the machine's) time zone.
  const now = new Date(2026, 10, 25, 15, 30);

  it('asks for everything, newest first, by default', () => {
    expect(listInputFor({}, now)).toEqual({ sort: 'createdAt', order: 'desc' });
  });

  it('maps the due filters onto the person’s own days', () => {
    expect(listInputFor({ due: 'overdue' }, now)).toMatchObject({
      overdue: true,
      dueBefore: new Date(2026, 10, 25),
    });
    expect(listInputFor({ due: 'none' }, now)).toMatchObject({ hasDueDate: false });
    expect(listInputFor({ due: 'today' }, now)).toMatchObject({
      dueAfter: new Date(2026, 10, 25),
      dueBefore: new Date(2026, 10, 26),
    });
    expect(listInputFor({ due: 'week' }, now)).toMatchObject({
      dueAfter: new Date(2026, 10, 23),
      dueBefore: new Date(2026, 10, 30),
    });
  });

  it('gives the same input all day long, so the list is not refetched on every render', () => {
    const morning = listInputFor({ due: 'today' }, new Date(2026, 10, 25, 0, 1));
    const evening = listInputFor({ due: 'today' }, new Date(2026, 10, 25, 23, 59));
    expect(evening).toEqual(morning);
  });

  it('combines status, priority, search and each sort’s natural order', () => {
    expect(
      listInputFor({ status: 'pending', priority: ['high'], q: '  rent ', sort: 'dueDate' }, now),
    ).toEqual({ status: ['pending'], priority: ['high'], search: 'rent', sort: 'dueDate', order: 'asc' });
    expect(listInputFor({ sort: 'title', order: 'desc' }, now)).toMatchObject({
      sort: 'title',
      order: 'desc',
    });
  });
});
