import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { timestampDefaultNow, timestampTouchedOnUpdate } from './columns.js';
import { UserSchema } from './user.entity.js';

/**
 * A user's authenticator app (issue 17), at most one. The secret is stored only encrypted by the API, so a
 * copy of the database alone cannot mint codes. `confirmedAt` null = set up but not turned on until the
 * first code proves the app has it; `lastUsedStep` is the 30-second step of the last accepted code, so a
 * code works once.
 */
export const UserTotpSchema = defineEntity({
  name: 'UserTotp',
  tableName: 'user_totp',
  properties: {
    user: p
      .oneToOne(UserSchema)
      .primary()
      .owner()
      .ref()
      .deleteRule('cascade')
      .updateRule('no action')
      .foreignKeyName('user_totp_user_id_fkey'),
    // base64url of the API's encryption of the secret.
    secretCiphertext: p.string().length(512).hidden(),
    confirmedAt: p.datetime().columnType('timestamptz').nullable(),
    lastUsedStep: p.bigint('number').nullable(),
    createdAt: timestampDefaultNow(),
    updatedAt: timestampTouchedOnUpdate(),
  },
});

export type UserTotp = InferEntity<typeof UserTotpSchema>;
