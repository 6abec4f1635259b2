import { DEFAULT_SETTINGS, type Recurrence } from '@taskapp/shared';
import { nextOccurrence } from '@taskapp/shared/recurrence';
import type { Queryable } from '../pg.js';
import { firstRow, rows, sql } from './sql.js';
import { positionAt } from './task-placement.js';

interface CompletedRecurring {
  id: string;
  title: string;
  description: string | null;
  priority: string;
  due_date: Date;
  all_day: boolean;
  recurrence_rule: string;
  recurrence_from: Recurrence['from'];
  occurrence: number;
  project_id: string | null;
  parent_id: string | null;
  reminders: unknown;
}

async function timeZoneOf(db: Queryable, userId: string): Promise<string> {
  const row = await firstRow<{ time_zone: string }>(
    db,
    sql`select "time_zone" from "user_settings" where "user_id" = ${userId}`,
  );
  return row?.time_zone ?? DEFAULT_SETTINGS.timeZone;
}

/**
 * Inside the transaction that completed them (each was open before): creates the next occurrence of each
 * recurring task among `completedIds`, due per its rule in the owner's time zone, carrying its title,
 * description, priority, project, parent, labels, reminders and rule, placed right after it. The
 * completed task stays as history. Nothing when the series is over (COUNT, UNTIL). Returns the new ids.
 */
export async function spawnNextOccurrences(
  tx: Queryable,
  userId: string,
  completedIds: readonly string[],
  now: Date,
): Promise<string[]> {
  if (completedIds.length === 0) return [];
  const completed = await rows<CompletedRecurring>(
    tx,
    sql`select "id", "title", "description", "priority", "due_date", "all_day", "recurrence_rule",
               "recurrence_from", "occurrence", "project_id", "parent_id", "reminders"
        from "tasks"
        where "user_id" = ${userId} and "id" = any(${completedIds}::uuid[])
          and "recurrence_rule" is not null and "due_date" is not null
        order by "id"`,
  );
  if (completed.length === 0) return [];
  const timeZone = await timeZoneOf(tx, userId);
  const spawned: string[] = [];
  for (const task of completed) {
    const dueDate = nextOccurrence({
      rule: task.recurrence_rule,
      from: task.recurrence_from,
      dueDate: task.due_date,
      allDay: task.all_day,
      completedAt: now,
      timeZone,
      occurrence: task.occurrence,
    });
    if (!dueDate) continue;
    const place = { projectId: task.project_id, parentId: task.parent_id };
    const position = await positionAt(tx, userId, place, task.id, null);
    const row = await firstRow<{ id: string }>(
      tx,
      sql`insert into "tasks" ("user_id", "title", "description", "status", "priority", "due_date", "all_day",
                               "created_at", "updated_at", "project_id", "parent_id", "position",
                               "recurrence_rule", "recurrence_from", "occurrence", "previous_occurrence_id", "reminders")
          values (${userId}, ${task.title}, ${task.description}, 'pending', ${task.priority}, ${dueDate},
                  ${task.all_day}, ${now}, ${now}, ${task.project_id}::uuid, ${task.parent_id}::uuid, ${position},
                  ${task.recurrence_rule}, ${task.recurrence_from}, ${task.occurrence + 1}, ${task.id},
                  ${JSON.stringify(task.reminders ?? [])}::jsonb)
          returning "id"`,
    );
    if (!row) throw new Error('insert into tasks returned no row');
    await rows(
      tx,
      sql`insert into "task_labels" ("task_id", "label_id", "user_id")
          select ${row.id}::uuid, "label_id", "user_id" from "task_labels"
          where "task_id" = ${task.id} and "user_id" = ${userId}`,
    );
    spawned.push(row.id);
  }
  return spawned;
}

/**
 * Inside the transaction that reopened them (each was completed before): takes back the occurrence each
 * one spawned when nobody touched it (still pending, never updated, no subtasks). When someone did, the
 * series goes on there and the reopened task stops repeating, so one series never becomes two.
 */
export async function takeBackSpawnedOccurrences(
  tx: Queryable,
  userId: string,
  reopenedIds: readonly string[],
  now: Date,
): Promise<void> {
  if (reopenedIds.length === 0) return;
  await rows(
    tx,
    sql`delete from "tasks" as "spawn"
        where "spawn"."user_id" = ${userId} and "spawn"."previous_occurrence_id" = any(${reopenedIds}::uuid[])
          and "spawn"."status" = 'pending' and "spawn"."updated_at" = "spawn"."created_at"
          and not exists (select 1 from "tasks" as "child"
                          where "child"."user_id" = ${userId} and "child"."parent_id" = "spawn"."id")`,
  );
  await rows(
    tx,
    sql`update "tasks" set "recurrence_rule" = null, "recurrence_from" = null, "updated_at" = ${now}
        where "user_id" = ${userId} and "id" = any(${reopenedIds}::uuid[]) and "recurrence_rule" is not null
          and exists (select 1 from "tasks" as "spawn"
                      where "spawn"."user_id" = ${userId} and "spawn"."previous_occurrence_id" = "tasks"."id")`,
  );
}

export type SkipResult =
  | { kind: 'skipped'; dueDate: Date }
  | { kind: 'missing' }
  | { kind: 'not-recurring' }
  | { kind: 'last' };

/**
 * Skips the owner's recurring task to its next occurrence without keeping history: its due date moves
 * on, as if this occurrence never was. The last occurrence of a series cannot be skipped (complete or
 * delete it instead).
 */
export async function skipOccurrence(
  tx: Queryable,
  userId: string,
  id: string,
  now: Date,
): Promise<SkipResult> {
  const task = await firstRow<CompletedRecurring & { recurring: boolean }>(
    tx,
    sql`select "id", "due_date", "all_day", "recurrence_rule", "recurrence_from", "occurrence",
               "recurrence_rule" is not null and "due_date" is not null as "recurring"
        from "tasks" where "id" = ${id} and "user_id" = ${userId} for update`,
  );
  if (!task) return { kind: 'missing' };
  if (!task.recurring) return { kind: 'not-recurring' };
  const dueDate = nextOccurrence({
    rule: task.recurrence_rule,
    from: task.recurrence_from,
    dueDate: task.due_date,
    allDay: task.all_day,
    completedAt: now,
    timeZone: await timeZoneOf(tx, userId),
    occurrence: task.occurrence,
  });
  if (!dueDate) return { kind: 'last' };
  await rows(
    tx,
    sql`update "tasks" set "due_date" = ${dueDate}, "occurrence" = "occurrence" + 1, "updated_at" = ${now}
        where "id" = ${id} and "user_id" = ${userId}`,
  );
  return { kind: 'skipped', dueDate };
}
