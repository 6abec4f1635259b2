import { describe, expect, it } from 'vitest';
import { placeDefaults } from './place-context';

const ID = '0b6f1d2e-8a4b-4c1e-9d3f-5a6b7c8d9e0f';

describe('what a task added in a place starts with', () => {
  it('takes the project or label of the place', () => {
    expect(placeDefaults({ kind: 'project', id: ID })).toEqual({ projectId: ID });
    expect(placeDefaults({ kind: 'label', id: ID })).toEqual({ labelIds: [ID] });
    expect(placeDefaults({ kind: 'inbox' })).toEqual({});
  });

  it('is due today, all day, in Today: today in the account’s zone', () => {
    // 23:30 in UTC is already the next day in Tokyo.
    const now = new Date('2026-11-29T23:30:00Z');
    expect(placeDefaults({ kind: 'today' }, { now, timeZone: 'UTC' })).toEqual({
      dueDate: new Date('2026-11-29T00:00:00Z'),
      allDay: true,
    });
    expect(placeDefaults({ kind: 'today' }, { now, timeZone: 'Asia/Tokyo' })).toMatchObject({
      dueDate: new Date('2026-11-30T00:00:00Z'),
    });
  });
});
