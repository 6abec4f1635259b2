import { UserSchema } from '@taskapp/db';
import { createTestOrm } from '@taskapp/db/testing';
import { LIMITS } from '@taskapp/shared';
import { describe, expect, it } from 'vitest';
import { createDemoData } from '../src/cli/demo-data.js';
import { DEMO_LABELS, DEMO_PROJECTS } from '../src/cli/demo-organisation.js';
import { type DemoTask, demoTasks } from '../src/cli/demo-tasks.js';

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

describe('the demo organisation', () => {
  const tasks = demoTasks(300, new Date(2026, 10, 29, 15, 20));
  const byTitle = new Map(tasks.map((task) => [task.title, task]));

  it('puts subtasks after their parents, in their parent’s project, at most 4 levels deep', () => {
    const subtasks = tasks.filter((task) => task.parent !== null);
    expect(subtasks.length).toBeGreaterThan(3);
    for (const task of subtasks) {
      const parent = byTitle.get(task.parent ?? '');
      expect(parent?.project).toBe(task.project);
      expect(tasks.indexOf(parent as DemoTask)).toBeLessThan(tasks.indexOf(task));
    }
    const levels = (task: DemoTask): number =>
      task.parent ? 1 + levels(byTitle.get(task.parent) as DemoTask) : 1;
    expect(Math.max(...tasks.map(levels))).toBeLessThanOrEqual(LIMITS.taskLevelsMax);
    expect(Math.max(...tasks.map(levels))).toBeGreaterThan(2);
  });

  it('orders every place newest first with distinct keys', () => {
    const places = new Map<string, DemoTask[]>();
    for (const task of tasks) {
      const place = `${task.project}/${task.parent}`;
      places.set(place, [...(places.get(place) ?? []), task]);
    }
    for (const siblings of places.values()) {
      const byKey = [...siblings].sort((a, b) => (a.position < b.position ? -1 : 1));
      expect(byKey.map((task) => task.createdAt.getTime())).toEqual(
        [...siblings].map((task) => task.createdAt.getTime()).sort((a, b) => b - a),
      );
      expect(new Set(siblings.map((task) => task.position)).size).toBe(siblings.length);
    }
  });

  it('are stored by createDemoData: projects, labels, subtasks and task labels', async () => {
    const db = await createTestOrm();
    try {
      const em = db.orm.em.fork();
      const user = em.create(UserSchema, { email: 'demo@example.test', name: 'Demo', passwordHash: 'x' });
      createDemoData(em, user, tasks);
      await em.flush();
      const count = async (table: string) =>
        (await db.pool.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]?.n;
      expect(await count('projects')).toBe(DEMO_PROJECTS.length);
      expect(await count('labels')).toBe(DEMO_LABELS.length);
      expect(await count('tasks')).toBe(300);
      expect(await count('task_labels')).toBe(tasks.reduce((sum, task) => sum + task.labels.length, 0));
      const nested = await db.pool.query<{ title: string; parent: string; project: string | null }>(
        `select t.title, p.title as parent, pr.name as project from tasks t
         join tasks p on p.id = t.parent_id left join projects pr on pr.id = t.project_id`,
      );
      expect(
        nested.rows
          .map(({ title, parent, project }) => ({ title, parent, project }))
          .sort((a, b) => (a.title < b.title ? -1 : 1)),
      ).toEqual(
        tasks
          .filter((task) => task.parent !== null)
          .map(({ title, parent, project }) => ({ title, parent, project }))
          .sort((a, b) => (a.title < b.title ? -1 : 1)),
      );
    } finally {
      await db.close();
    }
  });
});
