import { createTaskInput, restoreTaskInput, taskByIdInput, updateTaskInput } from '@taskapp/shared';
import { invalid } from '../domain-error.js';
import { protectedProcedure } from '../trpc/init.js';
import { taskChangedSinceRead, taskNotFound, withinTaskLimit, withTaskRefusals } from './task-errors.js';

/**
 * task.create, task.update, task.delete and task.restore, scoped to the caller: a project, label or parent
 * of someone else's is NOT_FOUND like a missing one; a client-chosen id someone else has is CONFLICT.
 */
export const taskWriteProcedures = {
  create: protectedProcedure
    .input(createTaskInput)
    .mutation(({ ctx, input }) =>
      withinTaskLimit(() => withTaskRefusals(() => ctx.queries.tasks.create(ctx.userId, input, ctx.now()))),
    ),

  update: protectedProcedure.input(updateTaskInput).mutation(async ({ ctx, input }) => {
    const { id, expectedUpdatedAt, ...changes } = input;
    // Completing a recurring task inserts its next occurrence, which the task limit holds too.
    const result = await withinTaskLimit(() =>
      withTaskRefusals(() => ctx.queries.tasks.update(ctx.userId, id, changes, expectedUpdatedAt, ctx.now())),
    );
    if (result.kind === 'missing') throw taskNotFound();
    if (result.kind === 'stale') throw taskChangedSinceRead();
    return result.task;
  }),

  /**
   * A recurring task moves on to its next occurrence without keeping this one as history ("skip");
   * stopping a series is task.update { recurrence: null }.
   */
  skipOccurrence: protectedProcedure.input(taskByIdInput).mutation(async ({ ctx, input }) => {
    const result = await ctx.queries.tasks.skipOccurrence(ctx.userId, input.id, ctx.now());
    if (result.kind === 'missing') throw taskNotFound();
    if (result.kind === 'not-recurring')
      throw invalid('This task does not repeat; there is nothing to skip.', 'id');
    if (result.kind === 'last')
      throw invalid('This is the last time it repeats: complete or delete it instead.', 'id');
    return result.task;
  }),

  /** Its subtasks (all levels) go with it, and one task.restore of it brings them all back. */
  delete: protectedProcedure.input(taskByIdInput).mutation(async ({ ctx, input }) => {
    if (!(await ctx.queries.tasks.delete(ctx.userId, input.id))) throw taskNotFound();
    return { id: input.id };
  }),

  /**
   * Undo of a delete: the caller's task deleted in the last day comes back as it was (same id, fields,
   * createdAt and place; updatedAt now) with the subtasks deleted with it and the labels that still
   * exist; into the Inbox when its project is gone. Anything else, another user's id included, is NOT_FOUND.
   */
  restore: protectedProcedure.input(restoreTaskInput).mutation(async ({ ctx, input }) => {
    const task = await withinTaskLimit(() => ctx.queries.tasks.restore(ctx.userId, input.id, ctx.now()));
    if (!task) throw taskNotFound();
    return task;
  }),
};
