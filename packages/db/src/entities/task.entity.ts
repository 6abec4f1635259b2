import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import {
  DEFAULT_TASK_PRIORITY,
  DEFAULT_TASK_STATUS,
  RECURRENCE_FROM,
  type Reminder,
  TASK_PRIORITIES,
  TASK_STATUSES,
} from '@taskapp/shared';
import { belongsTo } from './belongs-to.js';
import { timestampDefaultNow, timestampTouchedOnUpdate } from './columns.js';
import { ProjectSchema } from './project.entity.js';
import { TASK_SORT_KEYS } from './task-sort-keys.js';
import { UserSchema } from './user.entity.js';

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function sortIndex(sort: string, expression: string) {
  const name = `tasks_user_id_${snakeCase(sort)}_sort_idx`;
  return { name, expression: `create index "${name}" on "tasks" ("user_id", ${expression}, "id")` };
}

export const TaskSchema = defineEntity({
  name: 'Task',
  tableName: 'tasks',
  indexes: [
    { name: 'tasks_user_id_idx', properties: ['user'] },
    { name: 'tasks_status_idx', properties: ['status'] },
    { name: 'tasks_priority_idx', properties: ['priority'] },
    { name: 'tasks_due_date_idx', properties: ['dueDate'] },
    { name: 'tasks_created_at_idx', properties: ['createdAt'] },
    { name: 'tasks_user_id_status_idx', properties: ['user', 'status'] },
    { name: 'tasks_user_id_priority_idx', properties: ['user', 'priority'] },
    { name: 'tasks_user_id_due_date_idx', properties: ['user', 'dueDate'] },
    // Not in the specification: one index per sort order (keyset pagination reads one page whichever
    // page it is) and a trigram index for search; all start with the owner.
    ...Object.entries(TASK_SORT_KEYS).map(([sort, key]) => sortIndex(sort, key.expression)),
    // Manual order inside one place: a project or the Inbox (project_id null), top level or one parent's
    // subtasks. The second serves a parent's subtasks (and their count) whichever project they are in.
    {
      name: 'tasks_user_id_project_id_parent_id_position_idx',
      expression:
        'create index "tasks_user_id_project_id_parent_id_position_idx" on "tasks" ("user_id", "project_id", "parent_id", ("position" collate "C"), "id")',
    },
    {
      name: 'tasks_user_id_parent_id_position_idx',
      expression:
        'create index "tasks_user_id_parent_id_position_idx" on "tasks" ("user_id", "parent_id", ("position" collate "C"), "id")',
    },
    // Foreign-key lookups: deleting a project (SET NULL on its tasks) or a task (CASCADE to its
    // subtasks) finds the referencing rows without scanning; partial, as most tasks have neither.
    {
      name: 'tasks_project_id_idx',
      expression:
        'create index "tasks_project_id_idx" on "tasks" ("project_id") where "project_id" is not null',
    },
    {
      name: 'tasks_parent_id_idx',
      expression: 'create index "tasks_parent_id_idx" on "tasks" ("parent_id") where "parent_id" is not null',
    },
    // The sidebar's open counts per project, answered from the index alone.
    {
      name: 'tasks_user_id_project_id_open_idx',
      expression:
        'create index "tasks_user_id_project_id_open_idx" on "tasks" ("user_id", "project_id") where "status" <> \'completed\'',
    },
    // Undo of a recurring task's completion finds the occurrence it spawned; the foreign key's SET NULL
    // finds it too. Partial: only spawned occurrences have one.
    {
      name: 'tasks_previous_occurrence_id_idx',
      expression:
        'create index "tasks_previous_occurrence_id_idx" on "tasks" ("previous_occurrence_id") where "previous_occurrence_id" is not null',
    },
    {
      name: 'tasks_user_id_search_trgm_idx',
      expression:
        'create index "tasks_user_id_search_trgm_idx" on "tasks" using gin ("user_id", "title" gin_trgm_ops, "description" gin_trgm_ops)',
    },
  ],
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    // The owner. Every query on tasks filters on this column.
    user: belongsTo(UserSchema, 'tasks_user_id_fkey'),
    title: p.string().length(255),
    description: p.text().nullable(),
    // p.enum emits a CHECK constraint; the column type is pinned to the specification's varchar.
    status: p
      .enum([...TASK_STATUSES])
      .columnType('varchar(50)')
      .ignoreSchemaChanges('type')
      .default(DEFAULT_TASK_STATUS),
    priority: p
      .enum([...TASK_PRIORITIES])
      .columnType('varchar(20)')
      .ignoreSchemaChanges('type')
      .default(DEFAULT_TASK_PRIORITY),
    dueDate: p.datetime().columnType('timestamptz').nullable(),
    // Not in the specification: true when dueDate is a calendar day (stored as 00:00Z of that day).
    allDay: p.boolean().default(false),
    completedAt: p.datetime().columnType('timestamptz').nullable(),
    // Not in the specification: the project (null = the Inbox); deleting the project moves tasks there.
    project: p
      .manyToOne(ProjectSchema)
      .ref()
      .nullable()
      .deleteRule('set null')
      .updateRule('no action')
      .foreignKeyName('tasks_project_id_fkey')
      .index(false),
    // Not in the specification: the parent task (null = top level); subtasks go with their parent.
    parent: () =>
      p
        .manyToOne(TaskSchema)
        .ref()
        .nullable()
        .deleteRule('cascade')
        .updateRule('no action')
        .foreignKeyName('tasks_parent_id_fkey')
        .index(false),
    // Not in the specification: a fractional-indexing key, the manual order among the task's siblings
    // (compared byte by byte: collate "C"). 'a0' only for rows written without one (old backups).
    position: p.text().default('a0'),
    // Not in the specification: an RFC 5545 RRULE body (null = does not repeat) and what it counts from
    // ('due': a fixed schedule; 'completion': the day it was done). A recurring task has a due date.
    recurrenceRule: p.string().length(200).nullable(),
    recurrenceFrom: p
      .enum([...RECURRENCE_FROM])
      .columnType('varchar(16)')
      .ignoreSchemaChanges('type')
      .nullable(),
    // Not in the specification: which occurrence of its series this is (1 = the first), for COUNT.
    occurrence: p.integer().default(1),
    // Not in the specification: the completed occurrence this one was spawned from, so undoing that
    // completion can take an untouched spawn back.
    previousOccurrence: () =>
      p
        .manyToOne(TaskSchema)
        .ref()
        .nullable()
        .deleteRule('set null')
        .updateRule('no action')
        .foreignKeyName('tasks_previous_occurrence_id_fkey')
        .index(false),
    // Not in the specification: up to 5 reminders, `{ at }` or `{ minutesBefore }` of the due date.
    reminders: p.json<Reminder[]>().columnType('jsonb').defaultRaw(`'[]'`),
    createdAt: timestampDefaultNow(),
    updatedAt: timestampTouchedOnUpdate(),
  },
});

export type Task = InferEntity<typeof TaskSchema>;
