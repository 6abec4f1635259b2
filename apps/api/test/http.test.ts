import { LIMITS } from '@taskapp/shared';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { batchClient, startTestServer, type TestServer } from './helpers/test-server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe('HTTP endpoints', () => {
  it('answers /healthz while the process is alive', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with 200 when the database is reachable', async () => {
    const response = await fetch(`${server.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ database: 'up' });
  });

  it('serves health.check over tRPC with superjson', async () => {
    const health = await server.client.health.check.query();
    expect(health).toMatchObject({ status: 'ok', database: 'up' });
    expect(health.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('echoes a sane X-Request-Id and makes one up otherwise', async () => {
    const kept = await fetch(`${server.url}/healthz`, { headers: { 'X-Request-Id': 'abc-123' } });
    expect(kept.headers.get('x-request-id')).toBe('abc-123');
    const replaced = await fetch(`${server.url}/healthz`, { headers: { 'X-Request-Id': 'bad id <script>' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lets no browser or proxy store API answers, errors and 404s included', async () => {
    for (const path of ['/api/trpc/health.check', '/api/trpc/auth.me', '/api/nothing-here']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('sets security headers', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it(`accepts a batch of ${LIMITS.batchMax} calls and refuses a bigger one`, async () => {
    const calls = (n: number) => {
      const paths = Array.from({ length: n }, () => 'health.check').join(',');
      const input = encodeURIComponent(JSON.stringify({}));
      return fetch(`${server.url}/api/trpc/${paths}?batch=1&input=${input}`);
    };
    expect((await calls(LIMITS.batchMax)).status).toBe(200);
    const refused = await calls(LIMITS.batchMax + 1);
    expect(refused.status).toBe(400);
    const ok = await Promise.all(
      Array.from({ length: LIMITS.batchMax }, () =>
        batchClient(server.url, LIMITS.batchMax).health.check.query(),
      ),
    );
    expect(ok).toHaveLength(LIMITS.batchMax);
  });

  it('refuses a body over 100 kB with 413 and a short JSON answer', async () => {
    const response = await fetch(`${server.url}/api/trpc/health.check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ padding: 'x'.repeat(200 * 1024) }),
    });
    expect(response.status).toBe(413);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: 'The request body is too large.' });
    expect(text).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('answers malformed JSON with 400 and no stack trace', async () => {
    const response = await fetch(`${server.url}/api/trpc/health.check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"broken":',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).not.toContain('node_modules');
  });

  it('answers an unknown procedure with NOT_FOUND and no stack', async () => {
    const response = await fetch(`${server.url}/api/trpc/nope.missing`);
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).toContain('NOT_FOUND');
    expect(body).not.toContain('stack');
    expect(body).not.toContain('node_modules');
  });

  it('answers an unknown /api path with JSON 404', async () => {
    const response = await fetch(`${server.url}/api/unknown`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'Not found' });
  });

  it('reports tRPC errors as TRPCClientError with the code', async () => {
    const client = server.client as unknown as { nope: { query: { query(): Promise<unknown> } } };
    await expect(client.nope.query.query()).rejects.toBeInstanceOf(TRPCClientError);
  });
});

describe('readiness when the database goes away', () => {
  it('answers /readyz with 503 and /healthz with 200', async () => {
    const doomed = await startTestServer();
    try {
      // Dropping the database kills its connections and makes new ones fail, like an outage.
      await doomed.database.drop();
      const ready = await fetch(`${doomed.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ database: 'down' });
      expect((await fetch(`${doomed.url}/healthz`)).status).toBe(200);
      const health = await doomed.client.health.check.query();
      expect(health).toMatchObject({ status: 'degraded', database: 'down' });
    } finally {
      await doomed.close();
    }
  });
});
