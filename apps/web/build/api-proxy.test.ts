import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { apiProxy } from './api-proxy';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  port = 0,
): Promise<number> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A free port nobody listens on (yet). */
async function freePort(): Promise<number> {
  const port = await listen(() => undefined);
  await new Promise((resolve) => servers.pop()?.close(resolve));
  return port;
}

/** A stand-in for Vite's proxy middleware: runs bypass, then "proxies" unless bypass answered. */
async function devServer(proxy: ReturnType<typeof apiProxy>): Promise<number> {
  return listen(async (req, res) => {
    await proxy.bypass?.(req, res, proxy);
    if (!res.writableEnded) res.end('proxied');
  });
}

describe('the dev server /api proxy', () => {
  it('holds a request until the API listens, then passes it on', async () => {
    const apiPort = await freePort();
    const dev = await devServer(apiProxy({ port: apiPort, waitMs: 10_000 }));
    const answer = fetch(`http://127.0.0.1:${dev}/api/trpc/auth.me`);
    // The API comes up while the request waits.
    setTimeout(() => void listen((_req, res) => res.end(), apiPort), 300);
    const response = await answer;
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('proxied');
  });

  it('answers 503 with Retry-After when the API does not come up in time', async () => {
    const dev = await devServer(apiProxy({ port: await freePort(), waitMs: 200 }));
    const response = await fetch(`http://127.0.0.1:${dev}/api/trpc/auth.me`);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.json()).toEqual({ error: 'The API is starting. Try again in a moment.' });
  });
});
