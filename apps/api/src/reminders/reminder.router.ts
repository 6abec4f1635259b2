import { type DeliveredReminder, recentRemindersInput } from '@taskapp/shared';
import { protectedProcedure, router } from '../trpc/init.js';

const RECENT_DEFAULT = 20;

export const reminderRouter = router({
  /** The caller's latest delivered reminders, newest first: the web app's bell list. */
  recent: protectedProcedure.input(recentRemindersInput).query(
    async ({ ctx, input }): Promise<{ reminders: DeliveredReminder[] }> => ({
      reminders: await ctx.queries.reminders.recent(ctx.userId, input?.limit ?? RECENT_DEFAULT),
    }),
  ),
});
