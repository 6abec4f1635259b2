import { createTestDatabase, type TestDatabase } from '@taskapp/db/testing';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/server.js';
import { testEnv } from './helpers/test-env.js';

let database: TestDatabase;
const servers: RunningServer[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await database.drop();
});

async function headersOf(overrides: NodeJS.ProcessEnv): Promise<Headers> {
  const env = testEnv({ DATABASE_URL: database.url, MAIL_TRANSPORT: 'file', ...overrides });
  const server = await startServer(env, pino({ level: 'silent' }));
  servers.push(server);
  return (await fetch(`${server.url}/healthz`)).headers;
}

const directives = (headers: Headers) =>
  new Map(
    (headers.get('content-security-policy') ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .map(([name = '', ...values]) => [name, values.join(' ')]),
  );

describe('security headers', () => {
  it("loads styles and fonts from our own origin only, and says which browser features we don't use", async () => {
    const headers = await headersOf({});
    const csp = directives(headers);
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('style-src')).toBe("'self' 'unsafe-inline'");
    expect(csp.get('font-src')).toBe("'self'");
    expect(headers.get('content-security-policy')).not.toContain('https:');
    expect(headers.get('permissions-policy')).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
  });

  it('sends neither HSTS nor upgrade-insecure-requests when the app is served over plain http, even in production', async () => {
    const headers = await headersOf({ NODE_ENV: 'production', APP_ORIGIN: 'http://tasks.internal:8080' });
    expect(headers.get('strict-transport-security')).toBeNull();
    expect(directives(headers).has('upgrade-insecure-requests')).toBe(false);
  });

  it('sends HSTS and upgrade-insecure-requests when APP_ORIGIN is https', async () => {
    const headers = await headersOf({ APP_ORIGIN: 'https://tasks.example.com' });
    expect(headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
    expect(directives(headers).has('upgrade-insecure-requests')).toBe(true);
  });
});
