import { defineEntity, p } from '@mikro-orm/core';

/**
 * The table rate-limiter-flexible's PostgreSQL store uses (its own layout), declared here so that
 * migrations create it and every API instance shares the counters.
 */
export const RateLimitSchema = defineEntity({
  name: 'RateLimit',
  tableName: 'rate_limits',
  properties: {
    key: p.string().length(255).primary(),
    points: p.integer().default(0),
    expire: p.bigint('number').nullable(),
  },
});
