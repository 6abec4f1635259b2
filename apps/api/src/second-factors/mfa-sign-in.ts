import { type EntityManager, PasskeySchema, type User } from '@taskapp/db';
import type { CompleteMfaInput, MfaMethod } from '@taskapp/shared';
import { unauthorized } from '../domain-error.js';
import type { Context } from '../trpc/context.js';
import { userAgent } from '../trpc/request-meta.js';
import { clientHash, countFailure, issueMfaTicket, liveTicket, spendTicket } from './mfa-tickets.js';
import { secretBoxFor } from './secret-box-for-env.js';
import { alertOwner } from './security-alerts.js';
import { acceptTotpCode, activeTotp, recoveryCodesLeft, spendRecoveryCode } from './totp-service.js';

export const TICKET_GONE = 'This sign-in has expired. Enter your email and password again.';
const WRONG_CODE = 'That code is not correct.';

type Ctx = Pick<Context, 'em' | 'env' | 'http' | 'now' | 'rateLimits' | 'mailer' | 'logger'>;

/** The second factors that can finish this person's sign-in; null when none is on (the password is enough). */
export async function secondFactorMethods(em: EntityManager, userId: string): Promise<MfaMethod[] | null> {
  if (!(await activeTotp(em, userId))) return null;
  const methods: MfaMethod[] = ['totp'];
  if ((await recoveryCodesLeft(em, userId)) > 0) methods.push('recovery');
  if ((await em.count(PasskeySchema, { user: userId })) > 0) methods.push('passkey');
  return methods;
}

/** The answer to a right password when a second factor is on: a ticket for this browser, no session yet. */
export async function mfaChallenge(ctx: Ctx, user: User, methods: MfaMethod[]) {
  const mfaTicket = await issueMfaTicket(ctx.em, user, clientHash(userAgent(ctx.http)), ctx.now());
  return { mfaRequired: true as const, mfaTicket, methods };
}

/**
 * Checks the second factor of a ticket and uses the ticket up; returns the person to sign in. Wrong codes
 * count against the ticket (5) and the account (secondFactorFailuresPerUser); any refusal reads the same.
 */
export async function completeMfa(ctx: Ctx, input: CompleteMfaInput): Promise<User> {
  const now = ctx.now();
  const ticket = await liveTicket(ctx.em, input.mfaTicket, clientHash(userAgent(ctx.http)), now);
  if (!ticket) throw unauthorized(TICKET_GONE);
  const user = ticket.user.getEntity();
  await ctx.rateLimits.consume('secondFactorFailuresPerUser', user.id);
  const right =
    'code' in input
      ? await acceptTotpCode({ em: ctx.em, box: secretBoxFor(ctx.env), now }, user.id, input.code, 'active')
      : await spendRecoveryCode(ctx.em, user.id, input.recoveryCode, now);
  if (!right) {
    await countFailure(ctx.em, ticket);
    throw unauthorized(WRONG_CODE);
  }
  if (!(await spendTicket(ctx.em, ticket, now))) throw unauthorized(TICKET_GONE);
  await ctx.rateLimits.refund('secondFactorFailuresPerUser', user.id);
  if ('recoveryCode' in input) alertOwner(ctx, user, 'recovery-code-used');
  return user;
}
