import { Button } from '../../../components/button';
import type { Task } from '../../../lib/api-types';
import { useProjectsById } from '../../projects/use-projects';
import { dueLabel } from '../list/due-label';
import { reminderText, sortedReminders } from '../reminders/reminder-text';
import { PRIORITY_LABELS, STATUS_LABELS } from '../task-labels';
import type { EditField } from './merge-edits';

const FIELD_NAMES: Record<EditField, string> = {
  title: 'Title',
  description: 'Description',
  status: 'Status',
  priority: 'Priority',
  due: 'Due date',
  projectId: 'Project',
  recurrence: 'Repeat',
  reminders: 'Reminders',
};

function theirValue(
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

interface ConflictChoiceProps {
  field: EditField;
  theirs: Task;
  timeZone: string;
  onKeepMine: () => void;
  onUseTheirs: () => void;
}

/** A field changed here and elsewhere: says what the other version holds and lets the person pick. */
export function ConflictChoice({ field, theirs, timeZone, onKeepMine, onUseTheirs }: ConflictChoiceProps) {
  const projects = useProjectsById();
  const projectName = (id: string) => projects.get(id)?.name;
  return (
    <fieldset className="flex flex-col gap-2 rounded-md border border-warning p-3 text-sm">
      <legend className="sr-only">{FIELD_NAMES[field]} changed elsewhere</legend>
      <p>
        Changed elsewhere to{' '}
        <q className="break-words font-medium">{theirValue(field, theirs, timeZone, projectName)}</q>. Which
        one should stay?
      </p>
      <div className="flex gap-2">
        <Button size="sm" variant="primary" onClick={onKeepMine}>
          Keep mine
        </Button>
        <Button size="sm" onClick={onUseTheirs}>
          Use theirs
        </Button>
      </div>
    </fieldset>
  );
}
