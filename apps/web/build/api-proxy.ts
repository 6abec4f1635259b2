import type { ServerResponse } from 'node:http';
import { connect } from 'node:net';
import type { ProxyOptions } from 'vite';

/** Whether something accepts TCP connections on host:port right now. */
function isListening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitUntilListening(host: string, port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await isListening(host, port))) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

/**
 * The dev server's /api proxy. While the API starts (or restarts after a change) a request waits for
 * it instead of failing, and if it is still not there after `waitMs` the answer is a quiet 503 with
 * Retry-After: Vite would otherwise log a stack trace per request and answer 502.
 */
export function apiProxy({
  host = '127.0.0.1',
  port,
  waitMs = 15_000,
}: {
  host?: string;
  port: number;
  waitMs?: number;
}): ProxyOptions {
  return {
    target: `http://${host}:${port}`,
    async bypass(req, res) {
      if (await waitUntilListening(host, port, waitMs)) return undefined;
      answerNotReady(res as ServerResponse | undefined);
      // A string tells Vite the request is handled; with the answer already sent it stops there.
      return req.url;
    },
  };
}

function answerNotReady(res: ServerResponse | undefined): void {
  if (!res || res.headersSent) return;
  res.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '1' });
  res.end(JSON.stringify({ error: 'The API is starting. Try again in a moment.' }));
}
