import { describe, expect, it } from 'vitest';
import { demoTasks } from '../src/cli/demo-tasks.js';

// `pnpm db:seed`'s tasks (new-user findings 2 and 24): dates without a time are all-day, titles look real.
describe('the demo tasks', () => {
  const now = new Date(2026, 10, 29, 15, 20); // 15:20 local time on 29 November 2026
  const tasks = demoTasks(300, now);
  const todayAsAllDay = new Date(Date.UTC(2026, 10, 29));

  it('are 300 tasks with 300 different titles, none with a generated-looking "(8)" suffix', () => {
    expect(tasks).toHaveLength(300);
    expect(new Set(tasks.map((task) => task.title)).size).toBe(300);
    expect(tasks.filter((task) => /\(\d+\)$/.test(task.title)).map((task) => task.title)).toEqual([]);
  });

  it('have "Call mum about the weekend" all day today', () => {
    const call = tasks.find((task) => task.title === 'Call mum about the weekend');
    expect(call).toMatchObject({ allDay: true, dueDate: todayAsAllDay });
  });

  it('store every all-day date as 00:00Z of its day, have no timed task at local midnight, and mix both kinds', () => {
    const dated = tasks.filter((task) => task.dueDate !== null);
    const allDay = dated.filter((task) => task.allDay);
    const timed = dated.filter((task) => !task.allDay);
    for (const task of allDay) expect(task.dueDate?.toISOString()).toMatch(/T00:00:00\.000Z$/);
    expect(timed.filter((task) => task.dueDate?.getHours() === 0 && task.dueDate.getMinutes() === 0)).toEqual(
      [],
    );
    expect(allDay.length).toBeGreaterThan(timed.length);
    expect(timed.length).toBeGreaterThan(0);
    expect(tasks.filter((task) => task.dueDate === null && task.allDay)).toEqual([]);
  });
});
