import { SessionSchema, UserSchema } from '@taskapp/db';
import {
  changePasswordInput,
  confirmPasswordInput,
  deleteAccountInput,
  revokeSessionInput,
  updateProfileInput,
} from '@taskapp/shared';
import {
  assertPasswordAllowed,
  confirmOwnPassword,
  discardUserTokens,
  hashPassword,
  markSignedInNow,
  refreshCookie,
  requireRecentSignIn,
  revokeOtherSessions,
  revokeSession,
  toUserDto,
} from '../auth/index.js';
import { notFound } from '../domain-error.js';
import { alertOwner } from '../second-factors/index.js';
import { passkeysRouter } from '../second-factors/passkeys.router.js';
import { twoFactorRouter } from '../second-factors/two-factor.router.js';
import { asExport } from '../trpc/heavy-reads.js';
import { protectedProcedure, router } from '../trpc/init.js';
import { exportedAccount } from './export-data.js';
import { toSessionDto } from './session-dto.js';
import { settingsProcedures } from './settings.procedures.js';

export const accountRouter = router({
  twoFactor: twoFactorRouter,
  passkeys: passkeysRouter,
  ...settingsProcedures,

  updateProfile: protectedProcedure.input(updateProfileInput).mutation(async ({ ctx, input }) => {
    const user = await ctx.em.findOneOrFail(UserSchema, ctx.userId);
    user.name = input.name;
    await ctx.em.flush();
    return toUserDto(user);
  }),

  changePassword: protectedProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    const user = await confirmOwnPassword(ctx, ctx.userId, input.currentPassword, 'currentPassword');
    assertPasswordAllowed(input.newPassword, user.email, 'newPassword');
    user.passwordHash = await hashPassword(input.newPassword);
    await ctx.em.flush();
    // Whoever else knew the old password is signed out; this device stays signed in.
    await revokeOtherSessions(ctx.em, ctx.userId, ctx.session.sessionId);
    ctx.sessions.forget(ctx.userId);
    await discardUserTokens(ctx.em, ctx.userId, 'reset_password');
    alertOwner(ctx, user, 'password-changed');
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
      throw notFound('That session does not exist or has already ended.');
    }
    ctx.sessions.forget(ctx.userId);
    if (input.id === ctx.session.sessionId) refreshCookie(ctx.http, ctx.env).clear();
    return { ok: true as const };
  }),

  revokeOtherSessions: protectedProcedure.mutation(async ({ ctx }) => {
    const count = await revokeOtherSessions(ctx.em, ctx.userId, ctx.session.sessionId);
    ctx.sessions.forget(ctx.userId);
    return { count };
  }),

  /** The password again, so a sensitive action (the data export) sees a recent sign-in on this session. */
  confirmPassword: protectedProcedure.input(confirmPasswordInput).mutation(async ({ ctx, input }) => {
    await confirmOwnPassword(ctx, ctx.userId, input.password, 'password');
    await markSignedInNow(ctx.em, ctx.session.sessionId, ctx.now());
    return { ok: true as const };
  }),

  exportData: protectedProcedure.query(async ({ ctx }) => {
    await requireRecentSignIn(ctx.em, ctx.session.sessionId, ctx.now());
    return asExport(ctx, ctx.userId, async () => {
      const account = await exportedAccount(ctx, ctx.userId, ctx.session.sessionId);
      const tasks = await ctx.queries.tasks.allOf(ctx.userId);
      return { ...account, tasks };
    });
  }),

  delete: protectedProcedure.input(deleteAccountInput).mutation(async ({ ctx, input }) => {
    await confirmOwnPassword(ctx, ctx.userId, input.password, 'password');
    // Tasks, sessions and mailed tokens go with the user (ON DELETE CASCADE).
    await ctx.em.nativeDelete(UserSchema, { id: ctx.userId });
    ctx.sessions.forget(ctx.userId);
    refreshCookie(ctx.http, ctx.env).clear();
    return { ok: true as const };
  }),
});
