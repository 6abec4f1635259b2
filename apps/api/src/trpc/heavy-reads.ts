import { LIMITS } from '@taskapp/shared';
import { invalid, rateLimited } from '../domain-error.js';
import type { Context } from './context.js';

// Per API instance: a person's searches, stats and exports that are running right now.
const running = new Map<string, number>();
const exporting = new Set<string>();
/** When each person's last export finished. */
const exportedAt = new Map<string, number>();

/** PostgreSQL's "canceling statement due to statement timeout". */
const isStatementTimeout = (error: unknown) => (error as { code?: unknown } | null)?.code === '57014';

/**
 * Runs a read whose cost grows with what the user stores (a search, the stats, the export). At most
 * LIMITS.heavyReadsPerUser of one person's run at once, so a batch of twenty pathological searches
 * mostly answers TOO_MANY_REQUESTS instead of occupying the database; one that outlives its statement
 * timeout is a TOO_MANY_REQUESTS too, never a 500.
 */
export async function asHeavyRead<T>(userId: string, work: () => Promise<T>): Promise<T> {
  const count = running.get(userId) ?? 0;
  if (count >= LIMITS.heavyReadsPerUser) {
    throw rateLimited('Too many searches or exports at once. Wait for the ones running to finish.');
  }
  running.set(userId, count + 1);
  try {
    return await work();
  } catch (error) {
    if (isStatementTimeout(error)) throw rateLimited('That took too long to answer. Try again in a moment.');
    throw error;
  } finally {
    const left = (running.get(userId) ?? 1) - 1;
    if (left > 0) running.set(userId, left);
    else running.delete(userId);
  }
}

/** Keeps the map of last exports small: entries older than the interval decide nothing. */
function forgetOldExports() {
  const cutoff = Date.now() - LIMITS.exportIntervalMs;
  for (const [userId, at] of exportedAt) if (at < cutoff) exportedAt.delete(userId);
}

/**
 * The data export: alone in its HTTP request (a batch of twenty exports was twenty copies of everything
 * in one buffered answer), one at a time per person, and not again within LIMITS.exportIntervalMs (an
 * export is serialized in one piece; back to back they would keep the event loop busy for everyone).
 */
export async function asExport<T>(ctx: Pick<Context, 'http'>, userId: string, work: () => Promise<T>) {
  // The path names the calls ("account.exportData,task.list"); the query string may hold commas too.
  const path = ctx.http?.req.url?.split('?')[0] ?? '';
  if (path.includes(',')) {
    throw invalid('Export can’t be batched with other calls. Request it on its own.');
  }
  if (exporting.has(userId)) {
    throw rateLimited('An export of your data is already running. Wait for it to finish.');
  }
  const since = Date.now() - (exportedAt.get(userId) ?? 0);
  if (since < LIMITS.exportIntervalMs) {
    const seconds = Math.ceil((LIMITS.exportIntervalMs - since) / 1000);
    throw rateLimited(`You exported your data moments ago. Try again in ${seconds} s.`);
  }
  exporting.add(userId);
  try {
    return await asHeavyRead(userId, work);
  } finally {
    exporting.delete(userId);
    exportedAt.set(userId, Date.now());
    forgetOldExports();
  }
}
