import {
  RECURRENCE_FROM,
  type Reminder,
  recurrenceSchema,
  remindersSchema,
  taskDescriptionSchema,
  taskDueDateSchema,
  taskPrioritySchema,
  taskStatusSchema,
  taskTitleSchema,
} from '@taskapp/shared';
import { z } from 'zod';
import type { Task } from '../../../lib/api-types';
import { sameReminders } from '../reminders/reminder-text';
import type { EditField, EditValues } from './merge-edits';
import { dayAndTimeIn, instantIn } from './zoned-time';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

/**
 * The edit panel's fields. Title, description, status and priority are the API's own schemas; the due
 * date is a day and an optional time: a day alone is an all-day task (that day in every time zone), a day
 * with a time is a moment in the account's time zone.
 */
export const taskFormSchema = z
  .object({
    title: taskTitleSchema,
    description: taskDescriptionSchema.unwrap(),
    status: taskStatusSchema,
    priority: taskPrioritySchema,
    dueDay: z.union([z.literal(''), z.string().regex(DAY, 'Not a valid date')]),
    dueTime: z.union([z.literal(''), z.string().regex(TIME, 'Not a valid time')]),
    /** '' is the Inbox. */
    projectId: z.string(),
    /** An RRULE body; '' does not repeat. */
    recurrenceRule: z.string(),
    recurrenceFrom: z.enum(RECURRENCE_FROM),
    reminders: remindersSchema,
  })
  .superRefine((values, ctx) => {
    if (values.recurrenceRule.trim()) {
      const rule = recurrenceSchema.safeParse({ rule: values.recurrenceRule, from: values.recurrenceFrom });
      const message = rule.success
        ? values.dueDay
          ? null
          : 'A repeating task needs a due date'
        : (rule.error.issues[0]?.message ?? 'Not a valid repeat rule');
      if (message) ctx.addIssue({ code: 'custom', path: ['recurrenceRule'], message });
    }
    if (values.dueTime && !values.dueDay) {
      ctx.addIssue({ code: 'custom', path: ['dueDay'], message: 'Pick a day for this time' });
      return;
    }
    // Any zone tells whether the year is in range.
    const due = dueDateOf(values, 'UTC');
    const checked = taskDueDateSchema.safeParse(due);
    if (!checked.success) {
      ctx.addIssue({ code: 'custom', path: ['dueDay'], message: checked.error.issues[0]?.message ?? '' });
    }
  });

export type TaskFormValues = z.input<typeof taskFormSchema>;
type CheckedFormValues = z.output<typeof taskFormSchema>;

/** The due date as task.update takes it: a day alone is 00:00Z of that day, a time a moment in the zone. */
export function dueDateOf(
  { dueDay, dueTime }: Pick<TaskFormValues, 'dueDay' | 'dueTime'>,
  timeZone: string,
): Date | null {
  if (!dueDay) return null;
  return dueTime ? instantIn(dueDay, dueTime, timeZone) : new Date(`${dueDay}T00:00:00.000Z`);
}

/** The form's fields for a task, timed due dates read in `timeZone` (the account's). */
export function formValuesOf(task: Task, timeZone: string): TaskFormValues {
  const due = task.dueDate;
  const zoned = due && !task.allDay ? dayAndTimeIn(due, timeZone) : null;
  return {
    title: task.title,
    description: task.description ?? '',
    status: task.status,
    priority: task.priority,
    // An all-day task's day is its UTC calendar day, whatever the browser's zone.
    dueDay: zoned ? zoned.day : due ? due.toISOString().slice(0, 10) : '',
    dueTime: zoned ? zoned.time : '',
    projectId: task.projectId ?? '',
    recurrenceRule: task.recurrence?.rule ?? '',
    recurrenceFrom: task.recurrence?.from ?? 'due',
    reminders: task.reminders,
  };
}

/**
 * The checked form as the task's fields, ready to compare with `shown`, the version the form was filled
 * from. A due date whose day and time still read as shown keeps its exact value: the form shows minutes,
 * and a due time with seconds must not count as changed.
 */
export function editValuesOf(values: CheckedFormValues, shown: Task, timeZone: string): EditValues {
  const before = formValuesOf(shown, timeZone);
  const dueUntouched = values.dueDay === before.dueDay && values.dueTime === before.dueTime;
  const dueDate = dueUntouched ? shown.dueDate : dueDateOf(values, timeZone);
  return {
    title: values.title,
    description: values.description === '' ? null : values.description,
    status: values.status,
    priority: values.priority,
    dueDate,
    allDay: dueUntouched ? shown.allDay : dueDate !== null && !values.dueTime,
    projectId: values.projectId || null,
    recurrence: values.recurrenceRule.trim()
      ? { rule: values.recurrenceRule.trim().toUpperCase(), from: values.recurrenceFrom }
      : null,
    reminders: values.reminders,
  };
}

/** The form keys that show each field, to put another version's value into the form. */
export const FORM_KEYS: Record<EditField, ReadonlyArray<keyof TaskFormValues>> = {
  title: ['title'],
  description: ['description'],
  status: ['status'],
  priority: ['priority'],
  due: ['dueDay', 'dueTime'],
  projectId: ['projectId'],
  recurrence: ['recurrenceRule', 'recurrenceFrom'],
  reminders: ['reminders'],
};

/** Whether a form key holds the same value in both (the reminders list by meaning, not by identity). */
export function sameFormValue<K extends keyof TaskFormValues>(
  key: K,
  a: TaskFormValues,
  b: TaskFormValues,
): boolean {
  if (key === 'reminders') return sameReminders(a.reminders as Reminder[], b.reminders as Reminder[]);
  return a[key] === b[key];
}
