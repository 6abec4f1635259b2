import { describe, expect, it } from 'vitest';
import { placeCompletedInput, placeListInput } from './place-input';

const PROJECT = '0b6f1d2e-8a4b-4c1e-9d3f-5a6b7c8d9e0f';
// Sunday 29 November 2026, 23:30 in Berlin (22:30Z); in New York it is still 17:30.
const now = new Date('2026-11-29T22:30:00Z');
const inBerlin = { now, timeZone: 'Europe/Berlin', weekStart: 1 };
const open = ['pending', 'in_progress'];

describe('what each place asks task.list for', () => {
  it('Inbox and a project: top-level open tasks in manual order', () => {
    expect(placeListInput({ kind: 'inbox' }, {}, inBerlin)).toEqual({
      projectId: null,
      parentId: null,
      status: open,
      sort: 'manual',
      order: 'asc',
    });
    expect(placeListInput({ kind: 'project', id: PROJECT }, { sort: 'title' }, inBerlin)).toEqual({
      projectId: PROJECT,
      parentId: null,
      status: open,
      sort: 'title',
      order: 'asc',
    });
  });

  it('a label: open tasks with that label, newest first', () => {
    expect(placeListInput({ kind: 'label', id: PROJECT }, { q: ' rent ' }, inBerlin)).toEqual({
      labelIds: [PROJECT],
      status: open,
      search: 'rent',
      sort: 'createdAt',
      order: 'desc',
    });
  });

  it('Show completed drops the status filter; the Completed view shows only completed, latest first', () => {
    expect(placeListInput({ kind: 'inbox' }, { showCompleted: true }, inBerlin)).not.toHaveProperty('status');
    expect(placeListInput({ kind: 'completed' }, {}, inBerlin)).toEqual({
      status: ['completed'],
      sort: 'updatedAt',
      order: 'desc',
    });
  });

  it('Today and Upcoming are the server views in date order, whatever sort or due filter the URL has', () => {
    expect(
      placeListInput({ kind: 'today' }, { sort: 'title', due: 'week', priority: ['high'] }, inBerlin),
    ).toEqual({ view: 'today', priority: ['high'], sort: 'dueDate', order: 'asc' });
    expect(placeListInput({ kind: 'upcoming' }, {}, inBerlin)).toEqual({
      view: 'upcoming',
      sort: 'dueDate',
      order: 'asc',
    });
  });

  it('All tasks keeps its status tabs and filters', () => {
    expect(placeListInput({ kind: 'all' }, { status: 'completed' }, inBerlin)).toEqual({
      status: ['completed'],
      sort: 'createdAt',
      order: 'desc',
    });
  });
});

describe('completed tasks beside Today and Upcoming', () => {
  it('covers the same days in the account’s zone', () => {
    expect(placeCompletedInput({ kind: 'today' }, { showCompleted: true }, inBerlin)).toEqual({
      status: ['completed'],
      dueAfter: new Date('2026-11-28T23:00:00Z'),
      dueBefore: new Date('2026-11-29T23:00:00Z'),
      sort: 'dueDate',
      order: 'asc',
    });
    const newYork = placeCompletedInput(
      { kind: 'upcoming' },
      { showCompleted: true },
      { now, timeZone: 'America/New_York' },
    );
    expect(newYork).toMatchObject({
      dueAfter: new Date('2026-11-29T05:00:00Z'),
      dueBefore: new Date('2026-12-06T05:00:00Z'),
    });
  });

  it('is asked for only when shown, and only there', () => {
    expect(placeCompletedInput({ kind: 'today' }, {}, inBerlin)).toBeNull();
    expect(placeCompletedInput({ kind: 'inbox' }, { showCompleted: true }, inBerlin)).toBeNull();
  });
});
