import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from './helpers/accounts.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

// A built web app as apps/web's build leaves it, with a stand-in for its server build
// (dist/.vite/ssr/render-place.mjs): it draws what the API lets it read, as the person asking.
const INDEX =
  '<!doctype html><html><head><title>Taskapp</title><script type="module" src="/assets/index-a.js"></script>\n  </head><body><div id="root"></div></body></html>';
const PRELOADS = [{ pattern: '^/inbox/?$', files: ['assets/places-b.js'], signedIn: true }];
const RENDERER = `
export async function renderPlace({ url, user, call, phone, boardProjects, sidebarCollapsed }) {
  const list = await call('task.list', {});
  const write = await call('task.create', { title: 'written while drawing' }).then(
    () => 'written',
    (error) => 'refused: ' + error.message,
  );
  const titles = list.items.map((task) => '<li>' + task.title + '</li>').join('');
  return {
    title: 'Inbox · Taskapp',
    markup: '<div><p>' + user.email + '</p><ul>' + titles + '</ul><p>' + write + '</p><p>phone: ' + phone +
      '</p><p>boards: ' + boardProjects.join(',') + '</p><p>sidebar hidden: ' + sidebarCollapsed + '</p><p>' +
      url + '</p></div>',
    data: JSON.stringify({ note: '</script><script>alert(1)</script>' }),
  };
}
`;

let dist: string;
let server: TestServer;

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'taskapp-web-places-'));
  writeFileSync(path.join(dist, 'index.html'), INDEX);
  mkdirSync(path.join(dist, '.vite/ssr'), { recursive: true });
  writeFileSync(path.join(dist, '.vite/route-preloads.json'), JSON.stringify(PRELOADS));
  writeFileSync(path.join(dist, '.vite/ssr/render-place.mjs'), RENDERER);
  server = await startTestServer({ WEB_DIST_DIR: dist, TRUST_PROXY: 'true' });
});

afterAll(async () => {
  await server?.stop();
  rmSync(dist, { recursive: true, force: true });
});

const cookieHeader = (cookies: Map<string, string>) =>
  [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');

async function page(cookie: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/inbox?q=milk`, { headers: { cookie, ...headers } });
  return { response, html: await response.text() };
}

describe('a task place drawn by the server', () => {
  it('is drawn as the person whose page credential comes with it, reading only, never stored', async () => {
    const { browser, email } = await signUp(server);
    await browser.api.task.create.mutate({ title: 'Buy milk' });
    const { response, html } = await page(cookieHeader(browser.cookies), { 'sec-ch-ua-mobile': '?1' });
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('vary')).toMatch(/cookie/i);
    expect(html).toContain('<div id="prerendered"><div>');
    expect(html).toContain(`<p>${email}</p><ul><li>Buy milk</li></ul>`);
    expect(html).toMatch(/<p>refused: task\.create is not a read<\/p>/);
    expect(html).toContain('<p>phone: true</p>');
    expect(html).toContain('<p>/inbox?q=milk</p>');
    expect(html).toContain('<title>Inbox · Taskapp</title>');
    // The data it was drawn from, where no text in it can close the element.
    expect(html).toContain(
      '<script type="application/json" id="taskapp-first-screen">{"note":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>"}</script>',
    );
    expect(html).not.toContain('type="module"');
    const tasks = await browser.api.task.list.query({});
    expect(tasks.items.map((task) => task.title)).toEqual(['Buy milk']);
  });

  it('names the projects this browser shows as boards, and whether it keeps the sidebar hidden', async () => {
    const { browser } = await signUp(server);
    const { html } = await page(`${cookieHeader(browser.cookies)}; taskapp_boards=p1.p2; taskapp_sidebar=1`);
    expect(html).toContain('<p>boards: p1,p2</p>');
    expect(html).toContain('<p>sidebar hidden: true</p>');
    expect(html).toContain('<p>phone: false</p>');
  });

  it('is not drawn without a credential that holds for a live session', async () => {
    const { browser } = await signUp(server);
    const credential = browser.cookies.get('taskapp_page') ?? '';
    expect(credential).not.toBe('');
    const plain = (html: string) =>
      !html.includes('id="prerendered"') && html.includes('<div id="root"></div>');

    expect(plain((await page('taskapp_signed_in=1')).html)).toBe(true);
    const forged = `${credential.slice(0, -3)}abc`;
    expect(plain((await page(`taskapp_signed_in=1; taskapp_page=${forged}`)).html)).toBe(true);
    const [, sessionId] = credential.split('.');
    const otherUser = `00000000-0000-7000-8000-000000000000.${sessionId}.${credential.split('.')[2]}`;
    expect(plain((await page(`taskapp_signed_in=1; taskapp_page=${otherUser}`)).html)).toBe(true);

    // Signed out: the session it names has ended, so even the old cookie no longer draws anything.
    const before = cookieHeader(browser.cookies);
    expect(plain((await page(before)).html)).toBe(false);
    await browser.api.auth.logout.mutate();
    expect(plain((await page(before)).html)).toBe(true);
  });
});
