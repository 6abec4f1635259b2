import { SessionSchema, UserSchema } from '@taskapp/db';
import { toUserDto } from '../auth/index.js';
import type { Context } from '../trpc/context.js';
import { toSessionDto } from './session-dto.js';

/**
 * Everything the data export holds but the tasks: the account (never its password hash), its settings,
 * its sessions, projects and labels (small: bounded by the per-user limits). The tRPC
 * `account.exportData` adds the tasks in one piece; the streamed download (export-download.ts) writes
 * these first and then the tasks a page at a time.
 */
export async function exportedAccount(
  ctx: Pick<Context, 'em' | 'queries'>,
  userId: string,
  currentSessionId: string,
) {
  const user = await ctx.em.findOneOrFail(UserSchema, userId);
  const settings = await ctx.queries.settings.of(userId);
  const sessions = await ctx.em.find(SessionSchema, { user: userId }, { orderBy: { createdAt: 'asc' } });
  return {
    exportedAt: new Date(),
    user: { ...toUserDto(user), isActive: user.isActive, updatedAt: user.updatedAt },
    settings,
    sessions: sessions.map((session) => toSessionDto(session, currentSessionId)),
    projects: await ctx.queries.exports.projectsOf(userId),
    labels: await ctx.queries.exports.labelsOf(userId),
  };
}
