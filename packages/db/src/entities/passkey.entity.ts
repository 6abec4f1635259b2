import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { belongsTo } from './belongs-to.js';
import { timestampDefaultNow } from './columns.js';
import { UserSchema } from './user.entity.js';

/**
 * A WebAuthn credential (passkey) a user registered (issue 17). The credential id is unique across users:
 * a passkey sign-in finds its user by it. `counter` is the authenticator's signature counter (0 for the
 * many that do not count); `transports` are the hints the browser gave at registration.
 */
export const PasskeySchema = defineEntity({
  name: 'Passkey',
  tableName: 'passkeys',
  uniques: [{ name: 'passkeys_credential_id_unique', properties: ['credentialId'] }],
  // Listing a user's passkeys; also the users foreign key's cascade.
  indexes: [{ name: 'passkeys_user_id_idx', properties: ['user'] }],
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    user: belongsTo(UserSchema, 'passkeys_user_id_fkey'),
    // base64url, as @simplewebauthn gives them.
    credentialId: p.string().length(1024),
    publicKey: p.text(),
    counter: p.bigint('number').default(0),
    transports: p.json<string[]>().columnType('jsonb').defaultRaw(`'[]'`),
    name: p.string().length(100),
    backedUp: p.boolean().default(false),
    createdAt: timestampDefaultNow(),
    lastUsedAt: p.datetime().columnType('timestamptz').nullable(),
  },
});

export type Passkey = InferEntity<typeof PasskeySchema>;
