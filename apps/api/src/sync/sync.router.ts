import { LIMITS, type SyncChange, syncChangesInput, syncEventsInput } from '@taskapp/shared';
import { tracked } from '@trpc/server';
import { protectedProcedure, router } from '../trpc/init.js';

/** Changes read from the log at a time; a stream reads again at once while there are more. */
const STREAM_BATCH = 100;
/** A change committed behind a still-running older transaction is read again this soon. */
const SETTLE_RETRY_MS = 25;
/** While the change feed is down nothing wakes a stream: it reads the log this often instead. */
const POLL_WITHOUT_FEED_MS = 1_000;
/** After a failed read (the database is away), a stream tries again this soon. */
const RETRY_AFTER_ERROR_MS = 1_000;

/** An event of `sync.events`: a change, or "your cursor is too old: read everything again". */
export type SyncEvent = SyncChange | { resync: true };

export const syncRouter = router({
  /**
   * The caller's changes as they happen, over SSE, each with its cursor as the event id: resuming with
   * `lastEventId` replays every later change, none of anyone else's. Ends when the session ends.
   */
  events: protectedProcedure.input(syncEventsInput).subscription(async ({ ctx, input, signal }) => {
    // Opened before the answer begins, so one stream too many is refused (429) instead of failing inside it.
    const stream = ctx.sync.streams.open(ctx.session);
    // A client gone before the first read never runs the generator, whose `finally` would free the place.
    signal?.addEventListener('abort', () => stream.close(), { once: true });

    async function* changes() {
      try {
        let cursor = input?.lastEventId ?? (await ctx.queries.changes.head());
        let checkSession = false;
        let failing = false;
        while (!stream.ended && !signal?.aborted) {
          let page: Awaited<ReturnType<typeof ctx.queries.changes.page>>;
          try {
            // Nothing notifies a session's end while the feed is down: the cache then looks it up.
            if (checkSession && !(await ctx.sessions.findLive(ctx.userId, ctx.session.sessionId))) return;
            page = await ctx.queries.changes.page(ctx.userId, cursor, STREAM_BATCH);
          } catch (error) {
            // The database is away (a restart, a failover): the stream stays open and reads again.
            if (!failing)
              ctx.logger.warn({ err: error }, 'live sync could not read the change log; retrying');
            failing = true;
            await stream.wait(RETRY_AFTER_ERROR_MS, signal);
            continue;
          }
          failing = false;
          checkSession = true;
          if (page.resync) yield tracked(page.cursor, { resync: true } as SyncEvent);
          for (const { change, cursor: id } of page.changes) yield tracked(id, change as SyncEvent);
          cursor = page.cursor;
          if (page.hasMore) continue;
          const timeout = page.pending
            ? SETTLE_RETRY_MS
            : ctx.sync.feed.listening
              ? undefined
              : POLL_WITHOUT_FEED_MS;
          await stream.wait(timeout, signal);
        }
      } finally {
        stream.close();
      }
    }
    return changes();
  }),

  /** Catch-up by cursor: the same changes, order and cursors as the stream, a page at a time. */
  changes: protectedProcedure.input(syncChangesInput).query(async ({ ctx, input }) => {
    const page = await ctx.queries.changes.page(
      ctx.userId,
      input?.after ?? null,
      input?.limit ?? LIMITS.syncChangesDefault,
    );
    return {
      changes: page.changes.map(({ change }) => change),
      cursor: page.cursor,
      hasMore: page.hasMore,
      ...(page.resync ? { resync: true as const } : {}),
    };
  }),
});
