import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { timestampDefaultNow, timestampTouchedOnUpdate } from './columns.js';

export const UserSchema = defineEntity({
  name: 'User',
  tableName: 'users',
  indexes: [
    { name: 'users_email_idx', properties: ['email'] },
    { name: 'users_created_at_idx', properties: ['createdAt'] },
  ],
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    email: p.string().length(255).unique('users_email_key'),
    name: p.string().length(255),
    passwordHash: p.string().length(255).hidden(),
    isActive: p.boolean().default(true),
    isVerified: p.boolean().default(false),
    createdAt: timestampDefaultNow(),
    updatedAt: timestampTouchedOnUpdate(),
  },
});

export type User = InferEntity<typeof UserSchema>;
