import { type EntityManager, type User, UserSchema } from '@taskapp/db';
import { invalid } from '../domain-error.js';
import { verifyPassword } from './passwords.js';
import type { RateLimits } from './rate-limits.js';

/**
 * Re-checks the password of a signed-in user before a sensitive change. Guesses are limited in a bucket
 * of the user's own: failed sign-ins by strangers never block the owner's password change or deletion.
 */
export async function confirmOwnPassword(
  ctx: { em: EntityManager; rateLimits: RateLimits },
  userId: string,
  password: string,
  field: string,
): Promise<User> {
  const user = await ctx.em.findOneOrFail(UserSchema, userId);
  await ctx.rateLimits.consume('passwordChecksPerUser', userId);
  if (!(await verifyPassword(user.passwordHash, password)))
    throw invalid('That password is not correct.', field);
  await ctx.rateLimits.refund('passwordChecksPerUser', userId);
  return user;
}
