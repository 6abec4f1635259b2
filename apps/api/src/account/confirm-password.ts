import { type User, UserSchema } from '@taskapp/db';
import { verifyPassword } from '../auth/index.js';
import { invalid } from '../domain-error.js';
import type { Context } from '../trpc/context.js';

/**
 * Re-checks the password of a signed-in user before a sensitive change. Guesses are limited in a bucket
 * of the user's own: failed sign-ins by strangers never block the owner's password change or deletion.
 */
export async function confirmOwnPassword(
  ctx: Pick<Context, 'em' | 'rateLimits'>,
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
