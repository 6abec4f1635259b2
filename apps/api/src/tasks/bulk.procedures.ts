import { bulkDeleteTasksInput, bulkUpdateTasksInput } from '@taskapp/shared';
import { protectedProcedure } from '../trpc/init.js';

/** task.bulkUpdate and task.bulkDelete: one statement each; ids the caller does not own are not counted. */
export const taskBulkProcedures = {
  bulkUpdate: protectedProcedure.input(bulkUpdateTasksInput).mutation(async ({ ctx, input }) => ({
    count: await ctx.queries.tasks.bulkUpdate(ctx.userId, [...new Set(input.ids)], input.patch, ctx.now()),
  })),

  bulkDelete: protectedProcedure.input(bulkDeleteTasksInput).mutation(async ({ ctx, input }) => ({
    count: await ctx.queries.tasks.bulkDelete(ctx.userId, [...new Set(input.ids)]),
  })),
};
