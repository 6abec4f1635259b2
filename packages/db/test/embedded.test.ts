import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../src/embedded.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const dataRoot = mkdtempSync(path.join(tmpdir(), 'taskapp-embedded-'));
chmodSync(dataRoot, 0o755); // as root the server runs as the postgres user, who must reach the folder
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dataRoot, { recursive: true, force: true });
});

/** Another process (a `pnpm dev`, say) that starts the server and keeps it. */
async function holdInChild(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/hold-embedded.ts', dataDir], {
    cwd: packageDir,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const line = chunk
        .toString()
        .split('\n')
        .find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.on('exit', (code) => reject(new Error(`child exited with ${code}`)));
  });
  return { child, url };
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const postmasterPid = (dataDir: string) =>
  Number.parseInt(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '', 10);

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('embedded PostgreSQL', () => {
  it('survives a server left running by a killed command, keeping its data', async () => {
    const dataDir = path.join(dataRoot, 'leftover');
    const first = await holdInChild(dataDir);
    await query(first.url, 'CREATE TABLE kept (note text); INSERT INTO kept VALUES ($$still here$$)');
    const orphan = postmasterPid(dataDir);
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    expect(isAlive(orphan)).toBe(true); // what SIGKILL leaves behind

    const second = await startEmbeddedPostgres({ dataDir });
    const replacement = postmasterPid(dataDir);
    try {
      expect(isAlive(orphan)).toBe(false);
      expect(replacement).not.toBe(orphan);
      expect(await query(second.url, 'SELECT note FROM kept')).toEqual([{ note: 'still here' }]);
    } finally {
      await second.stop();
    }
    expect(isAlive(replacement)).toBe(false);
  });

  it('shares a server that another running command owns, and leaves it running', async () => {
    const dataDir = path.join(dataRoot, 'shared');
    const owner = await holdInChild(dataDir);
    const pid = postmasterPid(dataDir);
    const shared = await startEmbeddedPostgres({ dataDir });
    expect(shared.url).toBe(owner.url);
    await shared.stop();
    expect(isAlive(pid)).toBe(true);
    expect(await query(owner.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
  });

  it('creates UTF-8 clusters with Unicode-aware case mapping', async () => {
    const server = await startEmbeddedPostgres({ dataDir: path.join(dataRoot, 'utf8'), throwaway: true });
    try {
      const [row] = await query<{ encoding: string; lower: string; match: boolean }>(
        server.url,
        "SELECT pg_encoding_to_char(encoding) AS encoding, lower('ÄÖÜ ΣΑΣ') AS lower, 'Straße' ILIKE '%STRASSE%' OR 'ÉTÉ' ILIKE 'été' AS match FROM pg_database WHERE datname = 'postgres'",
      );
      expect(row).toEqual({ encoding: 'UTF8', lower: 'äöü σασ', match: true });
    } finally {
      await server.stop();
    }
  });
});
