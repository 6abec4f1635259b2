import { PasskeySchema } from '@taskapp/db';
import { deletePasskeyInput, registerPasskeyInput, renamePasskeyInput } from '@taskapp/shared';
import { confirmOwnPassword } from '../auth/index.js';
import { notFound } from '../domain-error.js';
import { protectedProcedure, router } from '../trpc/init.js';
import { registerPasskey, registrationOptions, toPasskeyDto } from './passkey-registration.js';

const NO_SUCH_PASSKEY = 'This passkey does not exist.';

/** account.passkeys (issue 17); account.twoFactor.status lists them. */
export const passkeysRouter = router({
  /** Options for navigator.credentials.create; the challenge in them is good once, for 5 minutes. */
  registrationOptions: protectedProcedure.mutation(({ ctx }) => registrationOptions(ctx)),

  register: protectedProcedure
    .input(registerPasskeyInput)
    .mutation(({ ctx, input }) => registerPasskey(ctx, input)),

  rename: protectedProcedure.input(renamePasskeyInput).mutation(async ({ ctx, input }) => {
    const passkey = await ctx.em.findOne(PasskeySchema, { id: input.id, user: ctx.userId });
    if (!passkey) throw notFound(NO_SUCH_PASSKEY);
    passkey.name = input.name;
    await ctx.em.flush();
    return toPasskeyDto(passkey);
  }),

  delete: protectedProcedure.input(deletePasskeyInput).mutation(async ({ ctx, input }) => {
    const passkey = await ctx.em.findOne(PasskeySchema, { id: input.id, user: ctx.userId });
    if (!passkey) throw notFound(NO_SUCH_PASSKEY);
    await confirmOwnPassword(ctx, ctx.userId, input.password, 'password');
    await ctx.em.nativeDelete(PasskeySchema, { id: passkey.id, user: ctx.userId });
    return { ok: true as const };
  }),
});
