import { applyPatch, type TaskPatch } from '../../../features/tasks/data/task-model';
import { mergeEdits } from '../../../features/tasks/edit/merge-edits';
import type { Task } from '../../api-types';
import { errorCode, httpStatus } from '../../trpc-errors';
import type { OutboxEntry } from './outbox-entry';

/** How the server (or the lack of one) answered one waiting write. */
export type Outcome =
  | { kind: 'delivered'; data: unknown }
  /** Not now: no network, the session needs signing in again, or the server is busy. Keep it and stop. */
  | { kind: 'later'; why: 'network' | 'sign-in' | 'server' }
  /** Refused for good (bad input, gone elsewhere): the person is told, the write is not retried. */
  | { kind: 'refused'; error: unknown; problem: string }
  /** An edit of a task that changed elsewhere: what could be merged is saved, the rest waits for a choice. */
  | { kind: 'conflict'; error: unknown; fields: Conflicted; theirs: Task };

type Conflicted = NonNullable<OutboxEntry['conflict']>['fields'];

export interface Server {
  send(path: string, input: unknown): Promise<unknown>;
  task(id: string): Promise<Task>;
}

/** Deleting what another device already deleted leaves the same result: done. */
const DELETES = new Set(['task.delete', 'project.delete', 'label.delete']);
const MAX_MERGES = 3;

function whyLater(error: unknown): 'network' | 'sign-in' | 'server' | null {
  const status = httpStatus(error);
  if (status === undefined) return 'network';
  if (status === 401) return 'sign-in';
  if (status === 408 || status === 429 || status >= 500) return 'server';
  return null;
}

function problemOf(error: unknown): string {
  if (errorCode(error) === 'NOT_FOUND')
    return 'It was deleted on another device, so this change can’t be saved.';
  return error instanceof Error && error.message ? error.message : 'The server refused this change.';
}

/**
 * Sends one write; an edit refused as stale is merged field by field onto the current task first, unless
 * `merge` is off (the open edit panel that made it merges next to its fields).
 */
export async function deliver(
  entry: OutboxEntry,
  server: Server,
  { merge: mergeStale = true } = {},
): Promise<Outcome> {
  try {
    return { kind: 'delivered', data: await server.send(entry.path, entry.input) };
  } catch (error) {
    const later = whyLater(error);
    if (later) return { kind: 'later', why: later };
    if (errorCode(error) === 'NOT_FOUND' && DELETES.has(entry.path))
      return { kind: 'delivered', data: entry.input };
    if (mergeStale && errorCode(error) === 'CONFLICT' && entry.path === 'task.update' && entry.base)
      return merge(entry, entry.base, error, server);
    return { kind: 'refused', error, problem: problemOf(error) };
  }
}

/** The fields an edit changes, as task.update took them. */
export function patchOf(input: unknown): TaskPatch {
  const { id: _id, expectedUpdatedAt: _expected, ...patch } = input as Record<string, unknown>;
  return patch as TaskPatch;
}

/**
 * Three-way merge of a refused edit: `base` is what it was made on, `mine` the edit, `theirs` the server's
 * task now. Fields only changed here are saved on top of theirs; fields changed on both sides to different
 * values are a conflict. (The edit panel merges the same way, with mergeEdits.)
 */
async function merge(entry: OutboxEntry, base: Task, error: unknown, server: Server): Promise<Outcome> {
  const mine = applyPatch(base, patchOf(entry.input));
  let latestError = error;
  for (let round = 0; round < MAX_MERGES; round += 1) {
    let theirs: Task;
    try {
      theirs = await server.task(base.id);
    } catch (fetchError) {
      const later = whyLater(fetchError);
      if (later) return { kind: 'later', why: later };
      return { kind: 'refused', error: fetchError, problem: problemOf(fetchError) };
    }
    const { patch, conflicts } = mergeEdits(base, mine, theirs);
    let saved = theirs;
    if (Object.keys(patch).length > 0) {
      try {
        saved = (await server.send('task.update', {
          id: base.id,
          expectedUpdatedAt: theirs.updatedAt,
          ...patch,
        })) as Task;
      } catch (saveError) {
        const later = whyLater(saveError);
        if (later) return { kind: 'later', why: later };
        if (errorCode(saveError) !== 'CONFLICT')
          return { kind: 'refused', error: saveError, problem: problemOf(saveError) };
        // Changed again while merging: merge again on the newer version.
        latestError = saveError;
        continue;
      }
    }
    if (conflicts.length === 0) return { kind: 'delivered', data: saved };
    return { kind: 'conflict', error: latestError, fields: conflicts, theirs: saved };
  }
  return {
    kind: 'refused',
    error: latestError,
    problem: 'This task keeps changing on another device; open it and make the change again.',
  };
}
