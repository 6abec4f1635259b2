import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createTestDatabase, type TestDatabase, waitFor } from '@taskapp/db/testing';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/server.js';
import { testEnv } from './helpers/test-env.js';

type LogLine = Record<string, unknown> & { msg: string; level: number; reqId?: string };

const lines: LogLine[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    done();
  },
});

let database: TestDatabase;
let server: RunningServer;
// A stand-in for the built web app, so SPA page loads are logged like in production.
const webDist = mkdtempSync(path.join(tmpdir(), 'taskapp-web-'));
writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Taskapp</title>');

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startServer(
    testEnv({ DATABASE_URL: database.url, WEB_DIST_DIR: webDist }),
    pino({ level: 'info' }, sink),
  );
});
afterAll(async () => {
  await server.close();
  await database.drop();
  rmSync(webDist, { recursive: true, force: true });
});
beforeEach(() => {
  lines.length = 0;
});

/** A token-like query without a name, as a hand-made link might carry it. */
const BARE_TOKEN = 'Q2hvb3NlIGEgbmV3IHBhc3N3b3JkIHRva2VuIGhlcmU';

const logged = (requestId: string) => lines.filter((line) => line.reqId === requestId);

/** The server logs once the response is written, so the line arrives a moment after the answer. */
async function linesFor(requestId: string): Promise<LogLine[]> {
  await waitFor(() => logged(requestId).length > 0, { what: `the log line of ${requestId}` });
  return logged(requestId);
}

describe('request log', () => {
  it('writes one line per request with its id, method, URL, status and duration, and no credentials', async () => {
    const response = await fetch(`${server.url}/api/trpc/health.check`, {
      headers: { Authorization: 'Bearer a.b.c', 'X-Request-Id': 'log-test-1' },
    });
    expect(response.status).toBe(200);
    const logged = await linesFor('log-test-1');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: { method: 'GET', url: '/api/trpc/health.check' },
      res: { statusCode: 200 },
    });
    expect(logged[0]?.responseTime).toEqual(expect.any(Number));
    expect(JSON.stringify(logged[0])).not.toContain('Bearer');
  });

  it('logs refused requests with their status', async () => {
    const response = await fetch(`${server.url}/api/nothing-here`, {
      headers: { 'X-Request-Id': 'log-test-2' },
    });
    expect(response.status).toBe(404);
    expect(await linesFor('log-test-2')).toMatchObject([
      { msg: 'request completed', res: { statusCode: 404 } },
    ]);
  });

  it('leaves health probes out', async () => {
    await fetch(`${server.url}/healthz`, { headers: { 'X-Request-Id': 'log-test-3' } });
    await fetch(`${server.url}/readyz`, { headers: { 'X-Request-Id': 'log-test-3' } });
    // Lines are written in order: once a later request's line is there, a probe's would be too.
    await fetch(`${server.url}/api/nothing-here`, { headers: { 'X-Request-Id': 'log-test-3-after' } });
    await linesFor('log-test-3-after');
    expect(logged('log-test-3')).toEqual([]);
  });

  it('keeps the token of a mailed link out of the logged URL of an SPA page load', async () => {
    const response = await fetch(`${server.url}/reset-password?token=SECRET_RESET_TOKEN_abc123`, {
      headers: { 'X-Request-Id': 'log-test-4' },
    });
    expect(response.status).toBe(200);
    const [line] = await linesFor('log-test-4');
    expect(line).toMatchObject({ req: { url: '/reset-password?token=[redacted]' } });
    expect(JSON.stringify(lines)).not.toContain('SECRET_RESET_TOKEN_abc123');
  });

  it('keeps tRPC input (search terms, cursors) out of the log and keeps the batch flag', async () => {
    const input = encodeURIComponent(
      JSON.stringify({ 0: { json: { search: 'my diagnosis', cursor: 'c' } } }),
    );
    await fetch(`${server.url}/api/trpc/task.list?batch=1&input=${input}&q=private&${BARE_TOKEN}`, {
      headers: { 'X-Request-Id': 'log-test-5' },
    });
    const [line] = await linesFor('log-test-5');
    expect(line).toMatchObject({
      req: { url: '/api/trpc/task.list?batch=1&input=[redacted]&q=[redacted]&[redacted]' },
    });
    expect(JSON.stringify(lines)).not.toContain('diagnosis');
    expect(JSON.stringify(lines)).not.toContain(BARE_TOKEN);
  });
});
