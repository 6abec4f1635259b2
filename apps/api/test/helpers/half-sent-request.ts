import { request } from 'node:http';
import { connect } from 'node:net';

export interface HalfSentRequest {
  /**
   * Whether the server has read the request's head: it answers the `Expect: 100-continue` this request
   * sends with 100 Continue just before handing the request to the app, so from then on it is certainly
   * accepted and in flight on the server, not waiting in the listen backlog.
   */
  readonly accepted: boolean;
  /** Sends the rest of the body and resolves with the answer. */
  finish(): Promise<{ status: number; body: string }>;
}

/**
 * A POST on a connection of its own whose body is only half sent: it is in flight, for certain, until
 * finish() is called. Wait for `accepted` before relying on the server having it.
 */
export function startHalfSentPost(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): HalfSentRequest {
  const target = new URL(url);
  const outgoing = request({
    host: target.hostname,
    port: target.port,
    path: `${target.pathname}${target.search}`,
    method: 'POST',
    agent: false,
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      expect: '100-continue',
      ...headers,
    },
  });
  let accepted = false;
  outgoing.once('continue', () => {
    accepted = true;
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    outgoing.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
      );
    });
    outgoing.on('error', reject);
  });
  // Keeps an early failure from being unhandled before finish() is awaited.
  answer.catch(() => undefined);
  const half = Math.floor(body.length / 2);
  outgoing.write(body.slice(0, half));
  return {
    get accepted() {
      return accepted;
    },
    finish() {
      outgoing.end(body.slice(half));
      return answer;
    },
  };
}

/** The error code of a fresh TCP connection to the server's port, or 'connected'. */
export function tryConnect(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => {
      socket.destroy();
      resolve('connected');
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}
