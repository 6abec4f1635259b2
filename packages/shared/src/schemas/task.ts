import { z } from 'zod';
import { LIMITS, TASK_PRIORITIES, TASK_SORTS, TASK_STATUSES, TASK_VIEWS } from '../constants.js';
import { storableText } from '../text.js';
import { projectIdSchema, taskLabelIdsSchema } from './organisation.js';
import { recurrenceSchema } from './recurrence.js';
import { remindersSchema } from './reminders.js';
import { timeZoneSchema } from './time-zone.js';

export const taskStatusSchema = z.enum(TASK_STATUSES, 'Status must be pending, in_progress or completed');
export const taskPrioritySchema = z.enum(TASK_PRIORITIES, 'Priority must be low, medium or high');

export const taskTitleSchema = storableText()
  .trim()
  .min(1, 'Give the task a title')
  .max(LIMITS.titleMax, `Use at most ${LIMITS.titleMax} characters`);

export const taskDescriptionSchema = storableText()
  .max(LIMITS.descriptionMax, `Use at most ${LIMITS.descriptionMax.toLocaleString('en')} characters`)
  .nullable();

// Years 1000–9999: always four digits, which every layer (ISO strings, PostgreSQL) reads the same way.
const validDate = z
  .date('Not a valid date')
  .refine((date) => !Number.isNaN(date.getTime()), 'Not a valid date')
  .refine(
    (date) => date.getUTCFullYear() >= 1000 && date.getUTCFullYear() <= 9999,
    'Use a year between 1000 and 9999',
  );
export const taskDueDateSchema = validDate.nullable();

export const taskIdSchema = z.uuid('Not a task id');

/**
 * True: the due date is a calendar day, not an instant; the server stores it as 00:00:00.000Z of the
 * dueDate's UTC day, so send the picked day as UTC midnight. Without a due date a task is never all-day.
 */
export const taskAllDaySchema = z.boolean('allDay must be true or false');

export const createTaskInput = z.strictObject({
  /**
   * A client-chosen id (a UUID), so a retried or offline create never makes a duplicate: a create with an
   * id the caller already has answers that task unchanged; someone else's id is CONFLICT.
   */
  id: taskIdSchema.optional(),
  title: taskTitleSchema,
  description: taskDescriptionSchema.optional(),
  status: taskStatusSchema.optional(),
  priority: taskPrioritySchema.optional(),
  dueDate: taskDueDateSchema.optional(),
  allDay: taskAllDaySchema.optional(),
  /** null or left out = the Inbox (a subtask always takes its parent's project). */
  projectId: projectIdSchema.nullable().optional(),
  labelIds: taskLabelIdsSchema.optional(),
  /** Makes it a subtask of that task (at most LIMITS.taskLevelsMax levels deep). */
  parentId: taskIdSchema.nullable().optional(),
  /** How it repeats; needs a due date. */
  recurrence: recurrenceSchema.nullable().optional(),
  reminders: remindersSchema.optional(),
});
export type CreateTaskInput = z.infer<typeof createTaskInput>;

export const updateTaskInput = z.strictObject({
  id: taskIdSchema,
  /** When given, the update is refused with CONFLICT if the task changed since the caller read it. */
  expectedUpdatedAt: validDate.optional(),
  title: taskTitleSchema.optional(),
  description: taskDescriptionSchema.optional(),
  status: taskStatusSchema.optional(),
  priority: taskPrioritySchema.optional(),
  dueDate: taskDueDateSchema.optional(),
  allDay: taskAllDaySchema.optional(),
  /** Moves it (and its subtasks) to that project, at the top level; null = the Inbox. */
  projectId: projectIdSchema.nullable().optional(),
  /** Replaces the task's labels with these. */
  labelIds: taskLabelIdsSchema.optional(),
  /** Nests it under that task (taking its project), or null for the top level. */
  parentId: taskIdSchema.nullable().optional(),
  /** A new rule, or null to stop repeating (taking the due date away stops it too). */
  recurrence: recurrenceSchema.nullable().optional(),
  /** Replaces the task's reminders. */
  reminders: remindersSchema.optional(),
});
export type UpdateTaskInput = z.infer<typeof updateTaskInput>;

export const taskByIdInput = z.strictObject({ id: taskIdSchema });
export type TaskByIdInput = z.infer<typeof taskByIdInput>;

export const listTasksInput = z
  .strictObject({
    status: z.array(taskStatusSchema).max(TASK_STATUSES.length).optional(),
    priority: z.array(taskPrioritySchema).max(TASK_PRIORITIES.length).optional(),
    search: storableText().trim().max(200, 'Use at most 200 characters').optional(),
    /**
     * Due before / at or after an instant. A timed task compares its instant; an all-day task counts as
     * 00:00 of its day in the caller's settings time zone, so that zone's midnights select whole days.
     */
    dueBefore: validDate.optional(),
    dueAfter: validDate.optional(),
    hasDueDate: z.boolean().optional(),
    overdue: z.boolean().optional(),
    /** Only that project's tasks; null = the Inbox (tasks without a project). */
    projectId: projectIdSchema.nullable().optional(),
    /** Only tasks having every one of these labels. */
    labelIds: taskLabelIdsSchema.optional(),
    /** Only that task's subtasks; null = top-level tasks only. */
    parentId: taskIdSchema.nullable().optional(),
    /** `today`: open tasks overdue or due today; `upcoming`: open tasks due in the next 7 days. */
    view: z.enum(TASK_VIEWS).optional(),
    sort: z.enum(TASK_SORTS).default('createdAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    cursor: z.string().max(2000).nullish(),
    // Sent by tRPC's infinite-query helpers; lists only page forward, so it is accepted and ignored.
    direction: z.enum(['forward', 'backward']).optional(),
    limit: z
      .number()
      .int()
      .min(1)
      .max(LIMITS.listMax, `At most ${LIMITS.listMax} tasks per page`)
      .default(LIMITS.listDefault),
  })
  .default({ sort: 'createdAt', order: 'desc', limit: LIMITS.listDefault });
export type ListTasksInput = z.input<typeof listTasksInput>;
export type ListTasksQuery = z.output<typeof listTasksInput>;

const bulkIds = z
  .array(taskIdSchema)
  .min(1, 'Select at least one task')
  .max(LIMITS.bulkMax, `Select at most ${LIMITS.bulkMax} tasks`);

export const bulkUpdateTasksInput = z.strictObject({
  ids: bulkIds,
  patch: z
    .strictObject({
      status: taskStatusSchema.optional(),
      priority: taskPrioritySchema.optional(),
      dueDate: taskDueDateSchema.optional(),
      allDay: taskAllDaySchema.optional(),
    })
    // Values, not keys: superjson carries `{ status: undefined }`, which changes nothing.
    .refine((patch) => Object.values(patch).some((value) => value !== undefined), 'Say what to change'),
});
export type BulkUpdateTasksInput = z.infer<typeof bulkUpdateTasksInput>;

export const bulkDeleteTasksInput = z.strictObject({ ids: bulkIds });
export type BulkDeleteTasksInput = z.infer<typeof bulkDeleteTasksInput>;

/** Without a time zone, "today" and "overdue" are read in the caller's settings time zone. */
export const taskStatsInput = z.strictObject({ timeZone: timeZoneSchema.optional() }).default({});
export type TaskStatsInput = z.infer<typeof taskStatsInput>;

/**
 * Undo of a delete: only the id. The server kept the task as it was (for a day, for its owner only), so
 * a client can neither restore someone else's task nor choose its timestamps.
 */
export const restoreTaskInput = z.strictObject({ id: taskIdSchema });
export type RestoreTaskInput = z.infer<typeof restoreTaskInput>;
