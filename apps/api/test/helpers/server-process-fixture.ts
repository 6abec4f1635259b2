import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@taskapp/db/testing';
import { GOOD_PASSWORD, uniqueEmail, uniqueIp } from './accounts.js';
import { type BrowserOptions, browserAt, type TestBrowser } from './browser.js';
import { type ServerProcess, spawnServer } from './server-process.js';
import { openSql, type Sql } from './sql.js';

/** The API as a process of its own on a fresh test database, so clients under test never share its event loop. */
export interface ServerProcessFixture {
  process: ServerProcess;
  /** What the process was started with, to start another one on the same database. */
  env: NodeJS.ProcessEnv;
  url: string;
  database: TestDatabase;
  sql: Sql;
  browser(options?: BrowserOptions): TestBrowser;
  /** SIGTERM, then drops the database; a process already gone is fine. */
  stop(): Promise<void>;
}

export async function startServerProcessFixture(env: NodeJS.ProcessEnv = {}): Promise<ServerProcessFixture> {
  const database = await createTestDatabase();
  // Mail without SMTP is written under DATA_DIR; keep it out of the repository.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'taskapp-resilience-'));
  const serverEnv = {
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    AUTH_SECRET: 'resilience-test-secret-of-at-least-32-characters',
    TRUST_PROXY: 'true',
    ...env,
  };
  const process = await spawnServer(serverEnv);
  keepOnlyRecentLogs(process);
  const sql = await openSql(database);
  return {
    process,
    env: serverEnv,
    url: process.url,
    database,
    sql,
    browser: (options) => browserAt(process.url, { forwardedFor: uniqueIp(), ...options }),
    async stop() {
      if (process.child.exitCode === null && process.child.signalCode === null) process.child.kill('SIGTERM');
      await process.exited;
      await sql.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const KEPT_LOG_CHUNKS = 500;

/**
 * spawnServer scans all logs gathered so far on every new chunk; under load (a log line per request)
 * that costs the test process more CPU than the server uses. Once the server listens, keep a tail only.
 */
export function keepOnlyRecentLogs({ child, logs }: ServerProcess): void {
  const keep = (chunk: Buffer) => {
    logs.push(chunk.toString());
    if (logs.length > KEPT_LOG_CHUNKS) logs.splice(0, logs.length - KEPT_LOG_CHUNKS);
  };
  for (const stream of [child.stdout, child.stderr]) {
    stream?.removeAllListeners('data');
    stream?.on('data', keep);
  }
}

export interface RegisteredBrowser {
  browser: TestBrowser;
  email: string;
  userId: string;
}

/** Registers a new account from its own IP; the browser keeps the access token. */
export async function register(fixture: Pick<ServerProcessFixture, 'browser'>): Promise<RegisteredBrowser> {
  const browser = fixture.browser();
  const email = uniqueEmail('resilience');
  const result = await browser.api.auth.register.mutate({
    email,
    name: 'Grace Hopper',
    password: GOOD_PASSWORD,
  });
  browser.accessToken = result.accessToken;
  return { browser, email, userId: result.user.id };
}
