import { zodResolver } from '@hookform/resolvers/zod';
import { onlineManager } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Task } from '../../../lib/api-types';
import { applyServerErrors } from '../../../lib/form-errors';
import { useTRPCClient } from '../../../lib/trpc';
import { errorCode } from '../../../lib/trpc-errors';
import { useSaveTaskEdit } from '../data/use-save-task-edit';
import { EDIT_FIELDS, type EditField, mergeEdits, patchBetween } from './merge-edits';
import { editValuesOf, FORM_KEYS, formValuesOf, sameFormValue, taskFormSchema } from './task-form';

/** Saved this long after typing stops; leaving a field or closing the panel saves at once. */
export const AUTOSAVE_DELAY_MS = 600;
/** A task that keeps changing elsewhere while we merge: give up after this many rounds and say so. */
const MAX_MERGES = 5;

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'invalid' }
  | { kind: 'failed'; message: string };

/** Fields changed here and elsewhere to different values, each with the other version, until one is picked. */
export type Conflicts = Partial<Record<EditField, Task>>;

const SERVER_FIELDS = ['title', 'description', 'status', 'priority'] as const;

/**
 * The edit panel's form, saved as you go: each save sends only the changed fields, guarded by the
 * version it was made on. When the task changed elsewhere meanwhile (CONFLICT) the edit is merged field
 * by field onto the current version: fields only changed here are saved, fields only changed there are
 * shown, and a field changed on both sides waits for the person to choose.
 */
export function useAutosavedTaskForm(opened: Task, timeZone: string) {
  const form = useForm({
    resolver: zodResolver(taskFormSchema),
    defaultValues: formValuesOf(opened, timeZone),
    mode: 'onTouched',
  });
  const save = useSaveTaskEdit();
  const client = useTRPCClient();
  // The server's version the form builds on: the opened one, then each save's answer or merge.
  const base = useRef(opened);
  const conflictsRef = useRef<Conflicts>({});
  const [conflicts, setConflictsState] = useState<Conflicts>({});
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saving = useRef(false);
  // Closed, the panel no longer merges: a refused edit (sent after a reconnect) is the outbox's to merge.
  const open = useRef(true);
  useEffect(() => {
    open.current = true;
    return () => {
      open.current = false;
    };
  }, []);

  const setConflicts = (next: Conflicts) => {
    conflictsRef.current = next;
    setConflictsState(next);
  };

  /** Whether the form shows exactly the base: no edit typed, waiting or being saved, no choice open. */
  const showsBase = () => {
    if (saving.current || timer.current !== undefined) return false;
    if (Object.keys(conflictsRef.current).length > 0) return false;
    const checked = taskFormSchema.safeParse(form.getValues());
    if (!checked.success) return false;
    const mine = editValuesOf(checked.data, base.current, timeZone);
    return Object.keys(patchBetween(base.current, mine, [])).length === 0;
  };

  /** Shows their version in every field the person has not touched. */
  const adoptUntouched = (from: Task, theirs: Task) => {
    const before = formValuesOf(from, timeZone);
    const after = formValuesOf(theirs, timeZone);
    const now = form.getValues();
    for (const field of EDIT_FIELDS) {
      const keys = FORM_KEYS[field];
      if (keys.every((key) => sameFormValue(key, now, before)))
        for (const key of keys) form.setValue(key, after[key]);
    }
  };

  const report = (error: unknown) => {
    if (errorCode(error) === 'NOT_FOUND') {
      setStatus({
        kind: 'failed',
        message: 'This task was deleted elsewhere, so your changes can’t be saved.',
      });
      return;
    }
    const message = applyServerErrors(error, form.setError, SERVER_FIELDS);
    setStatus({ kind: 'failed', message: message ?? 'Not saved: fix the marked field.' });
  };

  /** Saves what differs from the base until nothing does; false when something is left unsaved. */
  const saveNow = async (): Promise<boolean> => {
    saving.current = true;
    try {
      return await saveUntilDone();
    } finally {
      saving.current = false;
    }
  };
  const saveUntilDone = async (): Promise<boolean> => {
    let merges = 0;
    while (merges <= MAX_MERGES) {
      const checked = taskFormSchema.safeParse(form.getValues());
      if (!checked.success) {
        void form.trigger();
        setStatus({ kind: 'invalid' });
        return false;
      }
      const mine = editValuesOf(checked.data, base.current, timeZone);
      const undecided = Object.keys(conflictsRef.current) as EditField[];
      const patch = patchBetween(base.current, mine, undecided);
      if (Object.keys(patch).length === 0) {
        setStatus((current) =>
          current.kind === 'saving' || current.kind === 'saved' ? { kind: 'saved' } : { kind: 'idle' },
        );
        return undecided.length === 0;
      }
      setStatus({ kind: 'saving' });
      try {
        const saved = await save.mutateAsync({
          base: base.current,
          patch,
          ownsConflicts: () => open.current,
        });
        // The answer may carry changes made elsewhere (merged by the outbox): shown where nothing was typed.
        adoptUntouched(base.current, saved);
        base.current = saved;
        if (!open.current) return true;
        continue;
      } catch (error) {
        if (errorCode(error) !== 'CONFLICT') {
          report(error);
          return false;
        }
      }
      merges += 1;
      let theirs: Task;
      try {
        theirs = await client.task.byId.query({ id: opened.id });
      } catch (error) {
        report(error);
        return false;
      }
      const merge = mergeEdits(base.current, mine, theirs);
      adoptUntouched(base.current, theirs);
      base.current = theirs;
      setConflicts({
        ...conflictsRef.current,
        ...Object.fromEntries(merge.conflicts.map((f) => [f, theirs])),
      });
      // The next round saves the fields only changed here on top of their version.
    }
    setStatus({
      kind: 'failed',
      message: 'This task keeps changing elsewhere. Your changes are still here; try again in a moment.',
    });
    return false;
  };

  /** Saves whatever is pending now, after any save already running; resolves true when all is saved. */
  const flush = (): Promise<boolean> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    queue.current = queue.current.then(saveNow, saveNow);
    return queue.current;
  };
  const flushRef = useRef(flush);
  flushRef.current = flush;

  useEffect(() => {
    const subscription = form.watch(() => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flushRef.current(), AUTOSAVE_DELAY_MS);
      setStatus((current) => (current.kind === 'saved' ? { kind: 'idle' } : current));
    });
    return () => {
      subscription.unsubscribe();
      // Closed some other way (Back, a link): an edit still waiting for its save is saved now.
      if (timer.current !== undefined) void flushRef.current();
    };
  }, [form]);

  const resolve = (field: EditField) => {
    const { [field]: _resolved, ...rest } = conflictsRef.current;
    setConflicts(rest);
    return flush();
  };

  return {
    form,
    status,
    conflicts,
    flush,
    /** Saves before the panel closes; false (stay open) while something cannot be saved yet. */
    async beforeClose(): Promise<boolean> {
      const savable = taskFormSchema.safeParse(form.getValues()).success;
      const undecided = Object.keys(conflictsRef.current).length > 0;
      // Offline, the save waits in the queue (shown in the list) and the panel may close.
      if (!onlineManager.isOnline() && savable && !undecided) {
        void flush();
        return true;
      }
      return flush();
    },
    keepMine: (field: EditField) => void resolve(field),
    useTheirs: (field: EditField) => {
      const theirs = conflictsRef.current[field];
      if (theirs) {
        const values = formValuesOf(theirs, timeZone);
        for (const key of FORM_KEYS[field]) form.setValue(key, values[key]);
      }
      void resolve(field);
    },
    /** Drops what could not be saved (an invalid field, an undecided conflict) and shows the saved task. */
    discard: () => {
      clearTimeout(timer.current);
      timer.current = undefined;
      setConflicts({});
      form.reset(formValuesOf(base.current, timeZone));
    },
    /** The latest version the server has confirmed, for Delete (and its Undo). */
    saved: () => base.current,
    /**
     * A version another action of the panel saved (Skip this time): shown in every field not edited
     * since, and the base of the next saves.
     */
    adopt: (saved: Task) => {
      adoptUntouched(base.current, saved);
      base.current = saved;
    },
    /**
     * A server version newer than the one the form opened with (the panel's fetch of the task): shown
     * when nothing here is unsaved; otherwise the next save's version check finds it and merges, as for
     * any edit made elsewhere.
     */
    adoptNewer: (latest: Task) => {
      if (latest.updatedAt.getTime() <= base.current.updatedAt.getTime() || !showsBase()) return;
      adoptUntouched(base.current, latest);
      base.current = latest;
    },
  };
}
