import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type RegisteredBrowser,
  register,
  type ServerProcessFixture,
  startServerProcessFixture,
} from '../helpers/server-process-fixture.js';

// Issue 12 and security finding 1: one abusive user (batched pathological searches, exports, many creates)
// must not stall another. The bystander's task.byId p99 under the abuse stays within 3x its quiet p99,
// both measured the same way (the middle of three rounds of 1,000 calls each). This is the one test that compares timings, because the issue asks for it.

const SAMPLES = 1_000;
const WARM_UP = 50;
const ABUSER_TASKS = 2_000;

let server: ServerProcessFixture;
let bystander: RegisteredBrowser;
let abuser: RegisteredBrowser;
let taskId: string;

beforeAll(async () => {
  server = await startServerProcessFixture();
  bystander = await register(server);
  abuser = await register(server);
  taskId = (await bystander.browser.api.task.create.mutate({ title: 'mine' })).id;
  // The abuser's data, written directly (creating it through the API is part of the abuse below).
  await server.sql.query(
    "insert into tasks (user_id, title, description) select ?, 'filler ' || n, repeat('lorem ipsum ', 40) from generate_series(1, ?) as n",
    [abuser.userId, ABUSER_TASKS],
  );
}, 120_000);
afterAll(() => server?.stop());

const bearer = (who: RegisteredBrowser) => ({ authorization: `Bearer ${who.browser.accessToken}` });

/** One task.byId of the bystander, raw, timed from request to the last byte. */
async function byIdMs(): Promise<number> {
  const input = encodeURIComponent(JSON.stringify({ json: { id: taskId } }));
  const started = performance.now();
  const response = await fetch(`${server.url}/api/trpc/task.byId?input=${input}`, {
    headers: bearer(bystander),
  });
  await response.arrayBuffer();
  const ms = performance.now() - started;
  expect(response.status).toBe(200);
  return ms;
}

async function p99(samples: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) times.push(await byIdMs());
  times.sort((a, b) => a - b);
  return times[Math.ceil(samples * 0.99) - 1] ?? Number.NaN;
}

interface RawRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

/** The abusive requests, raw (their answers are read and dropped, never parsed). */
function abusiveRequests(): RawRequest[] {
  const get = (path: string): RawRequest => ({
    url: `${server.url}/api/trpc/${path}`,
    method: 'GET',
    headers: bearer(abuser),
  });
  const searches = Array.from({ length: 20 }, () => 'task.list').join(',');
  const searchInputs = encodeURIComponent(
    JSON.stringify(
      Object.fromEntries(Array.from({ length: 20 }, (_, i) => [i, { json: { search: '%'.repeat(200) } }])),
    ),
  );
  const creates = Array.from({ length: 15 }, () => 'task.create').join(',');
  const createInputs = JSON.stringify(
    Object.fromEntries(
      Array.from({ length: 15 }, (_, i) => [
        i,
        { json: { title: `spam ${i}`, description: 'x'.repeat(6_000) } },
      ]),
    ),
  );
  return [
    get(`${searches}?batch=1&input=${searchInputs}`),
    get('account.exportData'),
    get(`${Array.from({ length: 20 }, () => 'account.exportData').join(',')}?batch=1&input=%7B%7D`),
    {
      url: `${server.url}/api/trpc/${creates}?batch=1`,
      method: 'POST',
      headers: { ...bearer(abuser), 'content-type': 'application/json' },
      body: createInputs,
    },
  ];
}

// The abuser runs on a thread of its own, so reading its answers never delays the bystander's timer.
const ABUSER_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
let stop = false;
parentPort.on('message', () => { stop = true; });
(async () => {
  const statuses = [];
  for (let i = 0; !stop; i += 1) {
    const { url, method, headers, body } = workerData.requests[i % workerData.requests.length];
    const response = await fetch(url, { method, headers, body });
    await response.arrayBuffer();
    statuses.push(response.status);
    if (statuses.length === 4) parentPort.postMessage('started');
  }
  parentPort.postMessage(statuses);
})();
`;

/** Starts the abuse; resolves once it is under way, with a function that stops it and gives its statuses. */
async function startAbuse(): Promise<() => Promise<number[]>> {
  const worker = new Worker(ABUSER_THREAD, { eval: true, workerData: { requests: abusiveRequests() } });
  const messages: unknown[] = [];
  let notify = () => {};
  worker.on('message', (message) => {
    messages.push(message);
    notify();
  });
  const next = () => new Promise<void>((resolve) => (notify = resolve));
  while (!messages.includes('started')) await next();
  return async () => {
    worker.postMessage('stop');
    while (!messages.some(Array.isArray)) await next();
    await worker.terminate();
    return messages.find(Array.isArray) as number[];
  };
}

/** The middle of three p99 measurements: one garbage collection or scheduler hiccup doesn't decide. */
async function typicalP99(): Promise<number> {
  const rounds = [await p99(SAMPLES), await p99(SAMPLES), await p99(SAMPLES)].sort((a, b) => a - b);
  return rounds[1] ?? Number.NaN;
}

describe('one abusive user while another works', () => {
  it("keeps the other user's task.byId p99 within 3x of its quiet value", { timeout: 180_000 }, async () => {
    for (let i = 0; i < WARM_UP; i += 1) await byIdMs();
    const quiet = await typicalP99();

    const stopAbuse = await startAbuse();
    const loaded = await typicalP99();
    const statuses = await stopAbuse();

    console.info(
      `bystander task.byId p99: quiet ${quiet.toFixed(1)} ms, under abuse ${loaded.toFixed(1)} ms`,
    );
    expect(statuses.some((status) => status === 429 || status === 400)).toBe(true);
    expect(loaded, `quiet p99 ${quiet.toFixed(1)} ms`).toBeLessThanOrEqual(3 * quiet);
  });
});
