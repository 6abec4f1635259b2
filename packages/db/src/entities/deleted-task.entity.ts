import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { belongsTo } from './belongs-to.js';
import { timestampDefaultNow } from './columns.js';
import { UserSchema } from './user.entity.js';

/**
 * A task its owner deleted in the last day, kept whole (the row as JSON, whatever columns tasks has) so
 * `task.restore { id }` can put it back for that owner only. The hourly clean-up removes older ones.
 */
export const DeletedTaskSchema = defineEntity({
  name: 'DeletedTask',
  tableName: 'deleted_tasks',
  indexes: [
    { name: 'deleted_tasks_user_id_idx', properties: ['user'] },
    { name: 'deleted_tasks_deleted_at_idx', properties: ['deletedAt'] },
  ],
  properties: {
    // The task's own id.
    id: p.uuid().primary(),
    user: belongsTo(UserSchema, 'deleted_tasks_user_id_fkey'),
    task: p.json<Record<string, unknown>>().columnType('jsonb'),
    deletedAt: timestampDefaultNow(),
  },
});

export type DeletedTask = InferEntity<typeof DeletedTaskSchema>;
