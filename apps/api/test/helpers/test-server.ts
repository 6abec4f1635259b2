import { createTestDatabase, type TestDatabase } from '@taskapp/db/testing';
import { createTRPCClient, httpBatchLink, httpLink } from '@trpc/client';
import superjson from 'superjson';
import { createLogger } from '../../src/logger.js';
import { type RunningServer, startServer } from '../../src/server.js';
import type { AppRouter } from '../../src/trpc/router.js';
import { testEnv } from './test-env.js';

export interface TestServer extends RunningServer {
  database: TestDatabase;
  /** A typed tRPC client over real HTTP. */
  client: ReturnType<typeof createTRPCClient<AppRouter>>;
  stop(): Promise<void>;
}

/** The real server (migrations, Express, tRPC) on a free port, against a database of its own. */
export async function startTestServer(overrides: NodeJS.ProcessEnv = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  const env = testEnv({ DATABASE_URL: database.url, ...overrides });
  const running = await startServer(env, createLogger(env));
  const client = createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${running.url}/api/trpc`, transformer: superjson })],
  });
  return {
    ...running,
    database,
    client,
    async stop() {
      await running.close();
      await database.drop();
    },
  };
}

export function batchClient(url: string, maxItems: number) {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${url}/api/trpc`, transformer: superjson, maxItems })],
  });
}
