import { SessionSchema, UserSchema } from '@taskapp/db';
import { loginInput, registerInput } from '@taskapp/shared';
import { TRPCError } from '@trpc/server';
import { signAccessToken } from '../services/access-token.js';
import { startSession } from '../services/auth-session.js';
import { sendInBackground } from '../services/mail.js';
import { verificationMail } from '../services/mail-templates.js';
import { assertPasswordAllowed, fieldError } from '../services/password-policy.js';
import { hashPassword, verifyPasswordOrDummy } from '../services/passwords.js';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from '../services/refresh-cookie.js';
import { assertSameOrigin, clientIp, userAgent } from '../services/request-meta.js';
import { sha256Hex } from '../services/secrets.js';
import { rotateSession } from '../services/sessions.js';
import { issueUserToken } from '../services/user-tokens.js';
import { protectedProcedure, publicProcedure, router } from '../trpc/init.js';
import { emailRouter } from './auth/email.procedures.js';
import { passwordResetRouter } from './auth/password-reset.procedures.js';
import { toUserDto } from './dto.js';

const WRONG_CREDENTIALS = 'Email or password is incorrect.';
const SESSION_ENDED = 'Your session has ended. Please sign in again.';

export const authRouter = router({
  register: publicProcedure.input(registerInput).mutation(async ({ ctx, input }) => {
    await ctx.rateLimits.consume('registrationsPerIp', clientIp(ctx));
    assertPasswordAllowed(input.password, input.email);
    if (await ctx.em.count(UserSchema, { email: input.email })) {
      throw fieldError('CONFLICT', 'email', 'An account with this email already exists. Sign in instead.');
    }
    const passwordHash = await hashPassword(input.password);
    // One transaction: a crash leaves either a whole account (with its first session) or nothing.
    const { result, user, verifyToken } = await ctx.em
      .transactional(async (tx) => {
        const user = tx.create(UserSchema, { email: input.email, name: input.name, passwordHash });
        const verifyToken = await issueUserToken(tx, user, 'verify_email');
        return { result: await startSession(ctx, tx, user), user, verifyToken };
      })
      .catch((error: unknown) => {
        if ((error as { name?: string }).name === 'UniqueConstraintViolationException') {
          throw fieldError(
            'CONFLICT',
            'email',
            'An account with this email already exists. Sign in instead.',
          );
        }
        throw error;
      });
    sendInBackground(
      ctx.mailer,
      verificationMail(user.email, user.name, ctx.env.APP_ORIGIN, verifyToken),
      ctx.logger,
    );
    return result;
  }),

  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const ip = clientIp(ctx);
    // Every attempt spends a point before the password is checked, so guesses sent in parallel
    // cannot slip past the limit; a successful sign-in gives the points back.
    await ctx.rateLimits.consume('loginFailuresPerAccount', input.email);
    await ctx.rateLimits.consume('loginFailuresPerIp', ip);
    const user = await ctx.em.findOne(UserSchema, { email: input.email });
    // Unknown email, wrong password and deactivated account take the same time and give the same answer.
    const passwordMatches = await verifyPasswordOrDummy(user?.passwordHash, input.password);
    if (!user || !passwordMatches || !user.isActive) {
      throw new TRPCError({ code: 'UNAUTHORIZED', message: WRONG_CREDENTIALS });
    }
    await ctx.rateLimits.reset('loginFailuresPerAccount', input.email);
    await ctx.rateLimits.refund('loginFailuresPerIp', ip);
    return startSession(ctx, ctx.em, user);
  }),

  refresh: publicProcedure.mutation(async ({ ctx }) => {
    assertSameOrigin(ctx);
    const secure = ctx.env.NODE_ENV === 'production';
    const token = readRefreshCookie(ctx.http);
    if (!token) throw new TRPCError({ code: 'UNAUTHORIZED', message: SESSION_ENDED });
    const rotation = await rotateSession(ctx.em, token, userAgent(ctx));
    if (rotation.kind !== 'rotated') {
      if (rotation.kind === 'reused')
        ctx.logger.warn('a rotated refresh token was presented again; session revoked');
      clearRefreshCookie(ctx.http, secure);
      throw new TRPCError({ code: 'UNAUTHORIZED', message: SESSION_ENDED });
    }
    setRefreshCookie(ctx.http, rotation.refreshToken, rotation.session.expiresAt, secure);
    const access = await signAccessToken(
      { userId: rotation.user.id, sessionId: rotation.session.id },
      ctx.env.AUTH_SECRET,
    );
    return { user: toUserDto(rotation.user), ...access };
  }),

  logout: publicProcedure.mutation(async ({ ctx }) => {
    assertSameOrigin(ctx);
    const token = readRefreshCookie(ctx.http);
    if (token) await ctx.em.nativeDelete(SessionSchema, { tokenHash: sha256Hex(token) });
    clearRefreshCookie(ctx.http, ctx.env.NODE_ENV === 'production');
    return { ok: true as const };
  }),

  me: protectedProcedure.query(async ({ ctx }) => {
    return toUserDto(await ctx.em.findOneOrFail(UserSchema, ctx.userId));
  }),

  ...emailRouter,
  ...passwordResetRouter,
});
