import { randomUUID } from 'node:crypto';
import type pg from 'pg';

// Plain SQL to arrange and inspect projects, labels and task trees, independent of the code under test.

export async function insertProject(pool: pg.Pool, userId: string, name = 'Project'): Promise<string> {
  const result = await pool.query<{ id: string }>(
    `insert into projects (user_id, name, position) values ($1, $2, 'a0') returning id`,
    [userId, `${name} ${randomUUID().slice(0, 8)}`],
  );
  return (result.rows[0] as { id: string }).id;
}

export async function insertLabel(pool: pg.Pool, userId: string, name = 'Label'): Promise<string> {
  const result = await pool.query<{ id: string }>(
    'insert into labels (user_id, name) values ($1, $2) returning id',
    [userId, `${name} ${randomUUID().slice(0, 8)}`],
  );
  return (result.rows[0] as { id: string }).id;
}

export interface TreeTask {
  title?: string;
  projectId?: string | null;
  parentId?: string | null;
  position?: string;
  labelIds?: string[];
}

/** A task at a place with an order key (and labels), by SQL. */
export async function insertTreeTask(pool: pg.Pool, userId: string, task: TreeTask = {}): Promise<string> {
  const result = await pool.query<{ id: string }>(
    `insert into tasks (user_id, title, project_id, parent_id, position) values ($1, $2, $3, $4, $5) returning id`,
    [userId, task.title ?? 'Task', task.projectId ?? null, task.parentId ?? null, task.position ?? 'a0'],
  );
  const id = (result.rows[0] as { id: string }).id;
  for (const labelId of task.labelIds ?? []) {
    await pool.query('insert into task_labels (task_id, label_id, user_id) values ($1, $2, $3)', [
      id,
      labelId,
      userId,
    ]);
  }
  return id;
}

/** A chain of `levels` tasks, each under the previous one; the ids from the top down. */
export async function insertChain(
  pool: pg.Pool,
  userId: string,
  levels: number,
  projectId: string | null = null,
): Promise<string[]> {
  const ids: string[] = [];
  for (let level = 0; level < levels; level += 1) {
    ids.push(
      await insertTreeTask(pool, userId, { projectId, parentId: ids.at(-1) ?? null, title: `L${level + 1}` }),
    );
  }
  return ids;
}

export interface StoredPlace {
  project_id: string | null;
  parent_id: string | null;
  position: string;
  label_ids: string[];
}

export async function storedPlace(pool: pg.Pool, id: string): Promise<StoredPlace | undefined> {
  const result = await pool.query<StoredPlace>(
    `select project_id, parent_id, position,
            array(select label_id::text from task_labels where task_id = tasks.id order by label_id) as label_ids
     from tasks where id = $1`,
    [id],
  );
  return result.rows[0];
}

/** Titles of the owner's tasks at a place in manual order (position compared byte by byte, then id). */
export async function titlesAt(
  pool: pg.Pool,
  userId: string,
  place: { projectId: string | null; parentId: string | null },
): Promise<string[]> {
  const result = await pool.query<{ title: string }>(
    `select title from tasks
     where user_id = $1 and project_id is not distinct from $2 and parent_id is not distinct from $3
     order by position collate "C", id`,
    [userId, place.projectId, place.parentId],
  );
  return result.rows.map((row) => row.title);
}

/** Every row of the owner's tasks, task_labels and deleted_tasks, for "nothing of theirs changed". */
export async function everythingOf(pool: pg.Pool, userId: string): Promise<string[]> {
  const result = await pool.query<{ json: string }>(
    `select row_to_json(t)::text as json from tasks t where user_id = $1
     union all select row_to_json(l)::text from task_labels l where user_id = $1
     union all select row_to_json(d)::text from deleted_tasks d where user_id = $1
     order by 1`,
    [userId],
  );
  return result.rows.map((row) => row.json);
}
