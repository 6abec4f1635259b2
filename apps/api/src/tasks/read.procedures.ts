import { listTasksInput, taskByIdInput, taskStatsInput } from '@taskapp/shared';
import { protectedProcedure } from '../trpc/init.js';
import { decodeTaskCursor, encodeTaskCursor } from './task-cursor.js';
import { taskNotFound } from './task-errors.js';

/** task.list, task.byId and task.stats: reads, always within the caller's own tasks. */
export const taskReadProcedures = {
  list: protectedProcedure.input(listTasksInput).query(async ({ ctx, input }) => {
    const owner = { userId: ctx.userId, secret: ctx.env.AUTH_SECRET };
    const after = input.cursor ? decodeTaskCursor(input.cursor, input, owner) : null;
    const page = await ctx.queries.tasks.list(ctx.userId, input, after);
    return { items: page.items, nextCursor: page.next ? encodeTaskCursor(page.next, input, owner) : null };
  }),

  byId: protectedProcedure.input(taskByIdInput).query(async ({ ctx, input }) => {
    const task = await ctx.queries.tasks.byId(ctx.userId, input.id);
    if (!task) throw taskNotFound();
    return task;
  }),

  stats: protectedProcedure
    .input(taskStatsInput)
    .query(({ ctx, input }) => ctx.queries.tasks.stats(ctx.userId, input.timeZone)),
};
