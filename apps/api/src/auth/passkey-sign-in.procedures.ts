import { passkeyLoginInput, passkeyOptionsInput } from '@taskapp/shared';
import { passkeySignIn, passkeySignInOptions } from '../second-factors/index.js';
import { publicProcedure } from '../trpc/init.js';
import { clientIp } from '../trpc/request-meta.js';
import { byNetwork } from './rate-limit-keys.js';
import { signInAndAlert } from './sign-in-and-alert.js';

/** auth.passkeyOptions and auth.passkeyLogin: a passkey alone, or as the second factor of a sign-in. */
export const passkeySignInProcedures = {
  passkeyOptions: publicProcedure.input(passkeyOptionsInput).mutation(async ({ ctx, input }) => {
    // Each call stores a challenge: strangers must not fill the table.
    await ctx.rateLimits.consume('passkeyChallengesPerIp', byNetwork(clientIp(ctx.http)));
    return passkeySignInOptions(ctx, input?.mfaTicket);
  }),

  passkeyLogin: publicProcedure.input(passkeyLoginInput).mutation(async ({ ctx, input }) => {
    // Spent before the answer is checked and given back when it signs in, like a password's attempt.
    const network = byNetwork(clientIp(ctx.http));
    await ctx.rateLimits.consume('loginFailuresPerIp', network);
    const user = await passkeySignIn(ctx, input);
    await ctx.rateLimits.refund('loginFailuresPerIp', network);
    return signInAndAlert(ctx, user);
  }),
};
