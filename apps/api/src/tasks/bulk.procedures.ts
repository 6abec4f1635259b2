import { bulkDeleteTasksInput, bulkUpdateTasksInput } from '@taskapp/shared';
import { protectedProcedure } from '../trpc/init.js';
import { withinTaskLimit } from './task-errors.js';

/** task.bulkUpdate and task.bulkDelete: one statement each; ids the caller does not own are not counted. */
export const taskBulkProcedures = {
  // Completing recurring tasks inserts their next occurrences, which the task limit holds too.
  bulkUpdate: protectedProcedure.input(bulkUpdateTasksInput).mutation(async ({ ctx, input }) => ({
    count: await withinTaskLimit(() =>
      ctx.queries.tasks.bulkUpdate(ctx.userId, [...new Set(input.ids)], input.patch, ctx.now()),
    ),
  })),

  bulkDelete: protectedProcedure.input(bulkDeleteTasksInput).mutation(async ({ ctx, input }) => ({
    count: await ctx.queries.tasks.bulkDelete(ctx.userId, [...new Set(input.ids)]),
  })),
};
