import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SIGNED_IN_COOKIE } from '@taskapp/shared';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spaRouter } from '../src/http/spa.js';

// A built web app as apps/web's build leaves it: index.html, the first pages' chunks, their markup.
const INDEX =
  '<!doctype html><html><head><title>Taskapp</title><script type="module" src="/assets/index-a.js"></script>\n  </head><body><div id="root"></div></body></html>';
const PRELOADS = [{ pattern: '^/sign-in/?$', files: ['assets/sign-in-b.js'] }];
// `$&` would be a replacement pattern to String.replace: the markup must arrive as written.
const MARKUP = '<div class="flex"><form aria-label="Sign in"><input name="email"/></form><p>$&amp;</p></div>';
const PRERENDERED = [{ pattern: '^/sign-in/?$', title: 'Sign in · Taskapp', markup: MARKUP }];

let dist: string;
let server: Server;
let url: string;

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'taskapp-web-prerendered-'));
  writeFileSync(path.join(dist, 'index.html'), INDEX);
  mkdirSync(path.join(dist, '.vite'));
  writeFileSync(path.join(dist, '.vite/route-preloads.json'), JSON.stringify(PRELOADS));
  writeFileSync(path.join(dist, '.vite/prerendered.json'), JSON.stringify(PRERENDERED));
  const app = express();
  const spa = spaRouter(dist);
  if (!spa) throw new Error('no index.html');
  app.use(spa);
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('a prerendered first page', () => {
  it('arrives with its form already in the HTML, the app root hidden until the app takes over, its scripts named for first use', async () => {
    const response = await fetch(`${url}/sign-in`, { headers: { 'accept-encoding': 'br' } });
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('vary')).toMatch(/cookie/i);
    const html = await response.text();
    expect(html).toContain(`<div id="prerendered">${MARKUP}</div><div id="root" hidden></div>`);
    expect(html).toContain('<title>Sign in · Taskapp</title>');
    expect(html).not.toContain('<title>Taskapp</title>');
    // Nothing the browser would fetch or run before the page is used, beyond the small first-use script.
    expect(html).not.toContain('type="module"');
    expect(html).not.toContain('rel="modulepreload"');
    expect(html).toContain(
      '<meta name="taskapp-first-use" content="/assets/index-a.js /assets/sign-in-b.js">',
    );
    expect(html).toContain('<script src="/first-use.js" defer></script>');
  });

  it('keeps the form when the query only says where to go afterwards', async () => {
    const html = await (await fetch(`${url}/sign-in?redirect=%2Fsettings`)).text();
    expect(html).toContain('id="prerendered"');
  });

  it('is left out for a browser that says someone is signed in, and for a notice the markup lacks', async () => {
    for (const [address, headers] of [
      ['/sign-in', { cookie: `${SIGNED_IN_COOKIE}=1` }],
      ['/sign-in?notice=session-ended', {}],
    ] as const) {
      const html = await (await fetch(`${url}${address}`, { headers })).text();
      expect(html).not.toContain('id="prerendered"');
      expect(html).toContain('<div id="root"></div>');
      expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/sign-in-b.js">');
      expect(html).toContain('<script type="module" src="/assets/index-a.js"></script>');
      expect(html).not.toContain('first-use');
    }
  });
});
