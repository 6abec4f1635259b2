import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseEnv } from './database-env.js';
import { startEmbeddedPostgres } from './embedded.js';

export interface ProvidedDatabase {
  url: string;
  /** True when this process started (or shares) the embedded server under the data directory. */
  embedded: boolean;
  stop(): Promise<void>;
}

export const LOCAL_DATABASE_NAME = 'taskapp';

/** The repository root (where pnpm-workspace.yaml is), or the working directory outside a checkout. */
export function findRepoRoot(from = process.cwd()): string {
  let dir = path.resolve(from);
  while (!existsSync(path.join(dir, 'pnpm-workspace.yaml'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(from);
    dir = parent;
  }
  return dir;
}

export function resolveDataDir(env: Pick<DatabaseEnv, 'DATA_DIR'>): string {
  return path.resolve(env.DATA_DIR ?? path.join(findRepoRoot(), '.data'));
}

export async function createDatabaseIfMissing(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/**
 * DATABASE_URL when it is set; otherwise the embedded PostgreSQL kept under `.data/postgres`,
 * started on demand, so the app runs with no setup at all.
 */
export async function provideDatabase(env: DatabaseEnv): Promise<ProvidedDatabase> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false, stop: async () => {} };
  const server = await startEmbeddedPostgres({ dataDir: path.join(resolveDataDir(env), 'postgres') });
  await createDatabaseIfMissing(server.url, LOCAL_DATABASE_NAME);
  const url = new URL(server.url);
  url.pathname = `/${LOCAL_DATABASE_NAME}`;
  return { url: url.toString(), embedded: true, stop: () => server.stop() };
}
