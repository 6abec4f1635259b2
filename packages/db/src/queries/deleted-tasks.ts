import type { Queryable } from '../pg.js';
import { firstRow, type Sql, sql } from './sql.js';
import { TASK_COLUMNS, type TaskDto, type TaskRow, toTaskDto } from './task-row.js';

/** How long a deleted task can be brought back (task.restore); the hourly clean-up drops older ones. */
export const DELETED_TASK_KEPT_MS = 24 * 60 * 60 * 1000;

/**
 * One statement that deletes the tasks `where` selects and keeps each whole row (every column, whatever
 * tasks has) in deleted_tasks; its row count is the number deleted.
 */
export function deleteKeepingTombstones(where: Sql): Sql {
  return sql`with "gone" as (delete from "tasks" where ${where} returning *)
    insert into "deleted_tasks" ("id", "user_id", "task")
    select "id", "user_id", to_jsonb("gone") from "gone"
    on conflict ("id") do update set "task" = excluded."task", "deleted_at" = excluded."deleted_at"`;
}

/** Undo of a delete, for the task's owner only. */
export function deletedTaskQueries(db: Queryable) {
  return {
    /**
     * Puts the owner's recently deleted task back as it was (same id, fields and createdAt; updatedAt
     * now), in one statement. Undefined when the owner deleted no task with that id in the last day.
     */
    async restore(userId: string, id: string, now: Date): Promise<TaskDto | undefined> {
      const row = await firstRow<TaskRow>(
        db,
        sql`with "kept" as (
              delete from "deleted_tasks" where "id" = ${id} and "user_id" = ${userId} returning "task"
            )
            insert into "tasks"
            select (jsonb_populate_record(null::"tasks",
                      "task" || jsonb_build_object('updated_at', ${now}::timestamptz))).*
            from "kept"
            on conflict ("id") do nothing
            returning ${TASK_COLUMNS}`,
      );
      return row && toTaskDto(row);
    },
  };
}
