import { updateSettingsInput } from '@taskapp/shared';
import { assertPostgresTimeZone } from '../time-zones.js';
import { protectedProcedure } from '../trpc/init.js';

/** account.settings and account.updateSettings: the caller's own settings, defaults until first saved. */
export const settingsProcedures = {
  settings: protectedProcedure.query(({ ctx }) => ctx.queries.settings.of(ctx.userId)),

  updateSettings: protectedProcedure.input(updateSettingsInput).mutation(async ({ ctx, input }) => {
    if (input.timeZone !== undefined) await assertPostgresTimeZone(ctx.queries, input.timeZone);
    return ctx.queries.settings.update(ctx.userId, input);
  }),
};
