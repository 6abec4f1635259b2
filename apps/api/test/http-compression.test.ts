import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { createTestDatabase, type TestDatabase } from '@taskapp/db/testing';
import express from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCompression } from '../src/http/api-compression.js';
import { type RunningServer, startServer } from '../src/server.js';
import { testEnv } from './helpers/test-env.js';

// A built web app as apps/web's build leaves it: hashed assets with .br and .gz copies next to them.
const webDist = mkdtempSync(path.join(tmpdir(), 'taskapp-web-'));
const ASSET = '/assets/index-Dx4f9a2B.js';
const assetSource = `export const rows = [${Array.from({ length: 400 }, (_, i) => `"row ${i}"`).join(',')}];\n`;
const indexSource = `<!doctype html><html><head><script type="module" src="${ASSET}"></script></head><body>${'<!-- padding -->'.repeat(20)}</body></html>`;
function writeWithCopies(urlPath: string, content: string): void {
  const file = path.join(webDist, urlPath);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  writeFileSync(`${file}.br`, brotliCompressSync(content));
  writeFileSync(`${file}.gz`, gzipSync(content));
}
writeWithCopies(ASSET, assetSource);
writeWithCopies('/index.html', indexSource);

let database: TestDatabase;
let server: RunningServer;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startServer(
    testEnv({ DATABASE_URL: database.url, WEB_DIST_DIR: webDist }),
    pino({ level: 'silent' }),
  );
});
afterAll(async () => {
  await server.close();
  await database.drop();
  rmSync(webDist, { recursive: true, force: true });
});

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET that leaves the body as sent (fetch would decompress it) and the path as written. */
function get(url: string, pathAndQuery: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: hostname, port, path: pathAndQuery, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

const decode = (answer: RawAnswer): Buffer => {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(answer.body);
  if (encoding === 'gzip') return gunzipSync(answer.body);
  return answer.body;
};

describe('static assets', () => {
  it("sends a hashed asset brotli-compressed to Chrome's Accept-Encoding, cached for a year", async () => {
    const answer = await get(server.url, ASSET, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toMatch(/^text\/javascript/);
    expect(answer.headers['content-length']).toBe(String(answer.body.length));
    expect(answer.headers.vary).toMatch(/accept-encoding/i);
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.body.length).toBeLessThan(assetSource.length / 2);
    expect(decode(answer).toString()).toBe(assetSource);
  });

  it('sends gzip to a client without brotli, and the plain file to one accepting neither', async () => {
    const gzip = await get(server.url, ASSET, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(decode(gzip).toString()).toBe(assetSource);

    const plain = await get(server.url, ASSET, { 'accept-encoding': 'br;q=0, identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-length']).toBe(String(Buffer.byteLength(assetSource)));
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.body.toString()).toBe(assetSource);
  });

  it('sends index.html compressed for any app route, and makes browsers revalidate it', async () => {
    const answer = await get(server.url, '/tasks?status=open', { 'accept-encoding': 'br' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toMatch(/^text\/html/);
    expect(answer.headers['cache-control']).toBe('no-cache');
    expect(decode(answer).toString()).toBe(indexSource);
  });

  it('refuses a path out of the assets folder with a 403 that says so', async () => {
    const answer = await get(server.url, '/assets/../../package.json');
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body.toString())).toEqual({ error: "That path isn't allowed." });
  });
});

describe('API answers', () => {
  const batchOf = (calls: number) =>
    `/api/trpc/${Array.from({ length: calls }, () => 'health.check').join(',')}?batch=1&input=${encodeURIComponent('{}')}`;

  it('compresses a JSON answer above 1 KB', async () => {
    const answer = await get(server.url, batchOf(20), { 'accept-encoding': 'gzip, deflate, br' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['cache-control']).toBe('no-store');
    const json = decode(answer);
    expect(json.length).toBeGreaterThan(1024);
    expect(JSON.parse(json.toString())).toHaveLength(20);
  });

  it('sends a big JSON answer plain to a client that accepts no encoding', async () => {
    const answer = await get(server.url, batchOf(20));
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(answer.body.toString())).toHaveLength(20);
  });

  it('leaves a small answer alone', async () => {
    const answer = await get(server.url, '/api/trpc/health.check', { 'accept-encoding': 'gzip, br' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(answer.body.toString())).toMatchObject({
      result: { data: { json: { status: 'ok' } } },
    });
  });

  it('never compresses an event stream, whose events must not wait in a buffer', async () => {
    const app = express();
    app.use(apiCompression());
    app.get('/events', (_req, res) => {
      res.setHeader('Content-Type', 'text/event-stream');
      res.end(`data: ${'x'.repeat(4096)}\n\n`);
    });
    app.get('/json', (_req, res) => {
      res.json({ padding: 'x'.repeat(4096) });
    });
    const listening = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => listening.once('listening', resolve));
    const url = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
    try {
      const events = await get(url, '/events', { 'accept-encoding': 'gzip, br' });
      expect(events.headers['content-encoding']).toBeUndefined();
      expect(events.body.toString()).toContain('data: xxx');
      const json = await get(url, '/json', { 'accept-encoding': 'gzip, br' });
      expect(json.headers['content-encoding']).toBe('br');
    } finally {
      listening.close();
    }
  });
});
