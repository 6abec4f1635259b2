import { bulkDeleteTasksInput, bulkUpdateTasksInput } from '@taskapp/shared';
import { protectedProcedure } from '../../trpc/init.js';

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/** task.bulkUpdate and task.bulkDelete: one statement each; ids the caller does not own are not counted. */
export const taskBulkProcedures = {
  bulkUpdate: protectedProcedure.input(bulkUpdateTasksInput).mutation(async ({ ctx, input }) => {
    const ids = [...new Set(input.ids)];
    const sets = ['"updated_at" = now()'];
    const params: unknown[] = [];
    if (input.patch.status !== undefined) {
      sets.push(
        '"status" = ?',
        `"completed_at" = case when ? = 'completed' then coalesce("completed_at", now()) end`,
      );
      params.push(input.patch.status, input.patch.status);
    }
    if (input.patch.priority !== undefined) {
      sets.push('"priority" = ?');
      params.push(input.patch.priority);
    }
    if (input.patch.dueDate !== undefined) {
      sets.push('"due_date" = ?');
      params.push(input.patch.dueDate);
    }
    const result = await ctx.em.execute<{ affectedRows: number }>(
      `update "tasks" set ${sets.join(', ')} where "user_id" = ? and "id" in (${placeholders(ids)})`,
      [...params, ctx.userId, ...ids],
      'run',
    );
    return { count: result.affectedRows };
  }),

  bulkDelete: protectedProcedure.input(bulkDeleteTasksInput).mutation(async ({ ctx, input }) => {
    const ids = [...new Set(input.ids)];
    const result = await ctx.em.execute<{ affectedRows: number }>(
      `delete from "tasks" where "user_id" = ? and "id" in (${placeholders(ids)})`,
      [ctx.userId, ...ids],
      'run',
    );
    return { count: result.affectedRows };
  }),
};
