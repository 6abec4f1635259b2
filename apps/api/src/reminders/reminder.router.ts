import { type RecentReminders, recentRemindersInput } from '@taskapp/shared';
import { protectedProcedure, router } from '../trpc/init.js';

const RECENT_DEFAULT = 20;

export const reminderRouter = router({
  /**
   * The caller's latest delivered reminders, newest first (the web app's bell list), and when the next one
   * is due, so an open app asks again then instead of up to a minute later.
   */
  recent: protectedProcedure
    .input(recentRemindersInput)
    .query(async ({ ctx, input }): Promise<RecentReminders> => {
      const [reminders, nextAt] = await Promise.all([
        ctx.queries.reminders.recent(ctx.userId, input?.limit ?? RECENT_DEFAULT),
        ctx.queries.reminders.nextUndelivered(ctx.userId),
      ]);
      return { reminders, nextAt };
    }),
});
