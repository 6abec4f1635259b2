import { isDatabaseError, type Queryable } from '@taskapp/db';
import { committedWalPosition, type Queries } from '@taskapp/db/queries';
import { DomainError } from '../domain-error.js';
import type { Logger } from '../logger.js';
import type { ChangeFeed } from '../sync/index.js';
import type { HttpExchange } from '../trpc/http-exchange.js';
import type { ReadTokenCookie } from './read-token-cookie.js';
import { RecentWrites } from './recent-writes.js';
import type { ReplicaState, WalMonitor } from './wal-monitor.js';

/** Who reads: the owner, and the HTTP exchange that may carry their last write's position. */
export interface Reader {
  userId: string;
  http: HttpExchange | null;
}

/** Where a read was served and why (the reason a read that could have used a replica did not). */
export type ReadTarget = 'primary' | 'replica';
export type ReadReason = 'fresh' | 'recent-write' | 'replica-behind' | 'replica-failed';

/**
 * Reads that a replica may serve (task lists, stats, project and label lists, sync catch-up) go through
 * here; every other statement stays on `ctx.queries`, the primary. Decision 017.
 */
export interface ReadRouter {
  /**
   * Runs `work` on a replica that has everything the reader wrote and is within the lag bound, else on
   * the primary; a replica that fails (or throws ReplicaBehind) has the read run again on the primary.
   */
  read<T>(reader: Reader, work: (queries: Queries, onReplica: boolean) => Promise<T>): Promise<T>;
  /** After a write: remember where the primary's WAL was, on this instance and in the writer's cookie. */
  wrote(userId: string, http: HttpExchange | null): Promise<void>;
}

/** Without DATABASE_READ_URL: every read on the primary, exactly as before, at no cost. */
export function primaryReads(queries: Queries): ReadRouter {
  return {
    read: (_reader, work) => work(queries, false),
    wrote: async () => undefined,
  };
}

/** Thrown by a read that a replica cannot answer correctly yet (a sync cursor ahead of its replay). */
export class ReplicaBehind extends Error {
  constructor() {
    super('the replica has not replayed far enough for this read');
  }
}

/**
 * Errors after which the same read is run on the primary: the replica could not be reached or went
 * away (no answer from PostgreSQL at all, SQLSTATE class 08), it is shutting down or starting
 * (57P01–57P03), has no connection free (53300), or cancelled the query for replay (40001). A statement
 * timeout or a refusal of ours is the answer, not a failure of the replica.
 */
function isReplicaFailure(error: unknown): boolean {
  if (error instanceof ReplicaBehind) return true;
  if (error instanceof DomainError) return false;
  if (!isDatabaseError(error)) return true;
  const code = error.code ?? '';
  return code.startsWith('08') || ['57P01', '57P02', '57P03', '53300', '40001'].includes(code);
}

export interface ReplicaReadsOptions {
  primary: Queries;
  /** Where a write's position is read: the app's pool on the primary. */
  primaryPool: Queryable;
  replicas: { state: ReplicaState; queries: Queries }[];
  monitor: WalMonitor;
  maxLagMs: number;
  feed: ChangeFeed;
  cookie: ReadTokenCookie;
  logger: Logger;
  onRead(target: ReadTarget, reason: ReadReason): void;
}

/** How long after it was taken a primary sample may still stand for the start of the lag window. */
const SAMPLE_SLACK_MS = 1_000;

/** Reads spread over replicas that are fresh enough, with read-your-writes (decision 017). */
export function replicaReads(options: ReplicaReadsOptions): ReadRouter & { stop(): void } {
  const { primary, replicas, monitor, maxLagMs, cookie, logger, onRead } = options;
  const recent = new RecentWrites(monitor, maxLagMs + SAMPLE_SLACK_MS);
  let turn = 0;

  const unsubscribe = options.feed.subscribe((event) => {
    // A change committed anywhere (another instance, another device): this user's next reads need it.
    if (event.kind === 'changes') recent.changed(event.userId, performance.now());
  });
  const sweeper = setInterval(() => recent.sweep(performance.now()), 1_000);
  sweeper.unref();

  /**
   * The position every replica in use must have: what the primary had flushed `maxLag` ago. Unknown
   * (null) without a primary sample from just before then: the primary's probe fails, or the process
   * has just started.
   */
  function lagFloor(now: number): bigint | null {
    const sample = monitor.sampleStartedBefore(now - maxLagMs);
    if (!sample || sample.startedAt < now - maxLagMs - SAMPLE_SLACK_MS) return null;
    return sample.flushed;
  }

  function choose(reader: Reader): { replica: (typeof replicas)[number] | null; reason: ReadReason } {
    const now = performance.now();
    const floor = lagFloor(now);
    if (floor === null) return { replica: null, reason: 'replica-behind' };
    const usable = replicas.filter(({ state }) => state.up && state.replayed >= floor);
    if (usable.length === 0) return { replica: null, reason: 'replica-behind' };
    const mine = recent.required(reader.userId, now);
    if (mine === null) return { replica: null, reason: 'recent-write' };
    const cookieLsn = cookie.read(reader.http);
    const fresh = usable.filter(({ state }) => state.replayed >= mine && state.replayed >= cookieLsn);
    if (fresh.length === 0) return { replica: null, reason: 'recent-write' };
    turn = (turn + 1) % fresh.length;
    return { replica: fresh[turn] ?? null, reason: 'fresh' };
  }

  return {
    async read(reader, work) {
      const { replica, reason } = choose(reader);
      if (!replica) {
        onRead('primary', reason);
        return work(primary, false);
      }
      try {
        const result = await work(replica.queries, true);
        onRead('replica', 'fresh');
        return result;
      } catch (error) {
        if (!isReplicaFailure(error)) throw error;
        const behind = error instanceof ReplicaBehind;
        if (!behind && replica.state.up) {
          logger.warn(
            { replica: replica.state.name, err: error },
            'read replica failed; reading from the primary',
          );
          monitor.markDown(replica.state);
        }
        onRead('primary', behind ? 'replica-behind' : 'replica-failed');
        return work(primary, false);
      }
    },

    async wrote(userId, http) {
      const now = performance.now();
      let lsn: bigint;
      try {
        lsn = await committedWalPosition(options.primaryPool);
      } catch {
        // Position unknown: the primary's next sample stands for it.
        recent.changed(userId, now);
        return;
      }
      recent.wrote(userId, lsn, now);
      cookie.write(http, lsn);
    },

    stop() {
      unsubscribe();
      clearInterval(sweeper);
    },
  };
}
