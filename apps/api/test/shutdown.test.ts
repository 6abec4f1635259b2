import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase, waitFor } from '@taskapp/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer } from './helpers/server-process.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe('graceful shutdown on SIGTERM', () => {
  // Each test starts a real server process; generous timeouts keep them steady on a loaded 2-core CI machine.
  it('finishes the in-flight request, refuses new connections and exits 0', { timeout: 60_000 }, async () => {
    const server = await spawnServer({ DATABASE_URL: database.url });
    const { port } = new URL(server.url);

    // A request whose body is only half sent is in flight until we finish it. The server answers its
    // Expect: 100-continue once it has read the head, so we know when the request is in its hands.
    const body = JSON.stringify({ json: { note: 'in flight' } });
    const inFlight = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/trpc/health.check',
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        expect: '100-continue',
      },
    });
    let accepted = false;
    inFlight.once('continue', () => {
      accepted = true;
    });
    const response = new Promise<number | undefined>((resolve, reject) => {
      inFlight.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      });
      inFlight.on('error', reject);
    });
    inFlight.write(body.slice(0, 5));
    await waitFor(() => accepted, { what: 'the server to have read the in-flight request’s head' });

    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    await waitFor(
      () =>
        fetch(`${server.url}/healthz`).then(
          () => false,
          () => true,
        ),
      {
        what: 'new requests to be refused',
        timeoutMs: 2_000,
      },
    );

    inFlight.end(body.slice(5));
    expect(await response).toBeTypeOf('number');
    expect(await server.exited).toBe(0);
    // Generous bound for a loaded CI machine; without the idle-connection sweep this took the 5 s keep-alive.
    expect(Date.now() - signalledAt).toBeLessThan(4_000);
    expect(server.logs.join('')).toContain('shut down cleanly');
  });

  it('stops the embedded PostgreSQL it started when DATABASE_URL is unset', { timeout: 60_000 }, async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'taskapp-shutdown-'));
    chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the postgres user, who must reach the folder
    const server = await spawnServer({ DATABASE_URL: '', DATA_DIR: dataDir });
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
    expect(existsSync(pidFile)).toBe(true);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(existsSync(pidFile)).toBe(false);
    rmSync(dataDir, { recursive: true, force: true });
  });
});
