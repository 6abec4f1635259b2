import type { SyncChange } from '@taskapp/shared';
import type { SyncChannel, SyncMessage } from './sync-channel';
import type { SyncStatus } from './sync-status';

/** What a stream of changes reports, each change with the cursor to resume after it. */
export interface StreamListener {
  change(cursor: string, change: SyncChange): void;
  /** The server could not resume from the cursor: anything may have changed. */
  resync(cursor: string): void;
  status(status: SyncStatus): void;
}

/** Opens the stream after `from` (from now on without one); returns how to close it. */
export type OpenStream = (from: string | undefined, listener: StreamListener) => () => void;

export interface ChangeSink {
  change(change: SyncChange): void;
  resync(): void;
}

/** sync.changes: a page of changes after a cursor, in the stream's order. */
export type CatchUp = (after: string) => Promise<{
  changes: SyncChange[];
  cursor: string;
  hasMore: boolean;
  resync?: true;
}>;

/** Further behind than this many pages, refetching the lists is quicker than replaying every change. */
const MAX_CATCH_UP_PAGES = 10;

interface HubOptions {
  userId: string;
  /** Where this browser stopped last time, and how to remember where it is now. */
  savedCursor?: string;
  saveCursor?: (cursor: string) => void;
  catchUp?: CatchUp;
  channel: SyncChannel;
  requestLeadership: (signal: AbortSignal, lead: () => void) => void;
  openStream: OpenStream;
  apply: ChangeSink;
  setStatus: (status: SyncStatus) => void;
}

/**
 * One stream per browser: the tab holding the leadership streams, applies each change and passes it on
 * with its cursor; the others apply what it passes on and remember the cursor, so whichever tab leads
 * next resumes where the last one stopped. Returns how to stop (on sign-out).
 */
export function startSyncHub({
  userId,
  channel,
  requestLeadership,
  openStream,
  apply,
  setStatus,
  savedCursor,
  saveCursor = () => {},
  catchUp,
}: HubOptions) {
  const stopped = new AbortController();
  let cursor: string | undefined = savedCursor;
  let status: SyncStatus = 'connecting';
  let leading = false;
  let heardLeader = false;
  // Without a cursor the stream starts from now: whatever changed while nobody streamed is fetched again.
  let catchUpWhenLive = false;
  let closeStream: (() => void) | undefined;

  const moveTo = (next: string | undefined) => {
    cursor = next;
    if (next !== undefined) saveCursor(next);
  };

  const show = (next: SyncStatus) => {
    status = next;
    setStatus(next);
  };
  const post = (message: SyncMessage) => channel.post(message);

  const followLeader = (message: SyncMessage) => {
    if (message.userId !== userId) return;
    if (leading) {
      if (message.type === 'hello') post({ type: 'status', userId, status, cursor });
      return;
    }
    heardLeader = true;
    if (message.type === 'change') {
      moveTo(message.cursor);
      apply.change(message.change);
    } else if (message.type === 'resync') {
      moveTo(message.cursor ?? cursor);
      apply.resync();
    } else if (message.type === 'status') {
      moveTo(message.cursor ?? cursor);
      show(message.status);
    }
  };

  const resync = (next: string | undefined) => {
    moveTo(next ?? cursor);
    apply.resync();
    post({ type: 'resync', userId, cursor });
  };

  /**
   * Reopened with a saved cursor: what changed since comes through sync.changes first, a page at a time,
   * then the stream goes on from there. Offline, the stream resumes from the cursor once it can.
   */
  const catchUpFirst = async () => {
    if (cursor === undefined || !catchUp) return;
    for (let page = 0; page < MAX_CATCH_UP_PAGES; page += 1) {
      let answer: Awaited<ReturnType<CatchUp>>;
      try {
        answer = await catchUp(cursor);
      } catch {
        return;
      }
      if (stopped.signal.aborted) return;
      if (answer.resync) {
        resync(answer.cursor);
        return;
      }
      for (const change of answer.changes) {
        apply.change(change);
        post({ type: 'change', userId, cursor: answer.cursor, change });
      }
      moveTo(answer.cursor);
      if (!answer.hasMore) return;
    }
    resync(cursor);
  };

  const lead = () => {
    leading = true;
    catchUpWhenLive = heardLeader && cursor === undefined;
    if (cursor === undefined || !catchUp) {
      stream();
      return;
    }
    void catchUpFirst().then(() => {
      if (!stopped.signal.aborted) stream();
    });
  };

  const stream = () => {
    closeStream = openStream(cursor, {
      change(next, change) {
        moveTo(next);
        apply.change(change);
        post({ type: 'change', userId, cursor: next, change });
      },
      resync,
      status(next) {
        if (next === 'reconnecting' && cursor === undefined) catchUpWhenLive = true;
        show(next);
        post({ type: 'status', userId, status: next, cursor });
        if (next === 'live' && catchUpWhenLive) {
          catchUpWhenLive = false;
          resync(undefined);
        }
      },
    });
  };

  const stopListening = channel.listen(followLeader);
  show('connecting');
  post({ type: 'hello', userId });
  requestLeadership(stopped.signal, lead);

  return () => {
    stopped.abort();
    closeStream?.();
    stopListening();
    setStatus('off');
  };
}
