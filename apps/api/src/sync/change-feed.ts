import { type Client, longLivedClient } from '@taskapp/db';
import type { Logger } from '../logger.js';

/** The one channel the database's triggers notify (migration sync_changes). */
export const SYNC_CHANNEL = 'taskapp_sync';

/** What a notification says; the change log stays the truth, this only wakes its readers. */
export type FeedMessage =
  | { kind: 'changes'; userId: string }
  | { kind: 'session-ended'; sessionId: string }
  | { kind: 'user-deactivated'; userId: string };

/**
 * `listening`: LISTEN is (again) in place, after a start or a reconnect; anything may have been missed
 * before, so readers read again and caches start afresh. `lost`: the connection went away; until
 * `listening`, nothing arrives, so nothing may be trusted to wake or invalidate.
 */
export type FeedEvent = FeedMessage | { kind: 'listening' } | { kind: 'lost' };

export interface ChangeFeed {
  readonly listening: boolean;
  /** Calls `listener` with every event from now on; returns the unsubscribe. */
  subscribe(listener: (event: FeedEvent) => void): () => void;
  close(): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseFeedMessage(payload: string | undefined): FeedMessage | null {
  const [kind, id] = (payload ?? '').split(':');
  if (!id || !UUID.test(id)) return null;
  if (kind === 'c') return { kind: 'changes', userId: id };
  if (kind === 's') return { kind: 'session-ended', sessionId: id };
  if (kind === 'u') return { kind: 'user-deactivated', userId: id };
  return null;
}

export interface ChangeFeedOptions {
  /** A direct (unpooled) connection string: LISTEN does not survive a transaction-mode pooler. */
  url: string;
  logger: Logger;
  /** How often the connection proves it is alive (a silently dropped one would otherwise never tell). */
  heartbeatMs?: number;
  /** Waits between reconnect attempts grow from the first to the last. */
  retryMs?: { first: number; max: number };
}

/**
 * One dedicated connection per API instance that LISTENs on the sync channel and hands every
 * notification to its subscribers. It reconnects on its own (a PostgreSQL restart, a failover, a
 * network drop found by the heartbeat) and says `listening` again once LISTEN is back.
 */
export function listenForChanges(options: ChangeFeedOptions): ChangeFeed {
  const { url, logger } = options;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const retry = options.retryMs ?? { first: 100, max: 5_000 };
  const listeners = new Set<(event: FeedEvent) => void>();
  let client: Client | null = null;
  let listening = false;
  let closed = false;
  let wait = retry.first;
  let retryTimer: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;

  const emit = (event: FeedEvent) => {
    for (const listener of listeners) listener(event);
  };

  const drop = (current: Client, reason: unknown) => {
    if (client !== current) return;
    client = null;
    clearInterval(heartbeat);
    current.end().catch(() => undefined);
    if (listening) {
      listening = false;
      logger.warn({ err: reason }, 'live sync lost its LISTEN connection; reconnecting');
      emit({ kind: 'lost' });
    }
    if (!closed) {
      retryTimer = setTimeout(connect, wait);
      wait = Math.min(wait * 2, retry.max);
    }
  };

  async function connect(): Promise<void> {
    if (closed) return;
    const current = longLivedClient(url, 'taskapp-sync');
    client = current;
    current.on('error', (error) => drop(current, error));
    current.on('end', () => drop(current, new Error('connection ended')));
    current.on('notification', (message) => {
      const parsed = message.channel === SYNC_CHANNEL ? parseFeedMessage(message.payload) : null;
      if (parsed) emit(parsed);
    });
    try {
      await current.connect();
      await current.query(`listen ${SYNC_CHANNEL}`);
    } catch (error) {
      drop(current, error);
      return;
    }
    if (client !== current || closed) return;
    wait = retry.first;
    listening = true;
    heartbeat = setInterval(() => {
      // A dropped network may never answer: no answer within a beat counts as lost too.
      const late = setTimeout(() => drop(current, new Error('heartbeat unanswered')), heartbeatMs);
      current
        .query('select 1')
        .then(() => clearTimeout(late))
        .catch((error) => {
          clearTimeout(late);
          drop(current, error);
        });
    }, heartbeatMs);
    heartbeat.unref();
    emit({ kind: 'listening' });
  }

  void connect();

  return {
    get listening() {
      return listening;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      clearInterval(heartbeat);
      listening = false;
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
  };
}

/** A feed that never listens: every reader polls and every session is looked up (tests, tools). */
export const silentFeed: ChangeFeed = {
  listening: false,
  subscribe: () => () => undefined,
  close: async () => undefined,
};
