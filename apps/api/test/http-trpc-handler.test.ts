import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LIMITS } from '@taskapp/shared';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAccessToken } from '../src/auth/access-token.js';
import { trpcHandler } from '../src/http/trpc-handler.js';
import { answerQueries } from '../src/http/trpc-queries.js';
import type { AppDependencies } from '../src/trpc/context.js';
import { createExpressContextFactory } from '../src/trpc/express-context.js';
import { appRouter } from '../src/trpc/router.js';
import { insertTasks, newUser, openTaskTestDb, type TaskTestDb } from './helpers/task-fixtures.js';

// Our handler (decision 008) must answer exactly like tRPC's own Express adapter: the same table of
// requests goes to both, mounted the same way on the same router and context, and the answers are compared.

let t: TaskTestDb;
let servers: Server[] = [];
let ours = '';
let stock = '';
let directOnly = '';
let bearer = '';

/** The status the direct-only server answers with when answerQueries leaves a request to tRPC. */
const LEFT_TO_TRPC = 599;

function listen(deps: AppDependencies, handler: 'ours' | 'stock' | 'direct only'): Promise<string> {
  const app = express();
  const createContext = createExpressContextFactory(deps);
  const options = {
    router: appRouter,
    createContext,
    maxBatchSize: LIMITS.batchMax,
    onError: () => undefined,
  };
  const handlers = {
    ours: trpcHandler(options),
    stock: createExpressMiddleware(options),
    'direct only': async (req: express.Request, res: express.Response) => {
      if (!(await answerQueries(options, req, res, req.path.slice(1)))) res.sendStatus(LEFT_TO_TRPC);
    },
  };
  app.use('/api/trpc', express.json({ limit: LIMITS.bodyMaxBytes }), handlers[handler]);
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
  directOnly = await listen(t.deps, 'direct only');
  // A signed-in caller with tasks, so answers carry dates (superjson meta) and a next-page cursor.
  const { userId } = await newUser(t, 'handler');
  await insertTasks(
    t,
    userId,
    Array.from({ length: 60 }, (_, i) => ({
      title: `Task ${i}`,
      dueDate: i % 3 ? `2026-12-${String(1 + (i % 28)).padStart(2, '0')}T09:00:00.000Z` : null,
      createdAt: `2026-11-01T10:00:${String(i).padStart(2, '0')}.000Z`,
    })),
  );
  const [session] = await t.query<{ id: string }>('select id from sessions where user_id = ?', [userId]);
  const { accessToken } = await signAccessToken(
    { userId, sessionId: session?.id ?? '' },
    t.deps.env.AUTH_SECRET,
  );
  bearer = `Bearer ${accessToken}`;
});
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  servers = [];
  await t.close();
});

const superjsonInput = (value: unknown) => encodeURIComponent(JSON.stringify({ json: value }));
const batchOf = (calls: number) => Array.from({ length: calls }, () => 'health.check').join(',');
const batchOfInputs = (...inputs: unknown[]) =>
  encodeURIComponent(JSON.stringify(Object.fromEntries(inputs.map((input, i) => [i, { json: input }]))));
const batchInput = (calls: number) =>
  encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: calls }, (_, i) => [i, {}]))));

interface Exchange {
  path: string;
  method?: 'GET' | 'POST';
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent with the signed-in caller's bearer token. */
  signedIn?: boolean;
  /** The status both must answer with, where the case is about it. */
  status?: number;
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
  // GETs of queries are answered without tRPC's Fetch wrapping (trpc-queries.ts): every shape of them.
  [
    'a signed-in list',
    { path: `task.list?input=${superjsonInput({ limit: 50 })}`, signedIn: true, status: 200 },
  ],
  ['a signed-in query without input', { path: 'project.list', signedIn: true, status: 200 }],
  [
    'a signed-in batch as the web sends it',
    {
      path: `task.list,task.stats,label.list?batch=1&input=${batchOfInputs({ view: 'today' }, { timeZone: 'Europe/Berlin' })}`,
      signedIn: true,
      status: 200,
    },
  ],
  [
    'a batch with one failing query',
    {
      path: `task.stats,task.list?batch=1&input=${batchOfInputs({ timeZone: 'Not/AZone' }, {})}`,
      signedIn: true,
      status: 207,
    },
  ],
  [
    'a batch failing alike in every query',
    {
      path: `task.stats,task.list?batch=1&input=${batchOfInputs({ timeZone: 'Not/AZone' }, { limit: 0 })}`,
      signedIn: true,
      status: 400,
    },
  ],
  [
    'a batch naming a mutation',
    { path: `task.list,auth.logout?batch=1&input=${batchInput(2)}`, signedIn: true },
  ],
  ['a batch naming an unknown query', { path: `task.list,task.nothing?batch=1&input=${batchInput(2)}` }],
  ['a mutation sent as GET', { path: 'auth.logout' }],
  ['an input that is not JSON', { path: 'task.list?input=%7Bnope', signedIn: true }],
  ['a batch input that is not an object', { path: 'task.list?batch=1&input=%5B1%5D', signedIn: true }],
  ['a batch without input', { path: 'health.check,health.check?batch=1' }],
  [
    'an input with a bad superjson annotation',
    {
      path: `task.list?input=${encodeURIComponent(JSON.stringify({ json: {}, meta: { values: { limit: ['bogus'] } } }))}`,
      signedIn: true,
    },
  ],
  ['a percent-encoded path', { path: 'health%2Echeck' }],
  [
    'a GET that claims a form',
    { path: 'health.check', headers: { 'content-type': 'multipart/form-data; boundary=x' } },
  ],
  ['a query with connection params', { path: 'health.check?connectionParams=%7B%7D' }],
  [
    'a batch over the cap',
    { path: `${batchOf(LIMITS.batchMax + 1)}?batch=1&input=${batchInput(LIMITS.batchMax + 1)}` },
  ],
];

async function send(base: string, exchange: Exchange) {
  const response = await fetch(`${base}/api/trpc/${exchange.path}`, {
    method: exchange.method ?? 'GET',
    headers: {
      'content-type': 'application/json',
      ...(exchange.signedIn ? { authorization: bearer } : {}),
      ...exchange.headers,
    },
    body: exchange.body === undefined ? undefined : JSON.stringify(exchange.body),
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    vary: response.headers.get('vary'),
    cookies: response.headers.getSetCookie(),
    // The two apps started a moment apart; their uptimes may differ by a second, which says nothing
    // about the handler.
    body: (await response.text()).replace(/"uptimeSeconds":\d+/g, '"uptimeSeconds":0'),
  };
}

describe('the tRPC handler answers like the stock Express adapter', () => {
  it.each(EXCHANGES)('%s', async (_name, exchange) => {
    const [fromOurs, fromStock] = [await send(ours, exchange), await send(stock, exchange)];
    if (exchange.status) expect(fromOurs.status).toBe(exchange.status);
    expect(fromOurs).toEqual(fromStock);
  });
});

describe('GETs of queries', () => {
  // The table above shows the answers are tRPC's; this shows which of them skipped tRPC's Fetch wrapping.
  const DIRECT = [
    'a query',
    'a batch of queries',
    'a protected query without a token',
    'a query with invalid input',
    'a signed-in list',
    'a signed-in query without input',
    'a signed-in batch as the web sends it',
    'a batch with one failing query',
    'a batch failing alike in every query',
    'a batch without input',
  ];
  it.each(EXCHANGES.filter(([, exchange]) => (exchange.method ?? 'GET') === 'GET'))(
    '%s',
    async (name, exchange) => {
      const { status } = await send(directOnly, exchange);
      if (DIRECT.includes(name)) expect(status).not.toBe(LEFT_TO_TRPC);
      else expect(status).toBe(LEFT_TO_TRPC);
    },
  );
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
