import type { Queryable } from '../pg.js';
import { firstRow, rows, sql } from './sql.js';
import { TASK_COLUMNS, type TaskDto, type TaskRow, toTaskDto } from './task-row.js';

/** Where a page of the streamed export ended: `created_at` as PostgreSQL printed it (microseconds kept) and the id. */
export interface ExportCursor {
  createdAt: string;
  id: string;
}

export interface ExportPage {
  tasks: TaskDto[];
  /** The position after the last task, or null when this page was the last. */
  next: ExportCursor | null;
}

/** Single tasks and whole lists of one owner, outside the paginated list. */
export function taskReadQueries(db: Queryable) {
  return {
    async byId(userId: string, id: string): Promise<TaskDto | undefined> {
      const row = await firstRow<TaskRow>(
        db,
        sql`select ${TASK_COLUMNS} from "tasks" where "id" = ${id} and "user_id" = ${userId}`,
      );
      return row && toTaskDto(row);
    },

    /** Every task of the owner, oldest first: the data export. */
    async allOf(userId: string): Promise<TaskDto[]> {
      const found = await rows<TaskRow>(
        db,
        sql`select ${TASK_COLUMNS} from "tasks" where "user_id" = ${userId} order by "created_at", "id"`,
      );
      return found.map(toTaskDto);
    },

    /**
     * One page of the owner's tasks in the order of `allOf` (created_at, id), after `after`: the streamed
     * export reads them a page at a time, so its memory stays the same whatever the owner stores. A
     * keyset range on the (user_id, created_at, id) index: every page costs the same.
     */
    async exportPage(userId: string, after: ExportCursor | null, limit: number): Promise<ExportPage> {
      const from = after
        ? sql`and ("created_at", "id") > (${after.createdAt}::timestamptz, ${after.id}::uuid)`
        : sql``;
      const found = await rows<TaskRow & { cursor_created_at: string }>(
        db,
        sql`select ${TASK_COLUMNS}, "created_at"::text as "cursor_created_at" from "tasks"
            where "user_id" = ${userId} ${from}
            order by "created_at", "id" limit ${limit + 1}`,
      );
      const page = found.slice(0, limit);
      const last = page.at(-1);
      return {
        tasks: page.map(toTaskDto),
        next: found.length > limit && last ? { createdAt: last.cursor_created_at, id: last.id } : null,
      };
    },
  };
}
