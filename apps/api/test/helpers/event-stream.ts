import superjson from 'superjson';
import type { SyncEvent } from '../../src/sync/sync.router.js';

export interface ReceivedEvent {
  id: string | null;
  /** The SSE event name: tRPC sends `connected`, `ping`, `return` and `serialized-error`; data has none. */
  event: string | null;
  data: unknown;
}

export interface EventStream {
  status: number;
  /** Every data event so far, in order (pings and tRPC's own events are kept apart). */
  events: ReceivedEvent[];
  /** tRPC's control events: connected, ping, return, serialized-error. */
  control: ReceivedEvent[];
  /** Resolves when the server ends the stream (or the connection drops). */
  ended: Promise<void>;
  /** Waits until `count` data events arrived (or fails after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedEvent[]>;
  close(): void;
}

/**
 * Opens `sync.events` as a browser's EventSource would (GET, the bearer token as a header, optionally
 * Last-Event-ID) and parses the SSE stream by hand, so tests see exactly what goes over the wire.
 */
export async function openEvents(
  baseUrl: string,
  accessToken: string,
  options: { lastEventId?: string; inputLastEventId?: string } = {},
): Promise<EventStream> {
  const controller = new AbortController();
  const input = options.inputLastEventId ? { lastEventId: options.inputLastEventId } : undefined;
  const query = input ? `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}` : '';
  const response = await fetch(`${baseUrl}/api/trpc/sync.events${query}`, {
    headers: {
      accept: 'text/event-stream',
      authorization: `Bearer ${accessToken}`,
      ...(options.lastEventId ? { 'last-event-id': options.lastEventId } : {}),
    },
    signal: controller.signal,
  });
  const events: ReceivedEvent[] = [];
  const control: ReceivedEvent[] = [];
  const waiters = new Set<() => void>();
  const ended = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
          const parsed = parseBlock(block);
          if (!parsed) continue;
          (parsed.event ? control : events).push(parsed);
          for (const wake of waiters) wake();
        }
      }
    } catch {
      // Aborted by close(), or the server went away.
    }
    for (const wake of waiters) wake();
  })();
  let finished = false;
  void ended.then(() => {
    finished = true;
  });

  return {
    status: response.status,
    events,
    control,
    ended,
    async waitFor(count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (events.length < count) {
        if (finished) throw new Error(`stream ended after ${events.length} of ${count} events`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`only ${events.length} of ${count} events after ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          const wake = () => {
            clearTimeout(timer);
            waiters.delete(wake);
            resolve();
          };
          waiters.add(wake);
        });
      }
      return events.slice(0, count);
    },
    close: () => controller.abort(),
  };
}

function parseBlock(block: string): ReceivedEvent | null {
  let id: string | null = null;
  let event: string | null = null;
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') id = value;
    else if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  if (id === null && event === null && data.length === 0) return null;
  const text = data.join('\n');
  let parsed: unknown = text;
  if (!event && text) parsed = superjson.deserialize(JSON.parse(text)) as SyncEvent;
  return { id, event, data: parsed };
}
