import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { belongsTo } from './belongs-to.js';
import { UserSchema } from './user.entity.js';

export const DAILY_DIGEST_STATUSES = ['sending', 'sent', 'failed'] as const;

/**
 * The daily digest mails that went out (issue 15): one row per user and local calendar day, taken before
 * the mail is sent, so across API instances and restarts a day's digest goes out at most once (a crash
 * mid-send leaves 'sending', never retried). Not backed up: a restored database sends today's digest again
 * only if it had not gone out yet in the restored data, which is what the user would expect.
 */
export const DailyDigestSchema = defineEntity({
  name: 'DailyDigest',
  tableName: 'daily_digests',
  properties: {
    user: belongsTo(UserSchema, 'daily_digests_user_id_fkey').primary(),
    // The day in the user's time zone that the digest is for.
    localDate: p.date().primary(),
    status: p
      .enum([...DAILY_DIGEST_STATUSES])
      .columnType('varchar(16)')
      .ignoreSchemaChanges('type')
      .default('sending'),
    claimedAt: p.datetime().columnType('timestamptz'),
    sentAt: p.datetime().columnType('timestamptz').nullable(),
    lastError: p.string().length(500).nullable(),
  },
});

export type DailyDigest = InferEntity<typeof DailyDigestSchema>;
