import { createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDatabaseReachable } from '../../src/queries/health-queries.js';
import { createQueries } from '../../src/queries/index.js';
import { createTestOrm, type TestOrm } from '../../src/testing/index.js';

let testOrm: TestOrm;

beforeAll(async () => {
  testOrm = await createTestOrm();
});
afterAll(() => testOrm.close());

/** A TCP server on a free port; `close()` frees the port again. */
async function listen(onConnection: (socket: Socket) => void = () => undefined) {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('no port');
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const poolOn = (port: number) => {
  const pool = new pg.Pool({
    connectionString: `postgres://nobody:secret@127.0.0.1:${port}/nothing`,
    connectionTimeoutMillis: 5_000,
  });
  pool.on('error', () => undefined);
  return pool;
};

describe('isDatabaseReachable', () => {
  it('is true on a live pool', async () => {
    expect(await isDatabaseReachable(testOrm.pool)).toBe(true);
    expect(await createQueries(testOrm.pool).isDatabaseReachable()).toBe(true);
  });

  it('is false, well within the timeout, on a pool pointing at a closed port', async () => {
    const closed = await listen();
    await closed.close();
    const pool = poolOn(closed.port);
    try {
      const started = Date.now();
      expect(await isDatabaseReachable(pool, 2_000)).toBe(false);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await pool.end();
    }
  });

  it('is false after the timeout when the server accepts connections but never answers', async () => {
    const silent = await listen();
    const pool = poolOn(silent.port);
    try {
      const started = Date.now();
      expect(await isDatabaseReachable(pool, 300)).toBe(false);
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(250);
      expect(elapsed).toBeLessThan(2_000);
    } finally {
      await silent.close();
      await pool.end().catch(() => undefined);
    }
  });

  it('is false when the query itself fails', async () => {
    const failing = {
      query: () => Promise.reject(new Error('connection terminated')),
    };
    expect(await isDatabaseReachable(failing, 1_000)).toBe(false);
  });
});
