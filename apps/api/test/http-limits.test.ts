import { connect, type Socket } from 'node:net';
import { createTestDatabase, type TestDatabase, waitFor } from '@taskapp/db/testing';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/server.js';
import { spawnServer } from './helpers/server-process.js';
import { testEnv } from './helpers/test-env.js';

const MAX_CONNECTIONS = 3;

let database: TestDatabase;
let server: RunningServer;

beforeAll(async () => {
  database = await createTestDatabase();
  // Short limits so slow senders are cut off within the test (production: 30 s and 15 s).
  server = await startServer(
    testEnv({
      DATABASE_URL: database.url,
      HTTP_REQUEST_TIMEOUT_MS: '1000',
      HTTP_HEADERS_TIMEOUT_MS: '500',
      HTTP_MAX_CONNECTIONS: String(MAX_CONNECTIONS),
    }),
    pino({ level: 'silent' }),
  );
});
afterAll(async () => {
  await server.close();
  await database.drop();
});

interface RawConnection {
  socket: Socket;
  received: () => string;
  closed: Promise<void>;
}

/** A TCP connection to the server that writes exactly what the test says and keeps what comes back. */
async function openRaw(): Promise<RawConnection> {
  const { hostname, port } = new URL(server.url);
  const socket = connect(Number(port), hostname);
  let received = '';
  socket.on('data', (chunk: Buffer) => {
    received += chunk.toString();
  });
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  return { socket, received: () => received, closed };
}

describe('slow senders', () => {
  it('answers a body that trickles in with 408 once the request timeout passes', async () => {
    const raw = await openRaw();
    raw.socket.write(
      'POST /api/trpc/health.check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"json":',
    );
    await raw.closed;
    expect(raw.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('answers headers that never end with 408 once the headers timeout passes', async () => {
    const raw = await openRaw();
    raw.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: 1\r\n');
    await raw.closed;
    expect(raw.received()).toMatch(/^HTTP\/1\.1 408 /);
  });
});

describe('connection cap', () => {
  it(`closes connections beyond HTTP_MAX_CONNECTIONS (${MAX_CONNECTIONS}) at once, and accepts again when one ends`, async () => {
    const open = await Promise.all(Array.from({ length: MAX_CONNECTIONS }, openRaw));
    // Each holds a keep-alive connection the server has certainly accepted: it answered on it.
    for (const raw of open) {
      raw.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n');
      await waitFor(() => raw.received().includes('"ok"'), { what: 'an answer on a capped connection' });
    }

    const refused = await openRaw();
    refused.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n');
    await refused.closed;
    expect(refused.received()).toBe('');

    open[0]?.socket.destroy();
    await open[0]?.closed;
    const admitted = await openRaw();
    await waitFor(
      () => {
        admitted.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n');
        return admitted.received().includes('"ok"');
      },
      { what: 'an answer once a connection was freed', intervalMs: 100 },
    );
    for (const raw of [...open, admitted]) raw.socket.destroy();
  });
});

describe('listening address', () => {
  it('listens on 127.0.0.1 only by default', () => {
    expect(server.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(server.address).toBe(`127.0.0.1:${new URL(server.url).port}`);
  });

  it('logs the address it really listens on, and a URL that reaches it', { timeout: 60_000 }, async () => {
    const spawned = await spawnServer({ DATABASE_URL: database.url, HOST: '0.0.0.0' });
    try {
      const { port } = new URL(spawned.url);
      const listening = spawned.logs
        .join('')
        .split('\n')
        .find((line) => line.includes('taskapp is listening'));
      expect(JSON.parse(listening ?? '{}')).toMatchObject({
        address: `0.0.0.0:${port}`,
        url: `http://127.0.0.1:${port}`,
      });
      expect((await fetch(`${spawned.url}/healthz`)).status).toBe(200);
    } finally {
      spawned.child.kill('SIGTERM');
      await spawned.exited;
    }
  });
});
