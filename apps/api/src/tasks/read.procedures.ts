import { listTasksInput, taskByIdInput, taskStatsInput } from '@taskapp/shared';
import { timeZoneFor } from '../time-zones.js';
import { asHeavyRead } from '../trpc/heavy-reads.js';
import { protectedProcedure } from '../trpc/init.js';
import { decodeTaskCursor, encodeTaskCursor } from './task-cursor.js';
import { taskNotFound } from './task-errors.js';

/** task.list, task.byId and task.stats: reads, always within the caller's own tasks. */
export const taskReadProcedures = {
  list: protectedProcedure.input(listTasksInput).query(async ({ ctx, input }) => {
    // Upcoming is a schedule: always in date order.
    const query =
      input.view === 'upcoming' ? { ...input, sort: 'dueDate' as const, order: 'asc' as const } : input;
    const owner = { userId: ctx.userId, secret: ctx.env.AUTH_SECRET };
    const after = query.cursor ? decodeTaskCursor(query.cursor, query, owner) : null;
    const read = () => ctx.queries.tasks.list(ctx.userId, query, after, ctx.now());
    const page = await (query.search ? asHeavyRead(ctx.userId, read) : read());
    return { items: page.items, nextCursor: page.next ? encodeTaskCursor(page.next, query, owner) : null };
  }),

  byId: protectedProcedure.input(taskByIdInput).query(async ({ ctx, input }) => {
    const task = await ctx.queries.tasks.byId(ctx.userId, input.id);
    if (!task) throw taskNotFound();
    return task;
  }),

  stats: protectedProcedure.input(taskStatsInput).query(async ({ ctx, input }) => {
    const timeZone = await timeZoneFor(ctx.queries, ctx.userId, input.timeZone);
    return asHeavyRead(ctx.userId, () => ctx.queries.tasks.stats(ctx.userId, timeZone, ctx.now()));
  }),
};
