import { UserSchema } from '@taskapp/db';
import { verifyEmailInput } from '@taskapp/shared';
import { invalid } from '../domain-error.js';
import { sendInBackground, verificationMail } from '../mail/index.js';
import { protectedProcedure, publicProcedure } from '../trpc/init.js';
import { consumeUserToken, discardUserTokens, issueUserToken } from './user-tokens.js';

/** auth.requestEmailVerification and auth.verifyEmail. */
export const emailVerificationProcedures = {
  requestEmailVerification: protectedProcedure.mutation(async ({ ctx }) => {
    await ctx.rateLimits.consume('verificationMailsPerUser', ctx.userId);
    const user = await ctx.em.findOneOrFail(UserSchema, ctx.userId);
    if (!user.isVerified) {
      const token = await issueUserToken(ctx.em, user, 'verify_email');
      sendInBackground(ctx.mailer, verificationMail(user.email, ctx.env.APP_ORIGIN, token), ctx.logger);
    }
    return { ok: true as const };
  }),

  verifyEmail: publicProcedure.input(verifyEmailInput).mutation(async ({ ctx, input }) => {
    const userId = await consumeUserToken(ctx.em, input.token, 'verify_email');
    if (!userId) {
      throw invalid(
        'This confirmation link is invalid, expired or already used. Request a new one from the app.',
      );
    }
    await ctx.em.nativeUpdate(UserSchema, { id: userId }, { isVerified: true, updatedAt: new Date() });
    await discardUserTokens(ctx.em, userId, 'verify_email');
    return { ok: true as const };
  }),
};
