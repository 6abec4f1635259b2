import { listTasks, type TaskCursor, taskStats } from '@taskapp/db';
import type pg from 'pg';
import { poolRunner } from './pg-executor.js';

type ListQuery = Parameters<typeof listTasks>[2];

/** What the baseline's list takes: the API's filters, plus the plain keyset position instead of a signed cursor. */
export interface BaselineListInput extends Partial<Omit<ListQuery, 'cursor'>> {
  after?: TaskCursor | null;
}

export class BadRequest extends Error {}
export class NotFound extends Error {}

const STATUSES = new Set(['pending', 'in_progress', 'completed']);
const TASK_COLUMNS = `"id", "title", "description", "status", "priority", "due_date" as "dueDate",
  "completed_at" as "completedAt", "created_at" as "createdAt", "updated_at" as "updatedAt"`;

export function handlers(pool: pg.Pool) {
  const sql = poolRunner(pool);
  const inTransaction = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const result = await work(client);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback');
      throw error;
    } finally {
      client.release();
    }
  };
  return {
    async list(userId: string, input: BaselineListInput) {
      const { after = null, ...filters } = input;
      const query: ListQuery = { sort: 'createdAt', order: 'desc', limit: 50, ...filters };
      if (query.limit < 1 || query.limit > 100) throw new BadRequest('limit');
      const page = await listTasks(sql, userId, query, after);
      return { items: page.items, next: page.next };
    },

    stats(userId: string, input: { timeZone?: string }) {
      return taskStats(sql, userId, input.timeZone ?? 'UTC');
    },

    /** Like task.create, whose flush wraps the insert in a transaction: begin, insert, commit. */
    async create(userId: string, input: { title?: string; priority?: string }) {
      const title = input.title?.trim();
      if (!title || title.length > 255) throw new BadRequest('title');
      return inTransaction(async (client) => {
        const { rows } = await client.query(
          `insert into "tasks" ("user_id", "title", "priority", "status", "created_at", "updated_at")
           values ($1, $2, $3, 'pending', now(), now()) returning ${TASK_COLUMNS}`,
          [userId, title, input.priority ?? 'medium'],
        );
        return rows[0];
      });
    },

    /** Like task.update: the row is locked, changed and returned in one transaction. */
    update(userId: string, input: { id?: string; status?: string }) {
      const { id, status } = input;
      if (!id || !status || !STATUSES.has(status)) throw new BadRequest('input');
      return inTransaction(async (client) => {
        const found = await client.query(
          'select * from "tasks" where "id" = $1 and "user_id" = $2 limit 1 for update',
          [id, userId],
        );
        if (!found.rowCount) throw new NotFound('task');
        const { rows } = await client.query(
          `update "tasks" set "status" = $1::text, "updated_at" = now(),
             "completed_at" = case when $1::text = 'completed' then coalesce("completed_at", now()) end
           where "id" = $2 returning ${TASK_COLUMNS}`,
          [status, id],
        );
        return rows[0];
      });
    },
  };
}
