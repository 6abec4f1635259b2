import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { timestampDefaultNow } from './columns.js';
import { UserSchema } from './user.entity.js';

export const WEBAUTHN_CHALLENGE_PURPOSES = ['register', 'sign-in', 'second-factor'] as const;
export type WebauthnChallengePurpose = (typeof WEBAUTHN_CHALLENGE_PURPOSES)[number];

/**
 * A WebAuthn challenge the server handed out (issue 17), kept until its answer comes back so any API
 * instance can check it, and used once. A passwordless sign-in's challenge has no user yet.
 */
export const WebauthnChallengeSchema = defineEntity({
  name: 'WebauthnChallenge',
  tableName: 'webauthn_challenges',
  uniques: [{ name: 'webauthn_challenges_challenge_unique', properties: ['challenge'] }],
  // The users foreign key's cascade.
  indexes: [{ name: 'webauthn_challenges_user_id_idx', properties: ['user'] }],
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    challenge: p.string().length(128),
    user: p
      .manyToOne(UserSchema)
      .ref()
      .nullable()
      .deleteRule('cascade')
      .updateRule('no action')
      .foreignKeyName('webauthn_challenges_user_id_fkey')
      .index(false),
    purpose: p
      .enum([...WEBAUTHN_CHALLENGE_PURPOSES])
      .columnType('varchar(16)')
      .ignoreSchemaChanges('type'),
    expiresAt: p.datetime().columnType('timestamptz'),
    createdAt: timestampDefaultNow(),
  },
});

export type WebauthnChallenge = InferEntity<typeof WebauthnChallengeSchema>;
