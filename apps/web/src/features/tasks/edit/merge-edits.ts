import type { Task } from '../../../lib/api-types';
import type { TaskPatch } from '../data/task-model';
import { sameReminders } from '../reminders/reminder-text';

/** What the edit panel changes, field by field; the due date and whether it is all-day are one field. */
export const EDIT_FIELDS = [
  'title',
  'description',
  'status',
  'priority',
  'due',
  'projectId',
  'recurrence',
  'reminders',
] as const;
export type EditField = (typeof EDIT_FIELDS)[number];

export type EditValues = Pick<
  Task,
  | 'title'
  | 'description'
  | 'status'
  | 'priority'
  | 'dueDate'
  | 'allDay'
  | 'projectId'
  | 'recurrence'
  | 'reminders'
>;

function dueKey({ dueDate, allDay }: EditValues): string {
  return dueDate === null ? 'none' : `${dueDate.getTime()}${allDay ? ' all day' : ''}`;
}

function recurrenceKey({ recurrence }: EditValues): string {
  return recurrence ? `${recurrence.rule} from ${recurrence.from}` : 'none';
}

export function sameField(a: EditValues, b: EditValues, field: EditField): boolean {
  if (field === 'due') return dueKey(a) === dueKey(b);
  if (field === 'recurrence') return recurrenceKey(a) === recurrenceKey(b);
  if (field === 'reminders') return sameReminders(a.reminders, b.reminders);
  return a[field] === b[field];
}

/** One field's value as task.update takes it. */
function fieldPatch(values: EditValues, field: EditField): TaskPatch {
  if (field !== 'due') return { [field]: values[field] };
  return { dueDate: values.dueDate, allDay: values.dueDate !== null && values.allDay };
}

/** The fields of `to` that differ from `from`, except those in `skip`, as a patch for task.update. */
export function patchBetween(from: EditValues, to: EditValues, skip: readonly EditField[] = []): TaskPatch {
  return EDIT_FIELDS.filter(
    (field) => !skip.includes(field) && !sameField(from, to, field),
  ).reduce<TaskPatch>((patch, field) => Object.assign(patch, fieldPatch(to, field)), {});
}

export interface Merge {
  /** What to save on top of theirs: the fields only I changed. */
  patch: TaskPatch;
  /** Fields both sides changed, to different values: the person chooses. */
  conflicts: EditField[];
}

/**
 * Three-way merge of an edit that the server refused as stale: `base` is the version the edit started
 * from, `mine` what the person has now, `theirs` the server's current version. A field changed on one
 * side takes that side's value; one changed on both sides to the same value needs nothing.
 */
export function mergeEdits(base: EditValues, mine: EditValues, theirs: EditValues): Merge {
  const changedByThem = EDIT_FIELDS.filter((field) => !sameField(base, theirs, field));
  return {
    patch: patchBetween(base, mine, changedByThem),
    conflicts: changedByThem.filter(
      (field) => !sameField(base, mine, field) && !sameField(mine, theirs, field),
    ),
  };
}
