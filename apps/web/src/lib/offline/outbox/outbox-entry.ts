import type { EditField } from '../../../features/tasks/edit/merge-edits';
import type { Task } from '../../api-types';

/**
 * One write waiting in the outbox. Kept as IndexedDB's structured clone, so dates stay dates.
 * - `waiting`: not sent yet (or being sent)
 * - `conflict`: the task changed elsewhere in a field this edit changed too; the person chooses
 * - `failed`: the server refused it for good (say, the task was deleted elsewhere); shown until discarded
 */
export interface OutboxEntry {
  /** Sorts in the order the writes were made (see `nextKey`). */
  key: string;
  userId: string;
  path: string;
  input: unknown;
  title?: string;
  /** For an edit: the task it was made on. */
  base?: Task;
  queuedAt: Date;
  state: 'waiting' | 'conflict' | 'failed';
  /** Why it failed, in words a person can act on. */
  problem?: string;
  conflict?: { fields: EditField[]; theirs: Task };
}

let lastTime = 0;
let counter = 0;
const tabId = Math.random().toString(36).slice(2, 10);

/** Keys sort by user, then time made (never backwards within a tab), then a per-tab counter. */
export function nextKey(userId: string, now = Date.now()): string {
  lastTime = Math.max(lastTime, now);
  counter += 1;
  return `${userId}|${String(lastTime).padStart(15, '0')}|${String(counter).padStart(9, '0')}|${tabId}`;
}

export function isEntryOf(userId: string, key: string): boolean {
  return key.startsWith(`${userId}|`);
}
