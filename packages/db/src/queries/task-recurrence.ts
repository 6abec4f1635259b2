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

type Occurring = Pick<
  CompletedRecurring,
  'due_date' | 'all_day' | 'recurrence_rule' | 'recurrence_from' | 'occurrence'
>;

/** Occurrences skipped at most while catching up with today: years of a daily series. */
const CATCH_UP_MAX = 5_000;

/**
 * The next occurrence that is not already behind: a fixed schedule long overdue moves on to today or
 * later (a timed one to after now), as people expect of "every day"; the occurrences passed over count
 * for COUNT. From completion the next one is after the completion day anyway. Null when the series ends.
 */
function nextUpcoming(
  task: Occurring,
  timeZone: string,
  now: Date,
): { dueDate: Date; occurrence: number } | null {
  const behind = (date: Date) =>
    task.recurrence_from === 'due' &&
    (task.all_day ? date.getTime() < startOfToday(now, timeZone) : date.getTime() <= now.getTime());
  let dueDate: Date = task.due_date;
  let occurrence = task.occurrence;
  for (let step = 0; step < CATCH_UP_MAX; step++) {
    const next = nextOccurrence({
      rule: task.recurrence_rule,
      from: task.recurrence_from,
      dueDate,
      allDay: task.all_day,
      completedAt: now,
      timeZone,
      occurrence,
    });
    if (!next) return null;
    dueDate = next;
    occurrence += 1;
    if (!behind(next)) break;
  }
  return { dueDate, occurrence };
}

/** Today in the owner's zone as an all-day date: 00:00:00.000Z of that calendar day. */
function startOfToday(now: Date, timeZone: string): number {
  const [year = 0, month = 1, day = 1] = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .format(now)
    .split('-')
    .map(Number);
  return Date.UTC(year, month - 1, day);
}

/** Reminders at an instant move with the due date; those relative to it need nothing. */
function shiftedReminders(reminders: unknown, byMs: number): unknown[] {
  if (!Array.isArray(reminders)) return [];
  return reminders.map((reminder: { at?: string; minutesBefore?: number }) =>
    typeof reminder.at === 'string'
      ? { at: new Date(new Date(reminder.at).getTime() + byMs).toISOString() }
      : reminder,
  );
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
    const next = nextUpcoming(task, timeZone, now);
    if (!next) continue;
    const { dueDate, occurrence } = next;
    const place = { projectId: task.project_id, parentId: task.parent_id };
    const position = await positionAt(tx, userId, place, task.id, null);
    const row = await firstRow<{ id: string }>(
      tx,
      sql`insert into "tasks" ("user_id", "title", "description", "status", "priority", "due_date", "all_day",
                               "created_at", "updated_at", "project_id", "parent_id", "position",
                               "recurrence_rule", "recurrence_from", "occurrence", "previous_occurrence_id", "reminders")
          values (${userId}, ${task.title}, ${task.description}, 'pending', ${task.priority}, ${dueDate},
                  ${task.all_day}, ${now}, ${now}, ${task.project_id}::uuid, ${task.parent_id}::uuid, ${position},
                  ${task.recurrence_rule}, ${task.recurrence_from}, ${occurrence}, ${task.id},
                  ${JSON.stringify(shiftedReminders(task.reminders, dueDate.getTime() - task.due_date.getTime()))}::jsonb)
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
  const next = nextUpcoming(task, await timeZoneOf(tx, userId), now);
  if (!next) return { kind: 'last' };
  const { dueDate, occurrence } = next;
  await rows(
    tx,
    sql`update "tasks" set "due_date" = ${dueDate}, "occurrence" = ${occurrence}, "updated_at" = ${now}
        where "id" = ${id} and "user_id" = ${userId}`,
  );
  return { kind: 'skipped', dueDate };
}
