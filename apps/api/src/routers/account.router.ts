import { SessionSchema, TaskSchema, UserSchema } from '@taskapp/db';
import {
  changePasswordInput,
  deleteAccountInput,
  revokeSessionInput,
  updateProfileInput,
} from '@taskapp/shared';
import { TRPCError } from '@trpc/server';
import { assertPasswordAllowed, fieldError } from '../services/password-policy.js';
import { hashPassword, verifyPassword } from '../services/passwords.js';
import { clearRefreshCookie } from '../services/refresh-cookie.js';
import { revokeOtherSessions, revokeSession } from '../services/sessions.js';
import { discardUserTokens } from '../services/user-tokens.js';
import type { Context } from '../trpc/context.js';
import { protectedProcedure, router } from '../trpc/init.js';
import { toSessionDto, toTaskDto, toUserDto } from './dto.js';

/** Re-checks the password of a signed-in user before a sensitive change; guessing counts as failed logins. */
async function assertOwnPassword(ctx: Context & { userId: string }, password: string, field: string) {
  const user = await ctx.em.findOneOrFail(UserSchema, ctx.userId);
  await ctx.rateLimits.consume('loginFailuresPerAccount', user.email);
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw fieldError('BAD_REQUEST', field, 'That password is not correct.');
  }
  await ctx.rateLimits.refund('loginFailuresPerAccount', user.email);
  return user;
}

export const accountRouter = router({
  updateProfile: protectedProcedure.input(updateProfileInput).mutation(async ({ ctx, input }) => {
    const user = await ctx.em.findOneOrFail(UserSchema, ctx.userId);
    user.name = input.name;
    await ctx.em.flush();
    return toUserDto(user);
  }),

  changePassword: protectedProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    const user = await assertOwnPassword(ctx, input.currentPassword, 'currentPassword');
    assertPasswordAllowed(input.newPassword, user.email, 'newPassword');
    user.passwordHash = await hashPassword(input.newPassword);
    await ctx.em.flush();
    // Whoever else knew the old password is signed out; this device stays signed in.
    await revokeOtherSessions(ctx.em, ctx.userId, ctx.session.sessionId);
    await discardUserTokens(ctx.em, ctx.userId, 'reset_password');
    return { ok: true as const };
  }),

  sessions: protectedProcedure.query(async ({ ctx }) => {
    const sessions = await ctx.em.find(
      SessionSchema,
      { user: ctx.userId, expiresAt: { $gt: new Date() } },
      { orderBy: { lastUsedAt: 'desc', id: 'asc' } },
    );
    return sessions.map((session) => toSessionDto(session, ctx.session.sessionId));
  }),

  revokeSession: protectedProcedure.input(revokeSessionInput).mutation(async ({ ctx, input }) => {
    // Someone else's session id behaves exactly like one that does not exist.
    if (!(await revokeSession(ctx.em, ctx.userId, input.id))) {
      throw new TRPCError({
        code: 'NOT_FOUND',
        message: 'That session does not exist or has already ended.',
      });
    }
    if (input.id === ctx.session.sessionId) clearRefreshCookie(ctx.http, ctx.env.NODE_ENV === 'production');
    return { ok: true as const };
  }),

  revokeOtherSessions: protectedProcedure.mutation(async ({ ctx }) => {
    return { count: await revokeOtherSessions(ctx.em, ctx.userId, ctx.session.sessionId) };
  }),

  exportData: protectedProcedure.query(async ({ ctx }) => {
    const user = await ctx.em.findOneOrFail(UserSchema, ctx.userId);
    const tasks = await ctx.em.find(
      TaskSchema,
      { user: ctx.userId },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    const sessions = await ctx.em.find(
      SessionSchema,
      { user: ctx.userId },
      { orderBy: { createdAt: 'asc' } },
    );
    return {
      exportedAt: new Date(),
      user: { ...toUserDto(user), isActive: user.isActive, updatedAt: user.updatedAt },
      tasks: tasks.map(toTaskDto),
      sessions: sessions.map((session) => toSessionDto(session, ctx.session.sessionId)),
    };
  }),

  delete: protectedProcedure.input(deleteAccountInput).mutation(async ({ ctx, input }) => {
    await assertOwnPassword(ctx, input.password, 'password');
    // Tasks, sessions and mailed tokens go with the user (ON DELETE CASCADE).
    await ctx.em.nativeDelete(UserSchema, { id: ctx.userId });
    clearRefreshCookie(ctx.http, ctx.env.NODE_ENV === 'production');
    return { ok: true as const };
  }),
});
