import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { belongsTo } from './belongs-to.js';
import { timestampDefaultNow } from './columns.js';
import { UserSchema } from './user.entity.js';

/** A signed-in device. Only the SHA-256 of its refresh token is stored. */
export const SessionSchema = defineEntity({
  name: 'Session',
  tableName: 'sessions',
  indexes: [
    { name: 'sessions_token_hash_idx', properties: ['tokenHash'] },
    { name: 'sessions_expires_at_idx', properties: ['expiresAt'] },
    // Not in the specification: makes "sign out everywhere" and the user-delete cascade index lookups.
    { name: 'sessions_user_id_idx', properties: ['user'] },
  ],
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    user: belongsTo(UserSchema, 'sessions_user_id_fkey'),
    tokenHash: p.string().length(255).unique('sessions_token_hash_key').hidden(),
    expiresAt: p.datetime().columnType('timestamptz'),
    createdAt: timestampDefaultNow(),
    // Not in the specification (added by migration for the sessions list in account settings).
    lastUsedAt: timestampDefaultNow(),
    userAgent: p.string().length(512).nullable(),
    // Not in the specification: when the person last proved who they are on this session (signing in, or
    // confirming the password again); sensitive reads such as the data export want it recent.
    authenticatedAt: timestampDefaultNow(),
  },
});

export type Session = InferEntity<typeof SessionSchema>;
