import { LIMITS } from '@taskapp/shared';
import { invalid, rateLimited } from '../domain-error.js';
import type { Context } from './context.js';
import { userLanes } from './user-lanes.js';

const exporting = new Set<string>();
/** Until when each person's next export waits: a pause after a big export, none after a small one. */
const exportPausedUntil = new Map<string, number>();

/** Per API instance: one person's searches, stats and exports running now, and those waiting a turn. */
const heavyLanes = userLanes({
  running: LIMITS.heavyReadsPerUser,
  queued: LIMITS.heavyReadsQueuedPerUser,
  refusal: 'Too many searches or exports at once. Wait for the ones running to finish.',
});

/** PostgreSQL's "canceling statement due to statement timeout". */
const isStatementTimeout = (error: unknown) => (error as { code?: unknown } | null)?.code === '57014';

/**
 * Runs a read whose cost grows with what the user stores (a search, the stats, the export). At most
 * LIMITS.heavyReadsPerUser of one person's run at once and LIMITS.heavyReadsQueuedPerUser wait their
 * turn (beyond both, TOO_MANY_REQUESTS), so a batch of twenty pathological searches occupies two
 * database connections of the heavy-read pool, while a person's ordinary burst (a search typed fast,
 * the counts beside a list) just waits a moment. One that outlives its statement timeout is a TOO_MANY_REQUESTS too,
 * never a 500.
 */
export async function asHeavyRead<T>(userId: string, work: () => Promise<T>): Promise<T> {
  try {
    return await heavyLanes.run(userId, work);
  } catch (error) {
    if (isStatementTimeout(error)) throw rateLimited('That took too long to answer. Try again in a moment.');
    throw error;
  }
}

/** Keeps the map small: pauses that have ended decide nothing. */
function forgetEndedPauses(now: number) {
  for (const [userId, until] of exportPausedUntil) if (until <= now) exportPausedUntil.delete(userId);
}

/**
 * The data export: alone in its HTTP request (a batch of twenty exports was twenty copies of everything
 * in one buffered answer), one at a time per person, and after a big one a pause before the next
 * (LIMITS.exportPauseMs after more than LIMITS.exportPauseFromTasks tasks): an export is serialized in
 * one piece, and big ones back to back would keep the event loop busy for everyone.
 */
export async function asExport<T extends { tasks: readonly unknown[] }>(
  ctx: Pick<Context, 'http'>,
  userId: string,
  work: () => Promise<T>,
): Promise<T> {
  // The path names the calls ("account.exportData,task.list"); the query string may hold commas too.
  const path = ctx.http?.req.url?.split('?')[0] ?? '';
  if (path.includes(',')) {
    throw invalid('Export can’t be batched with other calls. Request it on its own.');
  }
  return asOneExport(userId, async (exported) => {
    const result = await work();
    exported.tasks = result.tasks.length;
    return result;
  });
}

/**
 * One export of a person's data, whichever way it is served (the tRPC procedure, the streamed download):
 * refused while another of theirs runs or while the pause after a big one lasts, and counted as a heavy
 * read. `work` counts the tasks it exported in `exported.tasks` (as it goes, for a stream), so an export
 * cut short after many tasks still makes the next one wait.
 */
export async function asOneExport<T>(
  userId: string,
  work: (exported: { tasks: number }) => Promise<T>,
): Promise<T> {
  if (exporting.has(userId)) {
    throw rateLimited('An export of your data is already running. Wait for it to finish.');
  }
  const wait = (exportPausedUntil.get(userId) ?? 0) - Date.now();
  if (wait > 0) {
    throw rateLimited(`You exported your data moments ago. Try again in ${Math.ceil(wait / 1000)} s.`);
  }
  exporting.add(userId);
  const exported = { tasks: 0 };
  try {
    return await asHeavyRead(userId, () => work(exported));
  } finally {
    exporting.delete(userId);
    const now = Date.now();
    forgetEndedPauses(now);
    if (exported.tasks > LIMITS.exportPauseFromTasks)
      exportPausedUntil.set(userId, now + LIMITS.exportPauseMs);
  }
}
