import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { belongsTo } from './belongs-to.js';
import { timestampDefaultNow } from './columns.js';
import { UserSchema } from './user.entity.js';

/**
 * One-time recovery codes (issue 17), shown once and stored only as hashes; a used code keeps its row with
 * `usedAt` so "codes left" counts the unused ones. Regenerating replaces the whole set.
 */
export const RecoveryCodeSchema = defineEntity({
  name: 'RecoveryCode',
  tableName: 'recovery_codes',
  // Led by user_id: also the index of the users foreign key's cascade and of "this user's codes".
  uniques: [{ name: 'recovery_codes_user_code_unique', properties: ['user', 'codeHash'] }],
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    user: belongsTo(UserSchema, 'recovery_codes_user_id_fkey'),
    codeHash: p.string().length(64).hidden(),
    usedAt: p.datetime().columnType('timestamptz').nullable(),
    createdAt: timestampDefaultNow(),
  },
});

export type RecoveryCode = InferEntity<typeof RecoveryCodeSchema>;
