import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { IDLE_MODULES_META, SIGNED_IN_COOKIE } from '@taskapp/shared';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spaRouter } from '../src/http/spa.js';

// A built web app as apps/web's build leaves it, with the list of each first page's chunks.
const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/index-a.js"></script>\n  </head><body></body></html>';
const PRELOADS = [
  { pattern: '^/sign-in/?$', files: ['assets/sign-in-b.js', 'assets/form-c.js'] },
  { pattern: '^/sign-up/?$', files: ['assets/sign-up-d.js'] },
  {
    pattern: '^/(?:inbox|projects/[0-9a-f-]{36})?$',
    files: ['assets/task-screen-e.js'],
    idleFiles: ['assets/task-panel-f.js', 'assets/zod-g.js'],
    signedIn: true,
  },
];
const SIGNED_IN = { cookie: `other=x; ${SIGNED_IN_COOKIE}=1` };

function writeDist(withPreloads: boolean): string {
  const dist = mkdtempSync(path.join(tmpdir(), 'taskapp-web-preloads-'));
  writeFileSync(path.join(dist, 'index.html'), INDEX);
  writeFileSync(path.join(dist, 'index.html.br'), brotliCompressSync(INDEX));
  writeFileSync(path.join(dist, 'index.html.gz'), gzipSync(INDEX));
  if (withPreloads) {
    mkdirSync(path.join(dist, '.vite'));
    writeFileSync(path.join(dist, '.vite/route-preloads.json'), JSON.stringify(PRELOADS));
  }
  return dist;
}

async function serve(dist: string): Promise<{ url: string; server: Server }> {
  const app = express();
  const spa = spaRouter(dist);
  if (!spa) throw new Error('no index.html');
  app.use(spa);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const preloadsIn = (html: string) =>
  [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((match) => match[1]);
const idleModulesIn = (html: string) =>
  new RegExp(`<meta name="${IDLE_MODULES_META}" content="([^"]*)">`).exec(html)?.[1]?.split(' ') ?? [];

describe('index.html for a first page whose code is a lazy chunk', () => {
  const dists: string[] = [];
  let withList: { url: string; server: Server };
  let withoutList: { url: string; server: Server };
  beforeAll(async () => {
    dists.push(writeDist(true), writeDist(false));
    withList = await serve(dists[0] as string);
    withoutList = await serve(dists[1] as string);
  });
  afterAll(() => {
    withList.server.close();
    withoutList.server.close();
    for (const dist of dists) rmSync(dist, { recursive: true, force: true });
  });

  it("links the sign-in page's chunks, compressed as the browser accepts, revalidated like index.html", async () => {
    const response = await fetch(`${withList.url}/sign-in`, { headers: { 'accept-encoding': 'br' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
    const html = await response.text();
    expect(preloadsIn(html)).toEqual(['/assets/sign-in-b.js', '/assets/form-c.js']);
    expect(idleModulesIn(html)).toEqual([]);
    expect(html).toContain('<script type="module" src="/assets/index-a.js"></script>');
  });

  it("links the sign-up page's own chunks there", async () => {
    const html = await (await fetch(`${withList.url}/sign-up`)).text();
    expect(preloadsIn(html)).toEqual(['/assets/sign-up-d.js']);
  });

  it("links a task place's chunks for a browser holding the signed-in marker, and only for it", async () => {
    for (const address of ['/', '/inbox', '/projects/0b6f4b0e-3a4c-4e55-9d1a-5a0f3c2d7e91']) {
      const response = await fetch(`${withList.url}${address}`, { headers: SIGNED_IN });
      expect(response.headers.get('vary')).toMatch(/cookie/i);
      const html = await response.text();
      expect(preloadsIn(html), address).toEqual(['/assets/task-screen-e.js']);
      // Named for the page to fetch once its first screen is up, not linked (not downloaded with it).
      expect(idleModulesIn(html), address).toEqual(['/assets/task-panel-f.js', '/assets/zod-g.js']);
      expect(preloadsIn(html), address).not.toContain('/assets/task-panel-f.js');
    }
    const signedOut = await fetch(`${withList.url}/inbox`);
    expect(signedOut.headers.get('vary')).toMatch(/cookie/i);
    expect(await signedOut.text()).toBe(INDEX);
    // Signing out leaves the marker empty.
    const cleared = { cookie: `${SIGNED_IN_COOKIE}=` };
    expect(await (await fetch(`${withList.url}/inbox`, { headers: cleared })).text()).toBe(INDEX);
  });

  it('sends the plain index.html for any other address, and for a build without the list', async () => {
    expect(await (await fetch(`${withList.url}/settings`, { headers: SIGNED_IN })).text()).toBe(INDEX);
    expect(await (await fetch(`${withList.url}/today`, { headers: SIGNED_IN })).text()).toBe(INDEX);
    expect(await (await fetch(`${withoutList.url}/sign-in`)).text()).toBe(INDEX);
    expect(await (await fetch(`${withoutList.url}/inbox`, { headers: SIGNED_IN })).text()).toBe(INDEX);
  });
});
