import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { DEFAULT_COLOR } from '@taskapp/shared';
import { belongsTo } from './belongs-to.js';
import { timestampDefaultNow, timestampTouchedOnUpdate } from './columns.js';
import { UserSchema } from './user.entity.js';

/**
 * A person's project: a named, coloured place for tasks, in the order they dragged it to. Tasks point
 * at it with `tasks.project_id` (no project = the Inbox); deleting a project moves its tasks there.
 */
export const ProjectSchema = defineEntity({
  name: 'Project',
  tableName: 'projects',
  indexes: [
    {
      name: 'projects_user_id_position_idx',
      expression:
        'create index "projects_user_id_position_idx" on "projects" ("user_id", ("position" collate "C"), "id")',
    },
  ],
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    user: belongsTo(UserSchema, 'projects_user_id_fkey'),
    name: p.string().length(255),
    color: p.string().length(20).default(DEFAULT_COLOR),
    // A fractional-indexing key: ordered byte by byte (collate "C"), so moving one project rewrites one row.
    position: p.text(),
    archivedAt: p.datetime().columnType('timestamptz').nullable(),
    createdAt: timestampDefaultNow(),
    updatedAt: timestampTouchedOnUpdate(),
  },
});

export type Project = InferEntity<typeof ProjectSchema>;
