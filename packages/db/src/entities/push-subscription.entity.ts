import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { belongsTo } from './belongs-to.js';
import { timestampDefaultNow } from './columns.js';
import { UserSchema } from './user.entity.js';

/**
 * One browser that asked for Web Push reminders (issue 15): where its push service takes messages and the
 * keys that encrypt them for it. An endpoint belongs to one browser profile, so it is unique: signing in
 * as someone else on that browser moves it. Removed when the push service answers 404 or 410.
 */
export const PushSubscriptionSchema = defineEntity({
  name: 'PushSubscription',
  tableName: 'push_subscriptions',
  uniques: [{ name: 'push_subscriptions_endpoint_unique', properties: ['endpoint'] }],
  // The reminder worker reads a user's subscriptions; also the users foreign key's cascade.
  indexes: [{ name: 'push_subscriptions_user_id_idx', properties: ['user'] }],
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    user: belongsTo(UserSchema, 'push_subscriptions_user_id_fkey'),
    endpoint: p.string().length(2048),
    p256dh: p.string().length(256),
    auth: p.string().length(256),
    // Notifications on this device say "You have a reminder" instead of the task's title.
    hideTitles: p.boolean().default(false),
    createdAt: timestampDefaultNow(),
    lastSuccessAt: p.datetime().columnType('timestamptz').nullable(),
  },
});

export type PushSubscription = InferEntity<typeof PushSubscriptionSchema>;
