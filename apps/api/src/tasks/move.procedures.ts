import { moveTaskInput } from '@taskapp/shared';
import { protectedProcedure } from '../trpc/init.js';
import { taskNotFound, withTaskRefusals } from './task-errors.js';

/**
 * task.move: manual order and nesting. Placed right after `afterId` (first when null or left out) under
 * `parentId` / in `projectId` (left out: where it is); its subtasks follow. Another user's task, project,
 * parent or afterId is NOT_FOUND; an afterId of the caller's that is not a sibling at the destination
 * (or the task itself) is BAD_REQUEST.
 */
export const taskMoveProcedures = {
  move: protectedProcedure.input(moveTaskInput).mutation(async ({ ctx, input }) => {
    const task = await withTaskRefusals(() => ctx.queries.tasks.move(ctx.userId, input, ctx.now()));
    if (!task) throw taskNotFound();
    return task;
  }),
};
