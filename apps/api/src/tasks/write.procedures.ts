import { createTaskInput, restoreTaskInput, taskByIdInput, updateTaskInput } from '@taskapp/shared';
import { protectedProcedure } from '../trpc/init.js';
import { taskChangedSinceRead, taskNotFound, withinTaskLimit } from './task-errors.js';

/** task.create, task.update, task.delete and task.restore: one statement each, scoped to the caller. */
export const taskWriteProcedures = {
  create: protectedProcedure
    .input(createTaskInput)
    .mutation(({ ctx, input }) =>
      withinTaskLimit(() => ctx.queries.tasks.create(ctx.userId, input, ctx.now())),
    ),

  update: protectedProcedure.input(updateTaskInput).mutation(async ({ ctx, input }) => {
    const { id, expectedUpdatedAt, ...changes } = input;
    const result = await ctx.queries.tasks.update(ctx.userId, id, changes, expectedUpdatedAt, ctx.now());
    if (result.kind === 'missing') throw taskNotFound();
    if (result.kind === 'stale') throw taskChangedSinceRead();
    return result.task;
  }),

  delete: protectedProcedure.input(taskByIdInput).mutation(async ({ ctx, input }) => {
    if (!(await ctx.queries.tasks.delete(ctx.userId, input.id))) throw taskNotFound();
    return { id: input.id };
  }),

  /**
   * Undo of a delete: the caller's task deleted in the last day comes back as it was (same id, fields
   * and createdAt; updatedAt now). Anything else, another user's id included, is NOT_FOUND.
   */
  restore: protectedProcedure.input(restoreTaskInput).mutation(async ({ ctx, input }) => {
    const task = await withinTaskLimit(() => ctx.queries.tasks.restore(ctx.userId, input.id, ctx.now()));
    if (!task) throw taskNotFound();
    return task;
  }),
};
