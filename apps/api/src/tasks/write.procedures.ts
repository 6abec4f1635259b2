import { createTaskInput, restoreTaskInput, taskByIdInput, updateTaskInput } from '@taskapp/shared';
import { conflict } from '../domain-error.js';
import { protectedProcedure } from '../trpc/init.js';
import { taskChangedSinceRead, taskNotFound } from './task-errors.js';

/** task.create, task.update, task.delete and task.restore: one statement each, scoped to the caller. */
export const taskWriteProcedures = {
  create: protectedProcedure
    .input(createTaskInput)
    .mutation(({ ctx, input }) => ctx.queries.tasks.create(ctx.userId, input, ctx.now())),

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
   * Puts a deleted task back exactly as it was (same id and fields): the "Undo" after a delete. The
   * client sends the task it had; the row is still the caller's own, whatever it sends.
   */
  restore: protectedProcedure.input(restoreTaskInput).mutation(async ({ ctx, input }) => {
    const task = await ctx.queries.tasks.restore(ctx.userId, input, ctx.now());
    if (!task) throw conflict('That task already exists.');
    return task;
  }),
};
