import type { ChangesPage, Queries } from '@taskapp/db/queries';
import { LIMITS, type SyncChange, syncChangesInput, syncEventsInput } from '@taskapp/shared';
import { tracked } from '@trpc/server';
import { ReplicaBehind } from '../replicas/index.js';
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

/**
 * A page of the change log where `reads` chooses (decision 017). A replica takes a cursor newer than
 * its own replay for one from the future and would answer "resync": that page is read on the primary.
 */
async function readPage(
  queries: Queries,
  onReplica: boolean,
  page: { userId: string; after: string | null; limit: number },
): Promise<ChangesPage> {
  const read = await queries.changes.page(page.userId, page.after, page.limit);
  if (read.resync && onReplica) throw new ReplicaBehind();
  return read;
}

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
        // A resumed stream's backfill may be read from a replica; once it is read, the stream follows
        // the primary, where each notification's change already is.
        let backfill = input?.lastEventId !== undefined;
        let failing = false;
        while (!stream.ended && !signal?.aborted) {
          let page: ChangesPage;
          let fromReplica = false;
          try {
            // Looked up before every read: a session that ended between the caller's authentication and
            // this stream's registration was notified before the stream could hear of it, and nothing
            // notifies a session's end while the feed is down (the cache then looks it up).
            if (!(await ctx.sessions.findLive(ctx.userId, ctx.session.sessionId))) return;
            const at = { userId: ctx.userId, after: cursor, limit: STREAM_BATCH };
            page = backfill
              ? await ctx.reads.read(ctx, async (queries, onReplica) => {
                  fromReplica = onReplica;
                  return readPage(queries, onReplica, at);
                })
              : await ctx.queries.changes.page(ctx.userId, cursor, STREAM_BATCH);
          } catch (error) {
            // The database is away (a restart, a failover): the stream stays open and reads again.
            if (!failing)
              ctx.logger.warn({ err: error }, 'live sync could not read the change log; retrying');
            failing = true;
            await stream.wait(RETRY_AFTER_ERROR_MS, signal);
            continue;
          }
          failing = false;
          if (page.resync) yield tracked(page.cursor, { resync: true } as SyncEvent);
          for (const { change, cursor: id } of page.changes) yield tracked(id, change as SyncEvent);
          cursor = page.cursor;
          if (page.hasMore) continue;
          if (backfill) {
            backfill = false;
            // The replica may not have what was notified before this stream listened: read once more.
            if (fromReplica) continue;
          }
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
    const at = {
      userId: ctx.userId,
      after: input?.after ?? null,
      limit: input?.limit ?? LIMITS.syncChangesDefault,
    };
    const page = await ctx.reads.read(ctx, (queries, onReplica) => readPage(queries, onReplica, at));
    return {
      changes: page.changes.map(({ change }) => change),
      cursor: page.cursor,
      hasMore: page.hasMore,
      ...(page.resync ? { resync: true as const } : {}),
    };
  }),
});
