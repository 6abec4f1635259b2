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
    expect(parseTaskView({ sort: 'createdAt', order: 'desc', q: '   ' })).toEqual({ sort: 'createdAt' });
    expect(parseTaskView({ showCompleted: true, done: true })).toEqual({ showCompleted: true });
    expect(parseTaskView({ sort: 'title', order: 'asc' })).toEqual({ sort: 'title' });
    expect(parseTaskView({ priority: ['low', 'medium', 'high'] })).toEqual({});
  });
});

describe('listInputFor', () => {
  const BERLIN = 'Europe/Berlin';
  const NEW_YORK = 'America/New_York';
  // Wednesday 25 November 2026, 15:30 in Berlin.
  const now = new Date('2026-11-25T14:30:00Z');
  const inBerlin = { now, timeZone: BERLIN };

  it('asks for everything, newest first, by default', () => {
    expect(listInputFor({}, inBerlin)).toEqual({ sort: 'createdAt', order: 'desc' });
  });

  it('maps the due filters onto midnights of the person’s own time zone', () => {
    expect(listInputFor({ due: 'overdue' }, inBerlin)).toMatchObject({
      overdue: true,
      dueBefore: new Date('2026-11-24T23:00:00Z'),
    });
    expect(listInputFor({ due: 'none' }, inBerlin)).toMatchObject({ hasDueDate: false });
    expect(listInputFor({ due: 'today' }, inBerlin)).toMatchObject({
      dueAfter: new Date('2026-11-24T23:00:00Z'),
      dueBefore: new Date('2026-11-25T23:00:00Z'),
    });
    expect(listInputFor({ due: 'today' }, { now, timeZone: NEW_YORK })).toMatchObject({
      dueAfter: new Date('2026-11-25T05:00:00Z'),
      dueBefore: new Date('2026-11-26T05:00:00Z'),
    });
  });

  it('starts "this week" on the person’s first day of the week', () => {
    // Monday 23 to Sunday 29 November.
    expect(listInputFor({ due: 'week' }, { ...inBerlin, weekStart: 1 })).toMatchObject({
      dueAfter: new Date('2026-11-22T23:00:00Z'),
      dueBefore: new Date('2026-11-29T23:00:00Z'),
    });
    // Sunday 22 to Saturday 28 November.
    expect(listInputFor({ due: 'week' }, { ...inBerlin, weekStart: 0 })).toMatchObject({
      dueAfter: new Date('2026-11-21T23:00:00Z'),
      dueBefore: new Date('2026-11-28T23:00:00Z'),
    });
    // Saturday 21 to Friday 27 November.
    expect(listInputFor({ due: 'week' }, { ...inBerlin, weekStart: 6 })).toMatchObject({
      dueAfter: new Date('2026-11-20T23:00:00Z'),
      dueBefore: new Date('2026-11-27T23:00:00Z'),
    });
  });

  it('on a Sunday, a Monday week still holds the past week and a Sunday week the coming one', () => {
    const sunday = new Date('2026-11-29T10:00:00Z');
    expect(listInputFor({ due: 'week' }, { now: sunday, timeZone: 'UTC', weekStart: 1 })).toMatchObject({
      dueAfter: new Date('2026-11-23T00:00:00Z'),
      dueBefore: new Date('2026-11-30T00:00:00Z'),
    });
    expect(listInputFor({ due: 'week' }, { now: sunday, timeZone: 'UTC', weekStart: 0 })).toMatchObject({
      dueAfter: new Date('2026-11-29T00:00:00Z'),
      dueBefore: new Date('2026-12-06T00:00:00Z'),
    });
  });

  it('follows a daylight saving change: the day after it is 23 hours long', () => {
    // Europe/Berlin leaves summer time on Sunday 25 October 2026.
    const saturday = new Date('2026-10-24T12:00:00Z');
    expect(listInputFor({ due: 'today' }, { now: saturday, timeZone: BERLIN })).toMatchObject({
      dueAfter: new Date('2026-10-23T22:00:00Z'),
      dueBefore: new Date('2026-10-24T22:00:00Z'),
    });
    const sunday = new Date('2026-10-25T12:00:00Z');
    expect(listInputFor({ due: 'today' }, { now: sunday, timeZone: BERLIN })).toMatchObject({
      dueAfter: new Date('2026-10-24T22:00:00Z'),
      dueBefore: new Date('2026-10-25T23:00:00Z'),
    });
  });

  it('gives the same input all day long, so the list is not refetched on every render', () => {
    const morning = listInputFor(
      { due: 'today' },
      { now: new Date('2026-11-24T23:01:00Z'), timeZone: BERLIN },
    );
    const evening = listInputFor(
      { due: 'today' },
      { now: new Date('2026-11-25T22:59:00Z'), timeZone: BERLIN },
    );
    expect(evening).toEqual(morning);
  });

  it('combines status, priority, search and each sort’s natural order', () => {
    expect(
      listInputFor({ status: 'pending', priority: ['high'], q: '  rent ', sort: 'dueDate' }, inBerlin),
    ).toEqual({ status: ['pending'], priority: ['high'], search: 'rent', sort: 'dueDate', order: 'asc' });
    expect(listInputFor({ sort: 'title', order: 'desc' }, inBerlin)).toMatchObject({
      sort: 'title',
      order: 'desc',
    });
  });
});
