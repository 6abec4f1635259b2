import type { Pool } from '@taskapp/db';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimited } from '../domain-error.js';

/**
 * What each limit allows: `points` events per `duration` seconds. Failed sign-ins are limited tightly
 * per (account, network) and per network, and only loosely per account: a stranger guessing from a few
 * networks must not lock the owner out (security finding 3), while a guesser spread over many networks
 * still meets the account's ceiling. Signed-in password checks have their own bucket per user.
 */
export const RATE_LIMITS = {
  loginFailuresPerAccountAndIp: { points: 10, duration: 15 * 60 },
  loginFailuresPerIp: { points: 100, duration: 15 * 60 },
  loginFailuresPerAccount: { points: 100, duration: 60 * 60 },
  passwordChecksPerUser: { points: 10, duration: 15 * 60 },
  // Wrong second-factor codes (sign-in, turning 2FA on or off), per account, on top of each ticket's own 5.
  secondFactorFailuresPerUser: { points: 10, duration: 15 * 60 },
  // Passkey sign-in options (each stores a challenge) asked for by one network.
  passkeyChallengesPerIp: { points: 100, duration: 15 * 60 },
  registrationsPerIp: { points: 10, duration: 60 * 60 },
  passwordResetsPerIp: { points: 10, duration: 15 * 60 },
  passwordResetsPerAccount: { points: 3, duration: 60 * 60 },
  verificationMailsPerUser: { points: 5, duration: 60 * 60 },
} as const;

export type RateLimitName = keyof typeof RATE_LIMITS;

export interface RateLimits {
  /** Counts one event; refused (TOO_MANY_REQUESTS) when the limit is already used up. */
  consume(name: RateLimitName, key: string): Promise<void>;
  /** Gives back the point of an attempt that turned out fine. */
  refund(name: RateLimitName, key: string): Promise<void>;
  reset(name: RateLimitName, key: string): Promise<void>;
}

function tooMany(msBeforeNext: number) {
  const minutes = Math.max(1, Math.ceil(msBeforeNext / 60_000));
  return rateLimited(`Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
}

/**
 * Counters live in PostgreSQL (the rate_limits table, created by a migration), so every API instance
 * shares them. rate-limiter-flexible runs its own statements on the app's pool.
 */
export function createRateLimits(
  pool: Pool,
  { onRejected }: { onRejected?: (name: RateLimitName) => void } = {},
): RateLimits {
  const limiters = Object.fromEntries(
    Object.entries(RATE_LIMITS).map(([name, limit]) => [
      name,
      new RateLimiterPostgres({
        storeClient: pool,
        storeType: 'pool',
        tableName: 'rate_limits',
        tableCreated: true,
        // The hourly clean-up (ops/maintenance.ts) removes expired counters for every instance.
        clearExpiredByTimeout: false,
        keyPrefix: name,
        ...limit,
      }),
    ]),
  ) as Record<RateLimitName, RateLimiterPostgres>;

  return {
    async consume(name, key) {
      try {
        await limiters[name].consume(key);
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          onRejected?.(name);
          throw tooMany(error.msBeforeNext);
        }
        throw error;
      }
    },
    async refund(name, key) {
      await limiters[name].reward(key, 1);
    },
    async reset(name, key) {
      await limiters[name].delete(key);
    },
  };
}
