import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonBody, rawPost, signUp } from './helpers/accounts.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

// Security findings 5, 6, 7 and 17: input of any shape is a 4xx with a message of ours, never a library's.

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  token = (await signUp(server)).accessToken;
});
afterAll(() => server.stop());

const LIBRARY_MESSAGES = [
  'Maximum call stack size exceeded',
  'Cannot convert',
  'Unknown transformation',
  '__proto__ is not allowed',
  'is not valid JSON',
];

async function expect400(response: Response, message: string | RegExp) {
  const text = await response.text();
  expect(response.status, text).toBe(400);
  for (const library of LIBRARY_MESSAGES) expect(text).not.toContain(library);
  const body = JSON.parse(text) as { error: { json: { message: string } } } | { error: string };
  const said = typeof body.error === 'string' ? body.error : body.error.json.message;
  expect(said).toMatch(message);
}

const post = (procedure: string, body: string, headers: Record<string, string> = {}) =>
  rawPost(server, procedure, body, { 'content-type': 'application/json', ...headers });

/** A GET with any Host header (fetch will not send a made-up one). */
function getWithHost(path: string, host: string, headers: Record<string, string> = {}) {
  const { port } = new URL(server.url);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host, ...headers } }, (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('superjson meta (finding 5)', () => {
  it.each([
    ['values as a string', { values: 'o' }],
    ['a 90k-character values string', { values: 'o'.repeat(90_000) }],
    ['a class tag', { values: { token: [['class', 'Foo']] } }],
    ['a custom tag', { values: { token: [['custom', 'x']] } }],
    ['a symbol tag', { values: { token: [['symbol', 'x']] } }],
    ['a bigint tag', { values: { token: ['bigint'] } }],
    ['an unknown tag', { values: { token: ['wat'] } }],
    ['a path through __proto__', { values: { '__proto__.x': ['Date'] } }],
    ['referentialEqualities as a string', { referentialEqualities: 'o' }],
    ['an unknown meta key', { values: {}, extra: 1 }],
  ])('refuses %s with 400 "Malformed input"', async (_name, meta) => {
    await expect400(
      await post('auth.verifyEmail', JSON.stringify({ json: { token: 'x' }, meta })),
      /^Malformed input/,
    );
  });

  it('refuses values nested 5,000 deep with 400 "Malformed input" or "nested too deeply"', async () => {
    const values = `${'{"a":'.repeat(5000)}["Date"]${'}'.repeat(5000)}`;
    const body = `{"json":{"token":"x"},"meta":{"values":${values}}}`;
    await expect400(await post('auth.verifyEmail', body), /^Malformed input|nested too deeply/);
  });

  it('still reads the dates and undefineds the app sends', async () => {
    const body = JSON.stringify({
      json: { title: 'dated', dueDate: '2031-01-02T03:04:05.000Z', description: null },
      meta: { values: { dueDate: ['Date'], description: ['undefined'] }, v: 1 },
    });
    const response = await post('task.create', body, { authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    const task = (await response.json()) as { result: { data: { json: { dueDate: string } } } };
    expect(task.result.data.json.dueDate).toBe('2031-01-02T03:04:05.000Z');
  });

  it('refuses a BigInt-shaped value with a message of ours', async () => {
    const body = JSON.stringify({ json: { token: 'abc' }, meta: { values: { token: ['bigint'] } } });
    await expect400(await post('auth.verifyEmail', body), /^Malformed input/);
  });
});

describe('__proto__ in input (finding 17)', () => {
  it('refuses a __proto__ key like any unknown key, and creates nothing', async () => {
    const body = '{"json":{"title":"x","__proto__":{"priority":"high"}}}';
    await expect400(await post('task.create', body, { authorization: `Bearer ${token}` }), /__proto__/);
    const list = await fetch(`${server.url}/api/trpc/task.list`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const page = (await list.json()) as { result: { data: { json: { items: { title: string }[] } } } };
    expect(page.result.data.json.items.map((task) => task.title)).not.toContain('x');
  });
});

describe('deep nesting (finding 6)', () => {
  const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

  it('answers a body nested 10,000 levels with a clear 400', async () => {
    const body = `{"json":{"email":${deep(10_000)},"password":"x"}}`;
    await expect400(await post('auth.login', body), /nested too deeply/);
  });

  it('answers objects nested 10,000 levels with a clear 400', async () => {
    const body = `{"json":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`;
    await expect400(await post('auth.login', body), /nested too deeply/);
  });

  it('answers GET input nested 2,000 levels with a clear 400', async () => {
    const input = encodeURIComponent(`{"json":{"timeZone":${deep(2_000)}}}`);
    const response = await fetch(`${server.url}/api/trpc/task.stats?input=${input}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await expect400(response, /nested too deeply/);
  });

  it("answers GET input that is not JSON without the parser's message", async () => {
    const response = await fetch(`${server.url}/api/trpc/task.stats?input=notjson`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await expect400(response, /could not be read as JSON/);
  });
});

describe('Host header (finding 7)', () => {
  it.each(['a b', '[', 'x:99999', '%zz', 'user@evil', 'xn--'])('serves Host %j normally', async (host) => {
    const response = await getWithHost('/api/trpc/health.check', host);
    expect(response.status).toBeLessThan(500);
    if (response.status === 200) expect(response.body).toContain('"status":"ok"');
  });

  it("runs the request line's input, never one smuggled in through Host", async () => {
    const auth = { authorization: `Bearer ${token}` };
    const created = await post('task.create', jsonBody({ title: 'alice secret 4' }), auth);
    expect(created.status).toBe(200);
    const asked = encodeURIComponent(JSON.stringify({ json: { search: 'no-such-thing-zzz' } }));
    const smuggled = encodeURIComponent(JSON.stringify({ json: { search: 'secret', limit: 1 } }));
    const response = await getWithHost(
      `/api/trpc/task.list?input=${asked}`,
      `127.0.0.1?input=${smuggled}#`,
      auth,
    );
    expect(response.status).toBe(200);
    expect(response.body).not.toContain('alice secret 4');
    expect(JSON.parse(response.body)).toMatchObject({ result: { data: { json: { items: [] } } } });
  });

  it('does not turn a call into a batch through Host', async () => {
    const response = await getWithHost('/api/trpc/health.check', 'x?batch=1#');
    expect(response.status).toBe(200);
    expect(Array.isArray(JSON.parse(response.body))).toBe(false);
  });
});

describe('path confusion (finding 17)', () => {
  it('runs no procedure for /api/trpc/anything/auth.me or /api/trpc/x/y/auth.logout', async () => {
    const me = await fetch(`${server.url}/api/trpc/anything/at/all/auth.me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.status).toBe(404);
    expect(await me.text()).not.toContain('@example.com');
    const logout = await post('x/y/auth.logout', '{}', { origin: new URL(server.url).origin });
    expect(logout.status).toBe(404);
  });
});
