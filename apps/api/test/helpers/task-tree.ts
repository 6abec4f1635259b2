import { randomUUID } from 'node:crypto';
import type { TaskTestDb, TestUser } from './task-fixtures.js';

// Arranging and reading projects, labels and task trees for the organisation tests.

export const newProject = async (user: TestUser, name = 'Project') =>
  (await user.api.project.create({ name: `${name} ${randomUUID().slice(0, 6)}` })).id;

export const newLabel = async (user: TestUser, name = 'label') =>
  (await user.api.label.create({ name: `${name}-${randomUUID().slice(0, 6)}` })).id;

/** Titles of the user's tasks at a place in manual order, read by SQL (position byte by byte, then id). */
export async function titlesAt(
  t: TaskTestDb,
  userId: string,
  place: { projectId?: string | null; parentId?: string | null } = {},
): Promise<string[]> {
  const rows = await t.query<{ title: string }>(
    `select title from tasks
     where user_id = ? and project_id is not distinct from ?::uuid and parent_id is not distinct from ?::uuid
     order by position collate "C", id`,
    [userId, place.projectId ?? null, place.parentId ?? null],
  );
  return rows.map((row) => row.title);
}

/** Every row a user has in tasks, task_labels, projects, labels and deleted_tasks, for "nothing changed". */
export async function everythingOf(t: TaskTestDb, userId: string): Promise<string[]> {
  const rows = await t.query<{ json: string }>(
    `select row_to_json(x)::text as json from tasks x where user_id = ?
     union all select row_to_json(x)::text from task_labels x where user_id = ?
     union all select row_to_json(x)::text from projects x where user_id = ?
     union all select row_to_json(x)::text from labels x where user_id = ?
     union all select row_to_json(x)::text from deleted_tasks x where user_id = ?
     order by 1`,
    [userId, userId, userId, userId, userId],
  );
  return rows.map((row) => row.json);
}
