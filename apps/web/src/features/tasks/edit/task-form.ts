import {
  taskDescriptionSchema,
  taskDueDateSchema,
  taskPrioritySchema,
  taskStatusSchema,
  taskTitleSchema,
} from '@taskapp/shared';
import { format } from 'date-fns';
import { z } from 'zod';
import type { Task } from '../../../lib/api-types';
import type { TaskPatch } from '../data/task-model';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

/**
 * The edit panel's fields. Title, description, status and priority are the API's own schemas; the due
 * date is a day and an optional time in the browser's time zone, turned into one Date on the way out.
 */
export const taskFormSchema = z
  .object({
    title: taskTitleSchema,
    description: taskDescriptionSchema.unwrap(),
    status: taskStatusSchema,
    priority: taskPrioritySchema,
    dueDay: z.union([z.literal(''), z.string().regex(DAY, 'Not a valid date')]),
    dueTime: z.union([z.literal(''), z.string().regex(TIME, 'Not a valid time')]),
  })
  .superRefine((values, ctx) => {
    if (values.dueTime && !values.dueDay) {
      ctx.addIssue({ code: 'custom', path: ['dueDay'], message: 'Pick a day for this time' });
      return;
    }
    const due = dueDateOf(values);
    const checked = taskDueDateSchema.safeParse(due);
    if (!checked.success) {
      ctx.addIssue({ code: 'custom', path: ['dueDay'], message: checked.error.issues[0]?.message ?? '' });
    }
  });

export type TaskFormValues = z.input<typeof taskFormSchema>;

/** Local midnight when no time is given, which the list shows as a day without a time. */
export function dueDateOf({ dueDay, dueTime }: Pick<TaskFormValues, 'dueDay' | 'dueTime'>): Date | null {
  if (!dueDay) return null;
  return new Date(`${dueDay}T${dueTime || '00:00'}`);
}

export function formValuesOf(task: Task): TaskFormValues {
  const due = task.dueDate;
  const hasTime = due !== null && (due.getHours() !== 0 || due.getMinutes() !== 0);
  return {
    title: task.title,
    description: task.description ?? '',
    status: task.status,
    priority: task.priority,
    dueDay: due ? format(due, 'yyyy-MM-dd') : '',
    dueTime: hasTime ? format(due, 'HH:mm') : '',
  };
}

/** Only what the person changed, so a save never overwrites fields changed elsewhere meanwhile. */
export function patchFrom(task: Task, values: z.output<typeof taskFormSchema>): TaskPatch {
  const patch: TaskPatch = {};
  const description = values.description === '' ? null : values.description;
  const dueDate = dueDateOf(values);
  if (values.title !== task.title) patch.title = values.title;
  if (description !== task.description) patch.description = description;
  if (values.status !== task.status) patch.status = values.status;
  if (values.priority !== task.priority) patch.priority = values.priority;
  if ((dueDate?.getTime() ?? null) !== (task.dueDate?.getTime() ?? null)) patch.dueDate = dueDate;
  return patch;
}
