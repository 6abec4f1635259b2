import { UserSchema, UserTokenSchema } from '@taskapp/db';
import { requestPasswordResetInput, resetPasswordInput } from '@taskapp/shared';
import { invalid } from '../domain-error.js';
import { passwordResetMail, sendInBackground } from '../mail/index.js';
import { alertOwner } from '../second-factors/index.js';
import type { Context } from '../trpc/context.js';
import { publicProcedure } from '../trpc/init.js';
import { clientIp } from '../trpc/request-meta.js';
import { assertPasswordAllowed } from './password-policy.js';
import { hashPassword } from './passwords.js';
import { byNetwork } from './rate-limit-keys.js';
import { revokeAllSessions } from './sessions.js';
import { sha256Hex } from './tokens.js';
import { consumeUserToken, discardUserTokens, issueUserToken } from './user-tokens.js';

const invalidLink = () => invalid('This reset link is invalid, expired or already used. Request a new one.');

/** Looks the user up and mails the link; runs after the answer is sent, so timing reveals nothing. */
async function mailResetLink(ctx: Context, email: string): Promise<void> {
  const em = ctx.em.fork();
  const user = await em.findOne(UserSchema, { email });
  if (!user?.isActive) return;
  try {
    await ctx.rateLimits.consume('passwordResetsPerAccount', user.id);
  } catch {
    ctx.logger.warn('password reset mails for one account are rate limited');
    return;
  }
  const token = await issueUserToken(em, user, 'reset_password');
  sendInBackground(ctx.mailer, passwordResetMail(user.email, ctx.env.APP_ORIGIN, token), ctx.logger);
}

/** auth.requestPasswordReset and auth.resetPassword. */
export const passwordResetProcedures = {
  requestPasswordReset: publicProcedure.input(requestPasswordResetInput).mutation(async ({ ctx, input }) => {
    await ctx.rateLimits.consume('passwordResetsPerIp', byNetwork(clientIp(ctx.http)));
    mailResetLink(ctx, input.email).catch((error: unknown) => {
      ctx.logger.error({ err: error }, 'preparing a password reset mail failed');
    });
    // The same answer whether or not the email has an account.
    return { ok: true as const };
  }),

  resetPassword: publicProcedure.input(resetPasswordInput).mutation(async ({ ctx, input }) => {
    const pending = await ctx.em.findOne(
      UserTokenSchema,
      {
        tokenHash: sha256Hex(input.token),
        purpose: 'reset_password',
        usedAt: null,
        expiresAt: { $gt: new Date() },
      },
      { populate: ['user'] },
    );
    if (!pending) throw invalidLink();
    const user = pending.user.getEntity();
    // Checked before the token is used up, so a refused password does not cost the user their link.
    assertPasswordAllowed(input.password, user.email);
    const passwordHash = await hashPassword(input.password);
    await ctx.em.transactional(async (tx) => {
      const userId = await consumeUserToken(tx, input.token, 'reset_password');
      if (userId !== user.id) throw invalidLink();
      // The mail reached them, so the address is theirs.
      await tx.nativeUpdate(
        UserSchema,
        { id: user.id },
        { passwordHash, isVerified: true, updatedAt: new Date() },
      );
      await revokeAllSessions(tx, user.id);
      await discardUserTokens(tx, user.id, 'reset_password');
    });
    ctx.sessions.forget(user.id);
    // A second factor stays on: the reset signs in nowhere, and the next sign-in still asks for it.
    alertOwner(ctx, user, 'password-changed');
    return { ok: true as const };
  }),
};
