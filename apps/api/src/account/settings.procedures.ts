import { updateSettingsInput } from '@taskapp/shared';
import { postgresTimeZone } from '../time-zones.js';
import { protectedProcedure } from '../trpc/init.js';

/** account.settings and account.updateSettings: the caller's own settings, defaults until first saved. */
export const settingsProcedures = {
  settings: protectedProcedure.query(({ ctx }) => ctx.queries.settings.of(ctx.userId)),

  updateSettings: protectedProcedure.input(updateSettingsInput).mutation(async ({ ctx, input }) => {
    const timeZone = input.timeZone && (await postgresTimeZone(ctx.queries, input.timeZone));
    return ctx.queries.settings.update(ctx.userId, { ...input, timeZone });
  }),
};
