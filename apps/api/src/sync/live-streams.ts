import { LIMITS } from '@taskapp/shared';
import { rateLimited } from '../domain-error.js';
import type { ChangeFeed, FeedEvent } from './change-feed.js';

/** Why a stream stopped waiting. */
export type Wake = 'changes' | 'timeout' | 'ended';

/** One open `sync.events` stream: its reader waits here between reads of the change log. */
export interface LiveStream {
  readonly ended: boolean;
  /** Resolves when the owner's data changes, after `timeoutMs` (if given), or when the stream ends. */
  wait(timeoutMs?: number, signal?: AbortSignal): Promise<Wake>;
  close(): void;
}

class Stream implements LiveStream {
  ended = false;
  /** A wake that came while the reader was reading, kept for its next wait. */
  private woken = false;
  private resolve: ((wake: Wake) => void) | null = null;

  constructor(
    readonly userId: string,
    readonly sessionId: string,
    private readonly onClose: (stream: Stream) => void,
  ) {}

  wake(reason: 'changes' | 'ended'): void {
    if (reason === 'ended') this.ended = true;
    else this.woken = true;
    this.resolve?.(reason);
  }

  wait(timeoutMs?: number, signal?: AbortSignal): Promise<Wake> {
    if (this.ended || signal?.aborted) return Promise.resolve('ended');
    if (this.woken) {
      this.woken = false;
      return Promise.resolve('changes');
    }
    return new Promise<Wake>((resolve) => {
      const timer = timeoutMs === undefined ? undefined : setTimeout(() => finish('timeout'), timeoutMs);
      const onAbort = () => finish('ended');
      const finish = (wake: Wake) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.resolve = null;
        this.woken = false;
        resolve(wake);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.resolve = finish;
    });
  }

  close(): void {
    this.wake('ended');
    this.onClose(this);
  }
}

/**
 * The `sync.events` streams open on this API instance, by owner: the change feed wakes an owner's
 * streams when their data changed and ends a session's streams when it ends; a lost feed wakes every
 * stream once it is back, so each reads what it missed, and when it goes, so each turns to polling.
 */
export class LiveStreams {
  private readonly byUser = new Map<string, Set<Stream>>();
  private readonly bySession = new Map<string, Set<Stream>>();

  constructor(feed: ChangeFeed) {
    feed.subscribe((event) => this.onFeed(event));
  }

  /** A new stream for the session; TOO_MANY_REQUESTS beyond LIMITS.syncStreamsPerUser on this instance. */
  open(session: { userId: string; sessionId: string }): LiveStream {
    if ((this.byUser.get(session.userId)?.size ?? 0) >= LIMITS.syncStreamsPerUser) {
      throw rateLimited('Too many live connections for this account. Close some tabs or devices.');
    }
    const stream = new Stream(session.userId, session.sessionId, (closed) => this.forget(closed));
    add(this.byUser, session.userId, stream);
    add(this.bySession, session.sessionId, stream);
    return stream;
  }

  get size(): number {
    let count = 0;
    for (const streams of this.byUser.values()) count += streams.size;
    return count;
  }

  /** Ends every stream (the server is shutting down). */
  endAll(): void {
    for (const streams of this.byUser.values()) for (const stream of streams) stream.wake('ended');
  }

  private onFeed(event: FeedEvent): void {
    switch (event.kind) {
      case 'changes':
        for (const stream of this.byUser.get(event.userId) ?? []) stream.wake('changes');
        return;
      case 'session-ended':
        for (const stream of this.bySession.get(event.sessionId) ?? []) stream.wake('ended');
        return;
      case 'user-deactivated':
        for (const stream of this.byUser.get(event.userId) ?? []) stream.wake('ended');
        return;
      // Back: read what was missed. Lost: each stream waiting for a wake reads once more, then polls.
      case 'listening':
      case 'lost':
        for (const streams of this.byUser.values()) for (const stream of streams) stream.wake('changes');
        return;
    }
  }

  private forget(stream: Stream): void {
    remove(this.byUser, stream.userId, stream);
    remove(this.bySession, stream.sessionId, stream);
  }
}

function add(index: Map<string, Set<Stream>>, key: string, stream: Stream): void {
  const streams = index.get(key) ?? new Set<Stream>();
  streams.add(stream);
  index.set(key, streams);
}

function remove(index: Map<string, Set<Stream>>, key: string, stream: Stream): void {
  const streams = index.get(key);
  streams?.delete(stream);
  if (streams?.size === 0) index.delete(key);
}
