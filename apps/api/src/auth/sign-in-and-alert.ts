import { SessionSchema, type User } from '@taskapp/db';
import { alertOwner } from '../second-factors/index.js';
import type { Context } from '../trpc/context.js';
import { userAgent } from '../trpc/request-meta.js';
import { signIn } from './sign-in-answer.js';

/** Signs in after every factor was checked; a browser the account was never used on gets the owner an alert. */
export async function signInAndAlert(ctx: Context, user: User) {
  const known = (await ctx.em.count(SessionSchema, { user: user.id, userAgent: userAgent(ctx.http) })) > 0;
  const answer = await signIn(ctx, ctx.em, user);
  if (!known) alertOwner(ctx, user, 'new-sign-in');
  return answer;
}
