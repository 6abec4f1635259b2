import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '@taskapp/db';

export interface ServerProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const API_MAIN = fileURLToPath(new URL('../../apps/api/dist/main.js', import.meta.url));
const BASELINE_MAIN = fileURLToPath(new URL('./baseline/main.ts', import.meta.url));

/** Both servers get the same pool size, secret and database. */
export interface ServerSettings {
  databaseUrl: string;
  authSecret: string;
  poolMax: number;
  /** Extra node flags for our server, e.g. --cpu-prof. */
  nodeFlags?: string[];
}

async function waitUntilReady(url: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output.join('')}`);
    const ready = await fetch(`${url}/readyz`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ready) return;
    await sleep(200);
  }
  throw new Error(`server at ${url} not ready after 120 s:\n${output.join('')}`);
}

async function launch(command: string[], env: NodeJS.ProcessEnv, port: number): Promise<ServerProcess> {
  const [executable = process.execPath, ...args] = command;
  const child = spawn(executable, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(url, child, output);
  return {
    url,
    pid: child.pid ?? -1,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** The production build of our server (`pnpm build` first), as `pnpm start` runs it; `env` adds settings. */
export async function startOurServer(
  settings: ServerSettings,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const port = await findFreePort();
  return launch(
    [process.execPath, ...(settings.nodeFlags ?? []), API_MAIN],
    {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      DATABASE_URL: settings.databaseUrl,
      DATABASE_POOL_MAX: String(settings.poolMax),
      AUTH_SECRET: settings.authSecret,
      APP_ORIGIN: `http://127.0.0.1:${port}`,
      TRUST_PROXY: 'false',
      // Production needs SMTP_URL or this explicit choice; the benchmark sends no mail.
      MAIL_TRANSPORT: 'file',
      ...env,
    },
    port,
  );
}

/** The baseline: node:http + pg running the same SQL, no framework. */
export async function startBaselineServer(settings: ServerSettings): Promise<ServerProcess> {
  const port = await findFreePort();
  return launch(
    [process.execPath, '--conditions=@taskapp/source', '--import', import.meta.resolve('tsx'), BASELINE_MAIN],
    {
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: settings.databaseUrl,
      DATABASE_POOL_MAX: String(settings.poolMax),
      AUTH_SECRET: settings.authSecret,
    },
    port,
  );
}
