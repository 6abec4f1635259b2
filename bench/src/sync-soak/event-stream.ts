import http from 'node:http';
import { performance } from 'node:perf_hooks';

/** One server-sent event; `event` is tRPC's control name (connected, ping, return, …), null for data. */
export interface ServerSentEvent {
  id: string | null;
  event: string | null;
  data: string;
}

export interface EventStreamConnection {
  /** Resolves when the connection ends, whoever ended it. */
  closed: Promise<void>;
  close(): void;
}

/**
 * Opens a `text/event-stream` GET on a connection of its own (as a browser reconnecting after a drop) and
 * calls `onEvent` with each event and the `performance.now()` it arrived at. Rejects when the answer is
 * not a 200. The parsing follows apps/api/test/helpers/event-stream.ts, which keeps every event in
 * arrays and takes no callback; a soak of 500 streams needs arrival times and nothing kept.
 */
export function openEventStream(
  url: string,
  headers: Record<string, string>,
  onEvent: (event: ServerSentEvent, arrivedAt: number) => void,
): Promise<EventStreamConnection> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { accept: 'text/event-stream', ...headers }, agent: false });
    request.once('error', reject);
    request.once('response', (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        request.destroy();
        reject(new Error(`event stream answered ${response.statusCode}`));
        return;
      }
      const closed = new Promise<void>((done) => {
        response.once('close', done);
        request.once('close', done);
      });
      // After the answer started, a dropped connection is an end, not an error.
      request.removeListener('error', reject);
      request.on('error', () => {});
      response.on('error', () => {});
      response.setEncoding('utf8');
      let buffer = '';
      response.on('data', (chunk: string) => {
        const arrivedAt = performance.now();
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end !== -1) {
          const parsed = parseBlock(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
          if (parsed) onEvent(parsed, arrivedAt);
        }
      });
      resolve({ closed, close: () => request.destroy() });
    });
  });
}

function parseBlock(block: string): ServerSentEvent | null {
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
  return { id, event, data: data.join('\n') };
}
