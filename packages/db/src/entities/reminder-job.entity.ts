import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { belongsTo } from './belongs-to.js';
import { timestampDefaultNow } from './columns.js';
import { TaskSchema } from './task.entity.js';
import { UserSchema } from './user.entity.js';

/**
 * pending: waiting for its time (or its next attempt); sending: claimed by a worker; sent / late: delivered
 * on time / within the grace window; dropped: found too late to be worth sending; failed: out of attempts,
 * or left in sending by a crash (never sent again: at most once beats twice).
 */
export const REMINDER_JOB_STATUSES = ['pending', 'sending', 'sent', 'late', 'dropped', 'failed'] as const;
export type ReminderJobStatus = (typeof REMINDER_JOB_STATUSES)[number];

/**
 * The reminder schedule (issue 15): one row per reminder of one task occurrence, written only by the
 * triggers of Migration20261129164329_reminder_jobs whenever a task's due date, all-day flag, reminders or
 * status change (or its owner's time zone), never by the ORM. A worker claims due rows with
 * `FOR UPDATE SKIP LOCKED` (queries/reminder-jobs.ts); the unique key keeps a reminder of an occurrence
 * from being scheduled, so sent, twice.
 */
export const ReminderJobSchema = defineEntity({
  name: 'ReminderJob',
  tableName: 'reminder_jobs',
  uniques: [
    {
      name: 'reminder_jobs_task_id_reminder_index_fire_at_unique',
      properties: ['task', 'reminderIndex', 'fireAt'],
    },
  ],
  indexes: [
    // The worker's claim: only pending rows, oldest first.
    {
      name: 'reminder_jobs_pending_fire_at_idx',
      expression:
        'create index "reminder_jobs_pending_fire_at_idx" on "reminder_jobs" ("status", "fire_at") where "status" = \'pending\'',
    },
    // Finding jobs a crashed worker left in sending.
    {
      name: 'reminder_jobs_sending_claimed_at_idx',
      expression:
        'create index "reminder_jobs_sending_claimed_at_idx" on "reminder_jobs" ("claimed_at") where "status" = \'sending\'',
    },
    // The users foreign key's cascade.
    { name: 'reminder_jobs_user_id_idx', properties: ['user'] },
  ],
  properties: {
    // A uuid rather than a sequence: a backup's rows load with their ids and nothing to move on after.
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    user: belongsTo(UserSchema, 'reminder_jobs_user_id_fkey'),
    task: belongsTo(TaskSchema, 'reminder_jobs_task_id_fkey'),
    // Which of the task's reminders (its place in tasks.reminders, from 0).
    reminderIndex: p.smallint(),
    fireAt: p.datetime().columnType('timestamptz'),
    status: p
      .enum([...REMINDER_JOB_STATUSES])
      .columnType('varchar(16)')
      .ignoreSchemaChanges('type')
      .default('pending'),
    attempts: p.integer().default(0),
    nextAttemptAt: p.datetime().columnType('timestamptz').nullable(),
    claimedAt: p.datetime().columnType('timestamptz').nullable(),
    sentAt: p.datetime().columnType('timestamptz').nullable(),
    lastError: p.string().length(500).nullable(),
    createdAt: timestampDefaultNow(),
  },
});

export type ReminderJob = InferEntity<typeof ReminderJobSchema>;
