import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LIMITS } from '@taskapp/shared';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trpcHandler } from '../src/http/trpc-handler.js';
import type { AppDependencies } from '../src/trpc/context.js';
import { createExpressContextFactory } from '../src/trpc/express-context.js';
import { appRouter } from '../src/trpc/router.js';
import { openTaskTestDb, type TaskTestDb } from './helpers/task-fixtures.js';

// Our handler (decision 008) must answer exactly like tRPC's own Express adapter: the same table of
// requests goes to both, mounted the same way on the same router and context, and the answers are compared.

let t: TaskTestDb;
let servers: Server[] = [];
let ours = '';
let stock = '';

function listen(deps: AppDependencies, handler: 'ours' | 'stock'): Promise<string> {
  const app = express();
  const createContext = createExpressContextFactory(deps);
  app.use(
    '/api/trpc',
    express.json({ limit: LIMITS.bodyMaxBytes }),
    handler === 'ours'
      ? trpcHandler({
          router: appRouter,
          createContext,
          maxBatchSize: LIMITS.batchMax,
          onError: () => undefined,
        })
      : createExpressMiddleware({ router: appRouter, createContext, maxBatchSize: LIMITS.batchMax }),
  );
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  return new Promise((resolve) =>
    server.once('listening', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

beforeAll(async () => {
  t = await openTaskTestDb();
  ours = await listen(t.deps, 'ours');
  stock = await listen(t.deps, 'stock');
});
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  servers = [];
  await t.close();
});

const superjsonInput = (value: unknown) => encodeURIComponent(JSON.stringify({ json: value }));
const batchOf = (calls: number) => Array.from({ length: calls }, () => 'health.check').join(',');
const batchInput = (calls: number) =>
  encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: calls }, (_, i) => [i, {}]))));

interface Exchange {
  path: string;
  method?: 'GET' | 'POST';
  body?: unknown;
  headers?: Record<string, string>;
}

const EXCHANGES: [string, Exchange][] = [
  ['a query', { path: 'health.check' }],
  ['a batch of queries', { path: `health.check,health.check?batch=1&input=${batchInput(2)}` }],
  ['a protected query without a token', { path: 'task.list' }],
  ['a query with invalid input', { path: `task.stats?input=${superjsonInput({ timeZone: 'Not/AZone' })}` }],
  ['an unknown procedure', { path: 'task.nothing' }],
  ['a mutation with invalid input', { path: 'auth.login', method: 'POST', body: { json: { email: 'x' } } }],
  [
    'a mutation that sets a cookie',
    { path: 'auth.logout', method: 'POST', body: {}, headers: { origin: 'http://localhost:5173' } },
  ],
  [
    'a batch with one failing call',
    {
      path: 'auth.logout,auth.logout?batch=1',
      method: 'POST',
      body: { 0: {}, 1: {} },
      headers: { origin: 'https://elsewhere.example' },
    },
  ],
  ['a query sent as POST', { path: 'health.check', method: 'POST', body: {} }],
  [
    'a batch over the cap',
    { path: `${batchOf(LIMITS.batchMax + 1)}?batch=1&input=${batchInput(LIMITS.batchMax + 1)}` },
  ],
];

async function send(base: string, exchange: Exchange) {
  const response = await fetch(`${base}/api/trpc/${exchange.path}`, {
    method: exchange.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...exchange.headers },
    body: exchange.body === undefined ? undefined : JSON.stringify(exchange.body),
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    cookies: response.headers.getSetCookie(),
    // The two apps started a moment apart; their uptimes may differ by a second, which says nothing
    // about the handler.
    body: JSON.parse((await response.text()).replace(/"uptimeSeconds":\d+/g, '"uptimeSeconds":0')) as unknown,
  };
}

describe('the tRPC handler answers like the stock Express adapter', () => {
  it.each(EXCHANGES)('%s', async (_name, exchange) => {
    const [fromOurs, fromStock] = [await send(ours, exchange), await send(stock, exchange)];
    expect(fromOurs).toEqual(fromStock);
  });
});

describe("our handler's answers", () => {
  it('are written whole, with a Content-Length instead of chunked encoding', async () => {
    const response = await fetch(`${ours}/api/trpc/health.check,health.check?batch=1&input={}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('transfer-encoding')).toBeNull();
    const body = await response.arrayBuffer();
    expect(Number(response.headers.get('content-length'))).toBe(body.byteLength);
    expect(JSON.parse(new TextDecoder().decode(body))).toHaveLength(2);
  });

  it('keep tRPC status codes for errors', async () => {
    const response = await fetch(`${ours}/api/trpc/task.list`);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toMatchObject({ error: { json: { data: { code: 'UNAUTHORIZED' } } } });
  });
});
