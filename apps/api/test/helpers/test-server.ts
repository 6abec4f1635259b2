import { createTestDatabase, type TestDatabase } from '@taskapp/db/testing';
import { createTRPCClient, httpBatchLink, httpLink } from '@trpc/client';
import superjson from 'superjson';
import { afterAll, beforeAll } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { type RunningServer, startServer } from '../../src/server.js';
import type { AppRouter } from '../../src/trpc/router.js';
import { type BrowserOptions, browserAt, TEST_ORIGIN, type TestBrowser } from './browser.js';
import { type SmtpInbox, startSmtpInbox } from './smtp-inbox.js';
import { type OpenSql, openSql } from './sql.js';
import { testEnv } from './test-env.js';

export interface TestServer extends RunningServer {
  database: TestDatabase;
  inbox: SmtpInbox;
  /** A typed tRPC client over real HTTP, without cookies. */
  client: ReturnType<typeof createTRPCClient<AppRouter>>;
  /** A browser-like client: keeps cookies, sends the app's Origin, can carry an access token. */
  browser(options?: BrowserOptions): TestBrowser;
  stop(): Promise<void>;
}

/** The real server (migrations, Express, tRPC, SMTP mail) on a free port, against a database of its own. */
export async function startTestServer(overrides: NodeJS.ProcessEnv = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  const inbox = await startSmtpInbox();
  const env = testEnv({
    DATABASE_URL: database.url,
    SMTP_URL: inbox.url,
    APP_ORIGIN: TEST_ORIGIN,
    ...overrides,
  });
  const running = await startServer(env, createLogger(env));
  const url = `${running.url}/api/trpc`;

  return {
    ...running,
    database,
    inbox,
    client: createTRPCClient<AppRouter>({ links: [httpLink({ url, transformer: superjson })] }),
    browser: (options) => browserAt(running.url, options),
    async stop() {
      await running.close();
      await inbox.close();
      await database.drop();
    },
  };
}

export function batchClient(url: string, maxItems: number) {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${url}/api/trpc`, transformer: superjson, maxItems })],
  });
}

/**
 * Starts a test server (and a direct SQL connection to its database) before the file's tests and stops
 * both after them; `onStart` receives them.
 */
export function useTestServerWithSql(
  overrides: NodeJS.ProcessEnv,
  onStart: (started: { server: TestServer; sql: OpenSql }) => void,
): void {
  let started: { server: TestServer; sql: OpenSql } | undefined;
  beforeAll(async () => {
    const server = await startTestServer(overrides);
    started = { server, sql: await openSql(server.database) };
    onStart(started);
  });
  afterAll(async () => {
    await started?.sql.close();
    await started?.server.stop();
  });
}

export { type BrowserOptions, TEST_ORIGIN, type TestBrowser } from './browser.js';
