import type { TaskPriority } from '@taskapp/shared';

/** A project or label named in quick add: an existing one (id), or a new name to create (id null). */
export interface QuickAddPick {
  name: string;
  id: string | null;
}

export interface QuickAddDraft {
  title: string;
  /** A timed task's moment, or an all-day task's day written as 00:00:00.000Z of that calendar day. */
  dueDate: Date | null;
  /** True when only a day was given ("friday"): due that day in every time zone, not at a moment. */
  allDay: boolean;
  priority: TaskPriority | null;
  project: QuickAddPick | null;
  labels: QuickAddPick[];
  /** "every monday": an RRULE body, repeating from the due date or from completion ("every!"). */
  recurrence: { rule: string; from: 'due' | 'completion' } | null;
}

/** A stretch of the typed text that quick add understood, to highlight in the field. */
export interface QuickAddMark {
  kind: 'date' | 'recurrence' | 'priority' | 'project' | 'label';
  start: number;
  end: number;
}

/** A draft with nothing in it: an empty field, or one whose reader has not loaded yet. */
export const emptyDraft = (): QuickAddDraft => ({
  title: '',
  dueDate: null,
  allDay: false,
  priority: null,
  project: null,
  labels: [],
  recurrence: null,
});
