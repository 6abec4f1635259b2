import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createQueries, isDatabaseReachable } from '@taskapp/db/queries';
import pg from 'pg';
import { BadRequest, handlers, NotFound } from './handlers.js';
import { verifyHs256 } from './jwt.js';
import { isLiveSession } from './session-check.js';

// The baseline: what the same requests cost with no framework. Same pool size, same JWT, same
// session-row check, same SQL (the db package's own query builders), JSON out.

const env = process.env;
const secret = env.AUTH_SECRET ?? '';
const pool = new pg.Pool({
  connectionString: env.DATABASE_URL,
  max: Number(env.DATABASE_POOL_MAX ?? 10),
  statement_timeout: 15_000,
});
const routes = handlers(pool);
const { sessions } = createQueries(pool);
const BEARER = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/;
// `/jwt-only/<route>`: the token is verified but the session row is not read, so the call is the JWT check
// plus the route's own statement: the floor for an API that keeps live sessions in memory (issue #14).
const JWT_ONLY = '/jwt-only/';

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

async function input(req: IncomingMessage, url: URL): Promise<Record<string, unknown>> {
  if (req.method === 'POST') return (await readBody(req)) as Record<string, unknown>;
  return JSON.parse(url.searchParams.get('input') ?? '{}') as Record<string, unknown>;
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://baseline');
  if (url.pathname === '/readyz') {
    const ready = await isDatabaseReachable(pool);
    return send(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable' });
  }
  const jwtOnly = url.pathname.startsWith(JWT_ONLY);
  const route = routes[url.pathname.slice(jwtOnly ? JWT_ONLY.length : 1) as keyof typeof routes];
  if (!route) return send(res, 404, { error: 'not found' });
  const token = BEARER.exec(req.headers.authorization ?? '')?.[1];
  const claims = token ? verifyHs256(token, secret) : null;
  if (!claims || (!jwtOnly && !(await isLiveSession(sessions, claims))))
    return send(res, 401, { error: 'unauthorized' });
  const result = await route(claims.userId, await input(req, url));
  send(res, 200, { result });
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    if (error instanceof BadRequest || error instanceof SyntaxError) send(res, 400, { error: 'bad request' });
    else if (error instanceof NotFound) send(res, 404, { error: 'not found' });
    else {
      console.error(error);
      send(res, 500, { error: 'internal' });
    }
  });
});
server.keepAliveTimeout = 5_000;
server.listen(Number(env.PORT ?? 3100), '127.0.0.1');

process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  pool.end().finally(() => process.exit(0));
});
