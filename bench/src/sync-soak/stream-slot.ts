import { type EventStreamConnection, openEventStream, type ServerSentEvent } from './event-stream.js';

/** A change as one stream received it. */
export interface Delivery {
  slot: StreamSlot;
  /** The changed entity's id (a task the soak created). */
  entityId: string;
  eventId: string;
  arrivedAt: number;
  /**
   * When the connection that carried it said `connected`: a change sent before then was replayed after a
   * reconnect (backfill), not pushed live.
   */
  liveSince: number;
}

export interface SlotSettings {
  baseUrl: string;
  instance: 1 | 2;
  userId: string;
  token: string;
  /** Where the first connection resumes from: the change log's head before any write of the soak. */
  startCursor: string;
  /** How long a connection stays open before the client drops it and reconnects, ms (random in range). */
  lifetimeMs: Range;
  /** How long a dropped client waits before reconnecting, ms (random in range). */
  reconnectDelayMs: Range;
  onDelivery(delivery: Delivery): void;
}

/** Milliseconds, picked at random between the two. */
export interface Range {
  min: number;
  max: number;
}

const between = ({ min, max }: Range) => min + Math.random() * (max - min);

/** Resolves after `ms`, or at once when `signal` aborts. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

function cursorAfter(a: string, b: string): boolean {
  const [ax = 0n, ai = 0n] = a.split('-').map(BigInt);
  const [bx = 0n, bi = 0n] = b.split('-').map(BigInt);
  return ax === bx ? ai > bi : ax > bx;
}

/**
 * One device's `sync.events` stream with churn: it connects, stays a random while, drops the connection
 * and reconnects with `Last-Event-ID` set to the last event it got, as EventSource does. Across all its
 * connections it must see every change of its user once, in cursor order.
 */
export class StreamSlot {
  lastEventId: string;
  connects = 0;
  connectFailures = 0;
  /** Connections the server ended on its own (not a drop by the client). */
  serverEnds = 0;
  /** tRPC `serialized-error` events. */
  errors = 0;
  duplicates = 0;
  outOfOrder = 0;
  private readonly seen = new Set<string>();
  private current: { connection: EventStreamConnection; ended: boolean } | null = null;

  constructor(readonly settings: SlotSettings) {
    this.lastEventId = settings.startCursor;
  }

  /** Connects, drops and reconnects until `stop` aborts; leaves the last connection open (or none). */
  async churn(stop: AbortSignal): Promise<void> {
    while (!stop.aborted) {
      const current = await this.connect();
      if (!current) {
        await pause(1_000, stop);
        continue;
      }
      await Promise.race([pause(between(this.settings.lifetimeMs), stop), current.connection.closed]);
      if (current.ended && !stop.aborted) this.serverEnds += 1;
      if (stop.aborted) return;
      await this.drop();
      await pause(between(this.settings.reconnectDelayMs), stop);
    }
  }

  /** Makes sure a connection is open (after churn stopped), so the slot can catch up on what it missed. */
  async ensureConnected(): Promise<void> {
    for (let attempt = 0; attempt < 5 && (!this.current || this.current.ended); attempt++) {
      if (!(await this.connect())) await pause(500);
    }
  }

  async drop(): Promise<void> {
    const current = this.current;
    this.current = null;
    if (!current) return;
    current.connection.close();
    await current.connection.closed;
  }

  private async connect() {
    let liveSince = Number.POSITIVE_INFINITY;
    const onEvent = (event: ServerSentEvent, arrivedAt: number) => {
      if (event.event === 'connected') liveSince = arrivedAt;
      else if (event.event === 'serialized-error') this.errors += 1;
      else if (event.event === null && event.id !== null)
        this.receive(event.id, event.data, arrivedAt, liveSince);
    };
    const { baseUrl, token } = this.settings;
    this.connects += 1;
    try {
      const connection = await openEventStream(
        `${baseUrl}/api/trpc/sync.events`,
        { authorization: `Bearer ${token}`, 'last-event-id': this.lastEventId },
        onEvent,
      );
      const current = { connection, ended: false };
      void connection.closed.then(() => {
        current.ended = true;
      });
      this.current = current;
      return current;
    } catch {
      this.connectFailures += 1;
      return null;
    }
  }

  private receive(eventId: string, data: string, arrivedAt: number, liveSince: number): void {
    if (this.seen.has(eventId)) {
      this.duplicates += 1;
      return;
    }
    this.seen.add(eventId);
    if (!cursorAfter(eventId, this.lastEventId)) this.outOfOrder += 1;
    else this.lastEventId = eventId;
    const change = (JSON.parse(data) as { json: { id: string } }).json;
    this.settings.onDelivery({ slot: this, entityId: change.id, eventId, arrivedAt, liveSince });
  }
}
