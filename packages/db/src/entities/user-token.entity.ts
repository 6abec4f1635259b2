import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { belongsTo } from './belongs-to.js';
import { timestampDefaultNow } from './columns.js';
import { UserSchema } from './user.entity.js';

export const USER_TOKEN_PURPOSES = ['verify_email', 'reset_password'] as const;
export type UserTokenPurpose = (typeof USER_TOKEN_PURPOSES)[number];

/** Single-use links mailed to a user (email verification, password reset). Only the SHA-256 is stored. */
export const UserTokenSchema = defineEntity({
  name: 'UserToken',
  tableName: 'user_tokens',
  indexes: [
    { name: 'user_tokens_user_id_idx', properties: ['user'] },
    { name: 'user_tokens_expires_at_idx', properties: ['expiresAt'] },
  ],
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    user: belongsTo(UserSchema, 'user_tokens_user_id_fkey'),
    purpose: p
      .enum([...USER_TOKEN_PURPOSES])
      .columnType('varchar(32)')
      .ignoreSchemaChanges('type'),
    tokenHash: p.string().length(64).unique('user_tokens_token_hash_key').hidden(),
    expiresAt: p.datetime().columnType('timestamptz'),
    usedAt: p.datetime().columnType('timestamptz').nullable(),
    createdAt: timestampDefaultNow(),
  },
});

export type UserToken = InferEntity<typeof UserTokenSchema>;
