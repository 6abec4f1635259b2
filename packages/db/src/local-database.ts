import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DatabaseEnv } from './database-env.js';
import { startEmbeddedPostgres } from './embedded.js';
import { createDatabaseIfMissing } from './queries/admin-queries.js';

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

/**
 * DATABASE_URL when it is set; otherwise the embedded PostgreSQL kept under `.data/postgres`,
 * started on demand, so the app runs with no setup at all.
 */
export async function provideDatabase(env: DatabaseEnv): Promise<ProvidedDatabase> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false, stop: async () => {} };
  const server = await startEmbeddedPostgres({ dataDir: path.join(resolveDataDir(env), 'postgres') });
  const url = await createDatabaseIfMissing(server.url, LOCAL_DATABASE_NAME);
  return { url, embedded: true, stop: () => server.stop() };
}
