import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { SYNC_ENTITIES, SYNC_OPS } from '@taskapp/shared';
import { belongsTo } from './belongs-to.js';
import { timestampDefaultNow } from './columns.js';
import { UserSchema } from './user.entity.js';

/**
 * The per-user change log that live sync reads (DESIGN "Sync"): one row per task, project, label or
 * settings row written, added by triggers in the same transaction as the write (so no write path can
 * forget it), never by the ORM. Read in (xid, id) order, and only below the oldest running transaction,
 * so a reader never skips a change that commits later (decision 011). Kept for 30 days.
 */
export const ChangeSchema = defineEntity({
  name: 'Change',
  tableName: 'changes',
  indexes: [
    { name: 'changes_user_id_xid_id_idx', properties: ['user', 'xid', 'id'] },
    { name: 'changes_at_idx', properties: ['at'] },
  ],
  properties: {
    id: p.bigint().primary().autoincrement(),
    // The writing transaction's id (64 bits, never wraps).
    xid: p.string().columnType('xid8').defaultRaw('pg_current_xact_id()'),
    user: belongsTo(UserSchema, 'changes_user_id_fkey'),
    entity: p
      .enum([...SYNC_ENTITIES])
      .columnType('varchar(16)')
      .ignoreSchemaChanges('type'),
    entityId: p.uuid(),
    op: p
      .enum([...SYNC_OPS])
      .columnType('varchar(16)')
      .ignoreSchemaChanges('type'),
    at: timestampDefaultNow(),
  },
});

export type Change = InferEntity<typeof ChangeSchema>;

/**
 * Where the last clean-up of the change log stopped: a cursor at or before it may have missed changes
 * that are gone, so its reader must start again from scratch ("resync"). One row.
 */
export const ChangeLogHorizonSchema = defineEntity({
  name: 'ChangeLogHorizon',
  tableName: 'change_log_horizon',
  properties: {
    id: p.smallint().primary().autoincrement(false).default(1),
    xid: p.string().columnType('xid8'),
    changeId: p.bigint(),
  },
});

export type ChangeLogHorizon = InferEntity<typeof ChangeLogHorizonSchema>;
