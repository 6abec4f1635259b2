import type { Task } from '../../../lib/api-types';
import { dueLabel } from '../list/due-label';
import { reminderText, sortedReminders } from '../reminders/reminder-text';
import { PRIORITY_LABELS, STATUS_LABELS } from '../task-labels';
import type { EditField } from './merge-edits';

/** What each field of the edit panel is called, for conflicts shown here and in the outbox. */
export const FIELD_NAMES: Record<EditField, string> = {
  title: 'Title',
  description: 'Description',
  status: 'Status',
  priority: 'Priority',
  due: 'Due date',
  projectId: 'Project',
  recurrence: 'Repeat',
  reminders: 'Reminders',
};

/** One version's value of a field, as a person reads it. */
export function fieldText(
  field: EditField,
  theirs: Task,
  timeZone: string,
  projectName: (id: string) => string | undefined,
): string {
  switch (field) {
    case 'title':
      return theirs.title;
    case 'description':
      return theirs.description ?? '(empty)';
    case 'status':
      return STATUS_LABELS[theirs.status];
    case 'priority':
      return PRIORITY_LABELS[theirs.priority];
    case 'due':
      return theirs.dueDate ? dueLabel(theirs.dueDate, { allDay: theirs.allDay, timeZone }).text : 'No date';
    case 'projectId':
      return theirs.projectId ? (projectName(theirs.projectId) ?? 'Another project') : 'Inbox';
    case 'recurrence':
      return theirs.recurrence
        ? `${theirs.recurrence.rule}${theirs.recurrence.from === 'completion' ? ', after completion' : ''}`
        : 'Does not repeat';
    case 'reminders':
      return theirs.reminders.length > 0
        ? sortedReminders(theirs.reminders)
            .map((reminder) => reminderText(reminder, timeZone))
            .join(', ')
        : 'No reminders';
  }
}
