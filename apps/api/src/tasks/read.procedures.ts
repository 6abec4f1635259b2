import type { Queries } from '@taskapp/db/queries';
import { type ListTasksQuery, listTasksInput, taskByIdInput, taskStatsInput } from '@taskapp/shared';
import { notFound } from '../domain-error.js';
import { timeZoneFor } from '../time-zones.js';
import { asHeavyRead } from '../trpc/heavy-reads.js';
import { protectedProcedure } from '../trpc/init.js';
import { decodeTaskCursor, encodeTaskCursor } from './task-cursor.js';
import { taskNotFound } from './task-errors.js';

const MISSING_FILTER_MESSAGES = {
  project: 'That project does not exist.',
  label: 'That label does not exist.',
  parent: 'That task does not exist.',
} as const;

/** A list of someone else's (or no one's) project, label or parent task is NOT_FOUND, not an empty list. */
async function checkListFilters(queries: Queries, userId: string, query: ListTasksQuery) {
  const missing = await queries.tasks.missingListFilter(userId, query);
  if (missing) throw notFound(MISSING_FILTER_MESSAGES[missing]);
}

/** task.list, task.byId and task.stats: reads, always within the caller's own tasks. */
export const taskReadProcedures = {
  list: protectedProcedure.input(listTasksInput).query(async ({ ctx, input }) => {
    // Upcoming is a schedule: always in date order.
    const query =
      input.view === 'upcoming' ? { ...input, sort: 'dueDate' as const, order: 'asc' as const } : input;
    const owner = { userId: ctx.userId, secret: ctx.env.AUTH_SECRET };
    const after = query.cursor ? decodeTaskCursor(query.cursor, query, owner) : null;
    const read = () =>
      ctx.reads.read(ctx, async (queries) => {
        const page = await queries.tasks.list(ctx.userId, query, after, ctx.now());
        // Only an empty first page asks whether the project, labels and parent it names are the caller's:
        // a listed task is the caller's and links only the caller's (writes check it), and a cursor is
        // sealed with the filters of a first page that passed this way.
        if (!after && page.items.length === 0) await checkListFilters(queries, ctx.userId, query);
        return page;
      });
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
    return asHeavyRead(ctx.userId, () =>
      ctx.reads.read(ctx, (queries) => queries.tasks.stats(ctx.userId, timeZone, ctx.now())),
    );
  }),
};
