import type { SyncChange, SyncEntity, SyncOp } from '@taskapp/shared';
import type { Queryable } from '../pg.js';
import { firstRow, rows, sql } from './sql.js';

/**
 * A position in the change log: every change at or before it in (xid, id) order has been read. Written
 * as "xid-id" (syncCursorSchema); opaque to clients.
 */
export interface ChangeCursor {
  xid: bigint;
  id: bigint;
}

export const formatCursor = ({ xid, id }: ChangeCursor) => `${xid}-${id}`;

export function parseCursor(text: string): ChangeCursor {
  const [xid = '', id = ''] = text.split('-');
  return { xid: BigInt(xid), id: BigInt(id) };
}

/** The largest "changes"."id" (bigint); a cursor past it never came from this log. */
const MAX_CHANGE_ID = 9_223_372_036_854_775_807n;

const compare = (a: ChangeCursor, b: ChangeCursor) =>
  a.xid === b.xid ? (a.id === b.id ? 0 : a.id < b.id ? -1 : 1) : a.xid < b.xid ? -1 : 1;

export interface ChangeWithCursor {
  change: SyncChange;
  cursor: string;
}

export interface ChangesPage {
  changes: ChangeWithCursor[];
  /** Where the next read starts: after the last change returned, or the log's settled head if later. */
  cursor: string;
  /** More settled changes than the limit allowed. */
  hasMore: boolean;
  /** Changes that committed but wait for an older transaction to finish: read again in a moment. */
  pending: boolean;
  /** The cursor is older than the log keeps (or not from this log): read everything again. */
  resync: boolean;
}

interface ChangeRow {
  xid: string;
  id: string;
  entity: SyncEntity;
  entity_id: string;
  op: SyncOp;
  at: Date;
  settled: boolean;
}

interface LogState {
  settled_xid: string;
  future_xid: string;
  horizon_xid: string | null;
  horizon_id: string | null;
}

/**
 * Reads of the live-sync change log (decision 011). Changes are read in (xid, id) order and only those
 * of transactions older than the oldest one still running ("settled"): a transaction that commits later
 * always sorts after everything already read, so a reader never skips one and never reads one twice.
 */
export function changeQueries(db: Queryable) {
  /** The log's settled head (everything before it is readable) and its clean-up horizon. */
  // Transaction ids are shared by every database of the server, but only transactions in this one can
  // still add changes: the settled head is the oldest of THOSE still running (else everything the
  // snapshot sees), so a long write in another database (a restore, another app) holds nothing back.
  // Read in a statement of its own, before the changes: a transaction that ends between this snapshot
  // and the activity list has committed before the changes are read, so they see its rows. Sessions of
  // other roles show no backend_xid without pg_read_all_stats: every writer must use the app's role.
  // On a streaming replica (decision 017) the snapshot lists no running xids and pg_stat_activity shows
  // none of the primary's sessions, but its xmin is the oldest transaction still running on the primary
  // as far as replay has come (in any database): everything before it is settled.
  async function logState(): Promise<LogState> {
    const row = await firstRow<LogState>(
      db,
      sql`select (case when pg_is_in_recovery() then pg_snapshot_xmin(pg_current_snapshot())
                  else coalesce(
                   (select min("running") from pg_snapshot_xip(pg_current_snapshot()) as "running"
                    where xid("running") in (select "backend_xid" from pg_stat_activity
                                             where "datname" = current_database() and "backend_xid" is not null)),
                   pg_snapshot_xmax(pg_current_snapshot())) end)::text as "settled_xid",
                 pg_snapshot_xmax(pg_current_snapshot())::text as "future_xid",
                 h."xid"::text as "horizon_xid", h."change_id"::text as "horizon_id"
          from (select 1) as "one" left join "change_log_horizon" h on h."id" = 1`,
    );
    if (!row) throw new Error('no change log state');
    return row;
  }

  /** Whether changes after `after` may be gone (cleaned up) or `after` never came from this log. */
  function mustResync(after: ChangeCursor, state: LogState): boolean {
    // The head is (next xid, 0) when nothing runs: a cursor there is current, not from the future.
    if (compare(after, { xid: BigInt(state.future_xid), id: 0n }) > 0) return true;
    if (after.id > MAX_CHANGE_ID) return true;
    if (state.horizon_xid === null || state.horizon_id === null) return false;
    return compare(after, { xid: BigInt(state.horizon_xid), id: BigInt(state.horizon_id ?? '0') }) <= 0;
  }

  return {
    /** Where a reader that wants only what happens from now on starts. */
    async head(): Promise<string> {
      return formatCursor({ xid: BigInt((await logState()).settled_xid), id: 0n });
    },

    /**
     * The owner's changes after `after` (from the oldest kept when null), oldest first, at most `limit`.
     * An index range scan on changes_user_id_xid_id_idx.
     */
    async page(userId: string, after: string | null, limit: number): Promise<ChangesPage> {
      const state = await logState();
      const head = { xid: BigInt(state.settled_xid), id: 0n };
      const from = after === null ? null : parseCursor(after);
      if (from && mustResync(from, state)) {
        return { changes: [], cursor: formatCursor(head), hasMore: false, pending: false, resync: true };
      }
      const start = from ?? { xid: 0n, id: 0n };
      const found = await rows<ChangeRow>(
        db,
        sql`select "xid"::text as "xid", "id"::text as "id", "entity", "entity_id", "op", "at",
                   "xid" < ${state.settled_xid}::xid8 as "settled"
            from "changes"
            where "user_id" = ${userId} and ("xid", "id") > (${String(start.xid)}::xid8, ${String(start.id)}::bigint)
            order by "xid", "id"
            limit ${limit + 1}`,
      );
      const firstUnsettled = found.findIndex((row) => !row.settled);
      const settled = firstUnsettled === -1 ? found : found.slice(0, firstUnsettled);
      const taken = settled.slice(0, limit);
      const changes = taken.map((row) => ({
        change: { entity: row.entity, op: row.op, id: row.entity_id, at: row.at },
        cursor: formatCursor({ xid: BigInt(row.xid), id: BigInt(row.id) }),
      }));
      const last = taken.at(-1);
      const reached = last ? { xid: BigInt(last.xid), id: BigInt(last.id) } : start;
      const hasMore = settled.length > limit;
      // With nothing more to read before it, the head is a safe, fresher place to go on from.
      const cursor = !hasMore && compare(head, reached) > 0 ? head : reached;
      return {
        changes,
        cursor: formatCursor(cursor),
        hasMore,
        pending: firstUnsettled !== -1,
        resync: false,
      };
    },

    /**
     * Removes changes older than `keptSince` (at most `batch` of them) and moves the clean-up horizon to
     * the newest one removed; returns how many went.
     */
    async purgeOlderThan(keptSince: Date, batch = 10_000): Promise<number> {
      const row = await firstRow<{ purged: number }>(
        db,
        sql`with "purged" as (
              delete from "changes" where "id" in (
                select "id" from "changes" where "at" < ${keptSince} order by "at" limit ${batch})
              returning "xid", "id"),
            "newest" as (select "xid", "id" from "purged" order by "xid" desc, "id" desc limit 1),
            "moved" as (
              insert into "change_log_horizon" ("id", "xid", "change_id")
              select 1, "xid", "id" from "newest"
              on conflict ("id") do update set "xid" = excluded."xid", "change_id" = excluded."change_id"
              where ("change_log_horizon"."xid", "change_log_horizon"."change_id") < (excluded."xid", excluded."change_id")
              returning 1)
            select count(*)::int as "purged" from "purged"`,
      );
      return row?.purged ?? 0;
    },
  };
}
