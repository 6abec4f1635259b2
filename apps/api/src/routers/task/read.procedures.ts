import { listTasks, TaskSchema, taskStats } from '@taskapp/db';
import { listTasksInput, taskByIdInput, taskStatsInput } from '@taskapp/shared';
import { decodeTaskCursor, encodeTaskCursor } from '../../services/task-cursor.js';
import { protectedProcedure } from '../../trpc/init.js';
import { toTaskDto } from '../dto.js';
import { taskNotFound } from './errors.js';

/** task.list, task.byId and task.stats: reads, always within the caller's own tasks. */
export const taskReadProcedures = {
  list: protectedProcedure.input(listTasksInput).query(async ({ ctx, input }) => {
    const secret = ctx.env.AUTH_SECRET;
    const after = input.cursor ? decodeTaskCursor(input.cursor, input, secret) : null;
    const page = await listTasks(ctx.sql, ctx.userId, input, after);
    return { items: page.items, nextCursor: page.next ? encodeTaskCursor(page.next, input, secret) : null };
  }),

  byId: protectedProcedure.input(taskByIdInput).query(async ({ ctx, input }) => {
    const task = await ctx.em.findOne(TaskSchema, { id: input.id, user: ctx.userId });
    if (!task) throw taskNotFound();
    return toTaskDto(task);
  }),

  stats: protectedProcedure
    .input(taskStatsInput)
    .query(({ ctx, input }) => taskStats(ctx.sql, ctx.userId, input.timeZone)),
};
