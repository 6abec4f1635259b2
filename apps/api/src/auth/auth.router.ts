import { UserSchema, UserSettingsSchema } from '@taskapp/db';
import { completeMfaInput, loginInput, registerInput } from '@taskapp/shared';
import { conflict, unauthorized } from '../domain-error.js';
import { sendInBackground, verificationMail } from '../mail/index.js';
import { completeMfa, mfaChallenge, secondFactorMethods } from '../second-factors/index.js';
import { postgresTimeZone } from '../time-zones.js';
import { protectedProcedure, publicProcedure, router } from '../trpc/init.js';
import { clientIp, userAgent } from '../trpc/request-meta.js';
import { assertSameOrigin } from '../trpc/same-origin.js';
import { emailVerificationProcedures } from './email-verification.procedures.js';
import { passkeySignInProcedures } from './passkey-sign-in.procedures.js';
import { assertPasswordAllowed } from './password-policy.js';
import { passwordResetProcedures } from './password-reset.procedures.js';
import { hashPassword, verifyPasswordOrDummy } from './passwords.js';
import { byEmail, byEmailAndNetwork, byNetwork } from './rate-limit-keys.js';
import { refreshCookie } from './refresh-cookie.js';
import { rotateRefreshToken } from './refresh-rotation.js';
import { revokeSessionOfRefreshToken } from './sessions.js';
import { signInAndAlert } from './sign-in-and-alert.js';
import { sessionAnswer, signIn } from './sign-in-answer.js';
import { toUserDto } from './user-dto.js';
import { issueUserToken } from './user-tokens.js';

const WRONG_CREDENTIALS = 'Email or password is incorrect.';
const SESSION_ENDED = 'Your session has ended. Please sign in again.';

const emailTaken = () => conflict('An account with this email already exists. Sign in instead.', 'email');

export const authRouter = router({
  register: publicProcedure.input(registerInput).mutation(async ({ ctx, input }) => {
    await ctx.rateLimits.consume('registrationsPerIp', byNetwork(clientIp(ctx.http)));
    assertPasswordAllowed(input.password, input.email);
    const timeZone = input.timeZone && (await postgresTimeZone(ctx.queries, input.timeZone));
    if (await ctx.em.count(UserSchema, { email: input.email })) throw emailTaken();
    const passwordHash = await hashPassword(input.password);
    // One transaction: a crash leaves either a whole account (with its first session) or nothing.
    const { answer, user, verifyToken } = await ctx.em
      .transactional(async (tx) => {
        const user = tx.create(UserSchema, { email: input.email, name: input.name, passwordHash });
        if (timeZone) tx.create(UserSettingsSchema, { user, timeZone });
        const verifyToken = await issueUserToken(tx, user, 'verify_email');
        return { answer: await signIn(ctx, tx, user), user, verifyToken };
      })
      .catch((error: unknown) => {
        if ((error as { name?: string }).name === 'UniqueConstraintViolationException') throw emailTaken();
        throw error;
      });
    sendInBackground(ctx.mailer, verificationMail(user.email, ctx.env.APP_ORIGIN, verifyToken), ctx.logger);
    return answer;
  }),

  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const ip = clientIp(ctx.http);
    const pair = byEmailAndNetwork(input.email, ip);
    // Every attempt spends its points before the password is checked, so guesses sent in parallel
    // cannot slip past the limits; a successful sign-in gives them back. The network's own limits come
    // first, so a blocked guesser no longer spends the account's loose ceiling.
    await ctx.rateLimits.consume('loginFailuresPerIp', byNetwork(ip));
    await ctx.rateLimits.consume('loginFailuresPerAccountAndIp', pair);
    await ctx.rateLimits.consume('loginFailuresPerAccount', byEmail(input.email));
    const user = await ctx.em.findOne(UserSchema, { email: input.email });
    // Unknown email, wrong password and deactivated account take the same time and give the same answer.
    const passwordMatches = await verifyPasswordOrDummy(user?.passwordHash, input.password);
    if (!user || !passwordMatches || !user.isActive) throw unauthorized(WRONG_CREDENTIALS);
    await ctx.rateLimits.reset('loginFailuresPerAccountAndIp', pair);
    await ctx.rateLimits.refund('loginFailuresPerAccount', byEmail(input.email));
    await ctx.rateLimits.refund('loginFailuresPerIp', byNetwork(ip));
    // With a second factor on, the right password earns only a ticket for the next step: no session yet.
    const methods = await secondFactorMethods(ctx.em, user.id);
    if (methods) return mfaChallenge(ctx, user, methods);
    return signInAndAlert(ctx, user);
  }),

  /** The second step of a sign-in with 2FA: the ticket from auth.login and a TOTP or recovery code. */
  completeMfa: publicProcedure.input(completeMfaInput).mutation(async ({ ctx, input }) => {
    const user = await completeMfa(ctx, input);
    if (!user.isActive) throw unauthorized(WRONG_CREDENTIALS);
    return signInAndAlert(ctx, user);
  }),

  refresh: publicProcedure.mutation(async ({ ctx }) => {
    assertSameOrigin(ctx);
    const cookie = refreshCookie(ctx.http, ctx.env);
    const token = cookie.read();
    if (!token) {
      cookie.clear(); // a stale signed-in marker would make the app try again on every visit
      throw unauthorized(SESSION_ENDED);
    }
    const rotation = await rotateRefreshToken(ctx.em, token, {
      userAgent: userAgent(ctx.http),
      secret: ctx.env.AUTH_SECRET,
      now: ctx.now(),
    });
    if (rotation.kind !== 'rotated') {
      if (rotation.kind === 'reused') {
        ctx.logger.warn('a rotated refresh token was presented again; session revoked');
        ctx.sessions.forget();
      }
      cookie.clear();
      throw unauthorized(SESSION_ENDED);
    }
    cookie.set(rotation.refreshToken, rotation.session.expiresAt, {
      userId: rotation.user.id,
      sessionId: rotation.session.id,
    });
    return sessionAnswer(rotation.user, rotation.session.id, ctx.env.AUTH_SECRET);
  }),

  logout: publicProcedure.mutation(async ({ ctx }) => {
    assertSameOrigin(ctx);
    const cookie = refreshCookie(ctx.http, ctx.env);
    const token = cookie.read();
    if (token && (await revokeSessionOfRefreshToken(ctx.em, token)) > 0) ctx.sessions.forget();
    cookie.clear();
    return { ok: true as const };
  }),

  me: protectedProcedure.query(async ({ ctx }) => {
    return toUserDto(await ctx.em.findOneOrFail(UserSchema, ctx.userId));
  }),

  ...emailVerificationProcedures,
  ...passwordResetProcedures,
  ...passkeySignInProcedures,
});
