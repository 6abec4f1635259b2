import { describe, expect, it } from 'vitest';
import { groupByDay } from './upcoming-days';

// Sunday 29 November 2026, 23:30 in Berlin (22:30Z); in New York it is still Sunday, 17:30.
const now = new Date('2026-11-29T22:30:00Z');

const tasks = [
  // Monday 00:30 in Berlin, Sunday 18:30 in New York.
  { title: 'timed', dueDate: new Date('2026-11-29T23:30:00Z'), allDay: false },
  // Wednesday 2 December, the same day everywhere.
  { title: 'all-day', dueDate: new Date('2026-12-02T00:00:00Z'), allDay: true },
  { title: 'undated', dueDate: null, allDay: false },
  { title: 'far', dueDate: new Date('2026-12-20T00:00:00Z'), allDay: true },
];

const titles = (days: ReturnType<typeof groupByDay<(typeof tasks)[number]>>) =>
  days.map((day) => [day.name, day.date, day.tasks.map((task) => task.title)]);

describe('Upcoming grouped by day', () => {
  it('lists seven days from today in Berlin, the empty ones included', () => {
    expect(titles(groupByDay(tasks, { now, timeZone: 'Europe/Berlin' }))).toEqual([
      ['Today', 'Nov 29', []],
      ['Tomorrow', 'Nov 30', ['timed']],
      ['Tuesday', 'Dec 1', []],
      ['Wednesday', 'Dec 2', ['all-day']],
      ['Thursday', 'Dec 3', []],
      ['Friday', 'Dec 4', []],
      ['Saturday', 'Dec 5', []],
    ]);
  });

  it('reads a timed task on its local day, and an all-day task on its own day, in New York', () => {
    const days = groupByDay(tasks, { now, timeZone: 'America/New_York' });
    expect(days[0]?.tasks.map((task) => task.title)).toEqual(['timed']);
    expect(days[3]?.tasks.map((task) => task.title)).toEqual(['all-day']);
    expect(days[3]?.day).toEqual(new Date('2026-12-02T00:00:00Z'));
  });
});
