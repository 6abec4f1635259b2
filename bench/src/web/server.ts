import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '@taskapp/db';

const API_MAIN = fileURLToPath(new URL('../../../apps/api/dist/main.js', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface WebServer {
  url: string;
  /** Where the server writes the mail it sends (MAIL_TRANSPORT=file): one .txt per message. */
  mailDir: string;
  stop(): Promise<void>;
}

async function waitUntilReady(url: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output.join('')}`);
    const ready = await fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await sleep(200);
  }
  throw new Error(`server at ${url} not ready after 120 s:\n${output.join('')}`);
}

/**
 * The production server as `pnpm start` runs it (the built API serving the built SPA, one process), in
 * production mode, on its embedded PostgreSQL in a throwaway DATA_DIR: every run starts from nothing.
 */
export async function startWebServer(distDir: string | null): Promise<WebServer> {
  const port = Number(process.env.PORT) || (await findFreePort());
  const dataDir = mkdtempSync(path.join(tmpdir(), 'taskapp-bench-web-'));
  // As root, PostgreSQL runs as the postgres user, who must be able to pass through (mkdtemp gives 0700).
  chmodSync(dataDir, 0o711);
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    DATA_DIR: dataDir,
    AUTH_SECRET: `bench-web-${crypto.randomUUID()}-${crypto.randomUUID()}`,
    APP_ORIGIN: url,
    TRUST_PROXY: 'false',
    // Production needs SMTP_URL or this explicit choice; the bench sends no mail.
    MAIL_TRANSPORT: 'file',
    ...(distDir ? { WEB_DIST_DIR: path.resolve(distDir) } : {}),
  };
  delete env.DATABASE_URL;
  delete env.DATABASE_READ_URL;
  const child = spawn(process.execPath, [API_MAIN], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const stop = async () => {
    // SIGTERM lets the server stop its embedded PostgreSQL before the folder goes.
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(url, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, mailDir: path.join(dataDir, 'mail'), stop };
}
