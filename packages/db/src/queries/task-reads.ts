import type { Queryable } from '../pg.js';
import { firstRow, rows, sql } from './sql.js';
import { TASK_COLUMNS, type TaskDto, type TaskRow, toTaskDto } from './task-row.js';

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
  };
}
