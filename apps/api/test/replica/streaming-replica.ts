import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { withClient } from '@taskapp/db';

const run = promisify(execFile);

/**
 * A real PostgreSQL primary and a streaming replica of it (pg_basebackup -R), made from the machine's
 * server binaries the way packages/backup/scripts/pitr-drill.sh makes its servers: in a temporary folder,
 * on 127.0.0.1, torn down by `dispose()` (and at process exit, should a test run die half-way).
 */
export interface StreamingReplica {
  /** Superuser URLs of the `taskapp` database on each server. */
  primaryUrl: string;
  replicaUrl: string;
  /** One statement on the primary or the replica (a connection of its own each time). */
  onPrimary<Row = Record<string, unknown>>(text: string, values?: unknown[]): Promise<Row[]>;
  onReplica<Row = Record<string, unknown>>(text: string, values?: unknown[]): Promise<Row[]>;
  /** Waits until the replica has replayed everything the primary has committed by now. */
  caughtUp(timeoutMs?: number): Promise<void>;
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  dispose(): Promise<void>;
}

/** The newest server binaries on the machine (PG_BIN wins), or null when there are none. */
export function serverBinaries(): string | null {
  const candidates = process.env.PG_BIN
    ? [process.env.PG_BIN]
    : existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .sort((a, b) => Number(b) - Number(a))
          .map((version) => `/usr/lib/postgresql/${version}/bin`)
      : [];
  const tools = ['initdb', 'pg_ctl', 'pg_basebackup'];
  return candidates.find((bin) => tools.every((tool) => existsSync(path.join(bin, tool)))) ?? null;
}

const asRoot = process.getuid?.() === 0;

/** PostgreSQL refuses to run as root: then its commands run as the postgres user. */
function command(bin: string, tool: string, args: string[]): [string, string[]] {
  const file = path.join(bin, tool);
  return asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
}

export async function startStreamingReplica(ports: {
  primary: number;
  replica: number;
}): Promise<StreamingReplica> {
  const bin = serverBinaries();
  if (!bin) throw new Error('no PostgreSQL server binaries (set PG_BIN)');
  const work = mkdtempSync(path.join(tmpdir(), 'taskapp-replica-'));
  chmodSync(work, 0o755);
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(work, uid, gid);
  }
  const dirs = { primary: path.join(work, 'primary'), replica: path.join(work, 'replica') };
  const tool = (name: string, args: string[]) => run(...command(bin, name, args));
  const pgCtl = (dir: string, args: string[]) => tool('pg_ctl', ['-D', dir, ...args]);
  const start = (name: 'primary' | 'replica') =>
    pgCtl(dirs[name], [
      '-l',
      path.join(work, `${name}.log`),
      '-o',
      `-p ${ports[name]}`,
      '-w',
      '-t',
      '60',
      'start',
    ]);

  // Should the test process die, the servers must not outlive it.
  const stopAll = () => {
    for (const dir of [dirs.replica, dirs.primary]) {
      if (!existsSync(path.join(dir, 'postmaster.pid'))) continue;
      try {
        execFileSync(...command(bin, 'pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']), {
          stdio: 'ignore',
        });
      } catch {
        // Already gone.
      }
    }
  };
  process.once('exit', stopAll);

  const urlOf = (port: number) => `postgres://postgres@127.0.0.1:${port}/taskapp`;
  const once = <Row>(url: string, text: string, values: unknown[] = []) =>
    withClient(url, async (client) => (await client.query(text, values)).rows as Row[]);

  try {
    await tool('initdb', ['-D', dirs.primary, '-U', 'postgres', '--auth=trust', '--encoding=UTF8']);
    // listen_addresses and the socket folder in the command line would not reach the copy; here they do.
    await run('bash', [
      '-c',
      `printf "%s\\n" "listen_addresses = '127.0.0.1'" "unix_socket_directories = '${work}'" "wal_level = replica" "fsync = off" >> '${dirs.primary}/postgresql.conf'`,
    ]);
    await start('primary');
    await once(`postgres://postgres@127.0.0.1:${ports.primary}/postgres`, 'create database taskapp');
    await tool('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(ports.primary),
      '-U',
      'postgres',
      '-D',
      dirs.replica,
      '-X',
      'stream',
      '-R',
      '--checkpoint=fast',
    ]);
    await start('replica');
  } catch (error) {
    stopAll();
    rmSync(work, { recursive: true, force: true });
    throw error;
  }

  const primaryUrl = urlOf(ports.primary);
  const replicaUrl = urlOf(ports.replica);
  return {
    primaryUrl,
    replicaUrl,
    onPrimary: (text, values) => once(primaryUrl, text, values),
    onReplica: (text, values) => once(replicaUrl, text, values),
    async caughtUp(timeoutMs = 10_000) {
      const [target] = await once<{ lsn: string }>(
        primaryUrl,
        'select pg_current_wal_insert_lsn()::text as lsn',
      );
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        const [row] = await once<{ done: boolean }>(
          replicaUrl,
          'select pg_last_wal_replay_lsn() >= $1::pg_lsn as done',
          [target?.lsn],
        );
        if (row?.done) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error('the replica did not catch up');
    },
    async pauseReplay() {
      await once(replicaUrl, 'select pg_wal_replay_pause()');
    },
    async resumeReplay() {
      await once(replicaUrl, 'select pg_wal_replay_resume()');
    },
    async stopReplica() {
      await pgCtl(dirs.replica, ['-m', 'fast', '-w', 'stop']);
    },
    async startReplica() {
      await start('replica');
    },
    async dispose() {
      process.off('exit', stopAll);
      stopAll();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
