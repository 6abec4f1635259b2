import { applyPatch, type TaskPatch } from '../../../features/tasks/data/task-model';
import { EDIT_FIELDS, patchBetween } from '../../../features/tasks/edit/merge-edits';
import type { Task } from '../../api-types';
import { patchOf } from './deliver';
import type { OutboxEntry } from './outbox-entry';

/** What this device's edit has, field by field, for a conflicting entry (shown next to theirs). */
export function mineOf(entry: OutboxEntry): Task | undefined {
  return entry.base && applyPatch(entry.base, patchOf(entry.input));
}

/** "Keep mine": the conflicting fields with this device's values, to save on top of theirs. */
export function keepMinePatch(entry: OutboxEntry): TaskPatch {
  const mine = mineOf(entry);
  const conflict = entry.conflict;
  if (!mine || !conflict) return {};
  const others = EDIT_FIELDS.filter((field) => !conflict.fields.includes(field));
  return patchBetween(conflict.theirs, mine, others);
}
