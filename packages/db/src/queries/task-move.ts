import type { MoveTaskInput } from '@taskapp/shared';
import type { Queryable } from '../pg.js';
import { placeOfMovedTask, positionAt, relocate } from './task-placement.js';
import { taskReadQueries } from './task-reads.js';
import { refusingVanishedRows } from './task-refusal.js';
import type { TaskDto } from './task-row.js';
import { lockTaskTree, placedTask } from './task-tree.js';
import { inTransaction } from './transaction.js';

/** Manual order and nesting (task.move), for the task's owner only. */
export function taskMoveQueries(db: Queryable) {
  return {
    /**
     * Puts the owner's task right after `afterId` (first when null or left out) at the place asked for:
     * a parent (taking its project), the top level of a project or the Inbox, or where it is. Its subtasks
     * follow it. One new order key, so no other row is renumbered. Undefined when the owner has no task
     * `id`; a project, parent or afterId that is not the caller's is refused (TaskRefused).
     */
    move(userId: string, input: MoveTaskInput, now: Date): Promise<TaskDto | undefined> {
      return refusingVanishedRows(() =>
        inTransaction(db, async (tx) => {
          await lockTaskTree(tx, userId);
          const task = await placedTask(tx, userId, input.id);
          if (!task) return undefined;
          const place = await placeOfMovedTask(tx, userId, task, input);
          const position = await positionAt(tx, userId, place, input.afterId ?? null, task.id);
          await relocate(tx, userId, task, place, position, now);
          return taskReadQueries(tx).byId(userId, task.id);
        }),
      );
    },
  };
}
