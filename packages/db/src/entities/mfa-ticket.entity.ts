import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { belongsTo } from './belongs-to.js';
import { timestampDefaultNow } from './columns.js';
import { UserSchema } from './user.entity.js';

/**
 * The half-finished sign-in between a right password and the second factor (issue 17). Only the SHA-256 of
 * the ticket is stored; it is short-lived, single-use (`usedAt`), bound to the client that got it
 * (`clientHash`) and gives up after a few wrong codes (`failedAttempts`).
 */
export const MfaTicketSchema = defineEntity({
  name: 'MfaTicket',
  tableName: 'mfa_tickets',
  uniques: [{ name: 'mfa_tickets_token_hash_unique', properties: ['tokenHash'] }],
  // The users foreign key's cascade.
  indexes: [{ name: 'mfa_tickets_user_id_idx', properties: ['user'] }],
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    tokenHash: p.string().length(64).hidden(),
    user: belongsTo(UserSchema, 'mfa_tickets_user_id_fkey'),
    clientHash: p.string().length(64).hidden(),
    expiresAt: p.datetime().columnType('timestamptz'),
    usedAt: p.datetime().columnType('timestamptz').nullable(),
    failedAttempts: p.integer().default(0),
    createdAt: timestampDefaultNow(),
  },
});

export type MfaTicket = InferEntity<typeof MfaTicketSchema>;
