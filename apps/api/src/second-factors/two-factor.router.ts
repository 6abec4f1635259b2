import { PasskeySchema, UserSchema } from '@taskapp/db';
import {
  disableTotpInput,
  enableTotpInput,
  regenerateRecoveryCodesInput,
  setupTotpInput,
} from '@taskapp/shared';
import { confirmOwnPassword } from '../auth/index.js';
import { invalid } from '../domain-error.js';
import type { Context } from '../trpc/context.js';
import { protectedProcedure, router } from '../trpc/init.js';
import { secretBoxFor } from './secret-box-for-env.js';
import { alertOwner } from './security-alerts.js';
import {
  acceptTotpCode,
  activeTotp,
  recoveryCodesLeft,
  removeTotp,
  replaceRecoveryCodes,
  startTotpSetup,
} from './totp-service.js';

const WRONG_CODE =
  'That code is not correct. Use the newest code your app shows (and check the phone’s clock).';

type Ctx = Pick<Context, 'em' | 'env' | 'now' | 'rateLimits'> & { userId: string };

/** A code of the person's TOTP, counted against their limit of wrong codes; refused with the field's message. */
async function requireCode(ctx: Ctx, code: string, state: 'pending' | 'active'): Promise<void> {
  await ctx.rateLimits.consume('secondFactorFailuresPerUser', ctx.userId);
  const deps = { em: ctx.em, box: secretBoxFor(ctx.env), now: ctx.now() };
  if (!(await acceptTotpCode(deps, ctx.userId, code, state))) throw invalid(WRONG_CODE, 'code');
  await ctx.rateLimits.refund('secondFactorFailuresPerUser', ctx.userId);
}

/** account.twoFactor: TOTP with recovery codes (issue 17). Turning it on or off mails the owner. */
export const twoFactorRouter = router({
  status: protectedProcedure.query(async ({ ctx }) => {
    const passkeys = await ctx.em.find(
      PasskeySchema,
      { user: ctx.userId },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    return {
      totp: (await activeTotp(ctx.em, ctx.userId)) !== null,
      recoveryCodesLeft: await recoveryCodesLeft(ctx.em, ctx.userId),
      passkeys: passkeys.map(({ id, name, createdAt, lastUsedAt }) => ({ id, name, createdAt, lastUsedAt })),
    };
  }),

  /** A new secret to scan or type; nothing changes at sign-in until a code from it is confirmed. */
  setupTotp: protectedProcedure.input(setupTotpInput).mutation(async ({ ctx, input }) => {
    const user = await confirmOwnPassword(ctx, ctx.userId, input.password, 'password');
    return startTotpSetup({ em: ctx.em, box: secretBoxFor(ctx.env), now: ctx.now() }, user);
  }),

  /** A code from the new secret turns it on; the ten recovery codes are in this answer and nowhere else. */
  enableTotp: protectedProcedure.input(enableTotpInput).mutation(async ({ ctx, input }) => {
    await requireCode(ctx, input.code, 'pending');
    const user = await ctx.em.findOneOrFail(UserSchema, ctx.userId);
    const recoveryCodes = await replaceRecoveryCodes(ctx.em, user, ctx.now());
    alertOwner(ctx, user, 'totp-on');
    return { recoveryCodes };
  }),

  disableTotp: protectedProcedure.input(disableTotpInput).mutation(async ({ ctx, input }) => {
    const user = await confirmOwnPassword(ctx, ctx.userId, input.password, 'password');
    await requireCode(ctx, input.code, 'active');
    await removeTotp(ctx.em, ctx.userId);
    alertOwner(ctx, user, 'totp-off');
    return { ok: true as const };
  }),

  regenerateRecoveryCodes: protectedProcedure
    .input(regenerateRecoveryCodesInput)
    .mutation(async ({ ctx, input }) => {
      await requireCode(ctx, input.code, 'active');
      const user = await ctx.em.findOneOrFail(UserSchema, ctx.userId);
      return { recoveryCodes: await replaceRecoveryCodes(ctx.em, user, ctx.now()) };
    }),
});
