import { Writable } from 'node:stream';
import { createTestDatabase, type TestDatabase } from '@taskapp/db/testing';
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

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startServer(testEnv({ DATABASE_URL: database.url }), pino({ level: 'info' }, sink));
});
afterAll(async () => {
  await server.close();
  await database.drop();
});
beforeEach(() => {
  lines.length = 0;
});

/** The server logs after the response is written, so give it a moment. */
async function linesFor(requestId: string): Promise<LogLine[]> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  return lines.filter((line) => line.reqId === requestId);
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
    expect(await linesFor('log-test-3')).toEqual([]);
  });
});

describe('tRPC answers', () => {
  it('are written whole, with a Content-Length instead of chunked encoding', async () => {
    const response = await fetch(`${server.url}/api/trpc/health.check,health.check?batch=1&input={}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('transfer-encoding')).toBeNull();
    const body = await response.arrayBuffer();
    expect(Number(response.headers.get('content-length'))).toBe(body.byteLength);
    expect(JSON.parse(new TextDecoder().decode(body))).toHaveLength(2);
  });

  it('keep tRPC status codes for errors', async () => {
    const response = await fetch(`${server.url}/api/trpc/task.list`);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toMatchObject({ error: { json: { data: { code: 'UNAUTHORIZED' } } } });
  });
});
