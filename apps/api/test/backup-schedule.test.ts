import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { backupFileName, createBackup, generateKeyPair, restoreBackup } from '@taskapp/backup';
import { createTestDatabase, type TestDatabase, waitFor } from '@taskapp/db/testing';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Env } from '../src/env.js';
import { runScheduledBackup } from '../src/ops/index.js';
import { type RunningServer, startServer } from '../src/server.js';
import { GOOD_PASSWORD, sessionOf, signUp } from './helpers/accounts.js';
import { browserAt, TEST_ORIGIN } from './helpers/browser.js';
import { testEnv } from './helpers/test-env.js';
import { startTestServer } from './helpers/test-server.js';

interface LogLine {
  level: number;
  msg: string;
  backup?: { bytes: number; durationMs: number; rows: Record<string, number>; pruned: string[] };
}

/** A pino logger that keeps its lines in memory. */
function memoryLogger() {
  const lines: LogLine[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

let keys: Awaited<ReturnType<typeof generateKeyPair>>;
let database: TestDatabase;
const dirs: string[] = [];
beforeAll(async () => {
  keys = await generateKeyPair();
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function backupDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'taskapp-schedule-test-'));
  dirs.push(dir);
  return dir;
}

const backupFiles = async (dir: string) =>
  (await readdir(dir)).filter((name) => name.endsWith('.backup.age'));

function backupEnv(dir: string, overrides: NodeJS.ProcessEnv = {}): Env {
  return testEnv({
    DATABASE_URL: database.url,
    SMTP_URL: 'smtp://127.0.0.1:9',
    BACKUP_DIR: dir,
    BACKUP_AGE_RECIPIENTS: keys.recipient,
    ...overrides,
  });
}

/** A cron pattern (with seconds, UTC) for one moment a few seconds from now. */
function cronAt(date: Date): string {
  return `${date.getUTCSeconds()} ${date.getUTCMinutes()} ${date.getUTCHours()} * * *`;
}

describe('scheduled backups', () => {
  it('two app instances on one schedule take exactly one backup, verified, and log its size, time and counts', async () => {
    const dir = await backupDir();
    const at = new Date(Math.ceil((Date.now() + 6_000) / 1000) * 1000);
    const env = backupEnv(dir, { BACKUP_SCHEDULE: cronAt(at) });
    const [one, two] = [memoryLogger(), memoryLogger()];
    const servers: RunningServer[] = [await startServer(env, one.logger), await startServer(env, two.logger)];
    const outcomes = () =>
      [...one.lines, ...two.lines].filter((line) => /^scheduled backup(:| written| failed)/.test(line.msg));
    try {
      if (Date.now() > at.getTime() - 500)
        throw new Error('the servers took too long to start for this test');
      await waitFor(() => outcomes().length >= 2, {
        what: 'both instances to finish the run',
        timeoutMs: 30_000,
      });
    } finally {
      for (const server of servers) await server.close();
    }

    const files = await backupFiles(dir);
    expect(files).toHaveLength(1);
    const messages = outcomes().map((line) => line.msg);
    expect(messages).toHaveLength(2);
    expect(messages.filter((msg) => msg === 'scheduled backup written and verified')).toHaveLength(1);
    expect(
      messages.filter((msg) => /another instance is taking this run|already done/.test(msg)),
    ).toHaveLength(1);
    const written = outcomes().find((line) => line.backup);
    expect(written?.backup).toMatchObject({ bytes: expect.any(Number), durationMs: expect.any(Number) });
    expect(written?.backup?.rows).toHaveProperty('tasks');
    const file = path.join(dir, files[0] ?? '');
    expect(JSON.parse(await readFile(`${file}.verified.json`, 'utf8'))).toMatchObject({ ok: true });
    expect(JSON.parse(await readFile(`${file}.manifest.json`, 'utf8')).createdAt >= at.toISOString()).toBe(
      true,
    );
  }, 60_000);

  it('a run finds the backup already taken for its scheduled time, and prunes by retention after a new one', async () => {
    const dir = await backupDir();
    for (let day = 1; day <= 10; day += 1) {
      await writeFile(path.join(dir, backupFileName(new Date(Date.UTC(2024, 0, day, 3)))), 'old');
    }
    const { logger, lines } = memoryLogger();
    const env = backupEnv(dir, { BACKUP_KEEP_DAILY: '2', BACKUP_KEEP_WEEKLY: '0', BACKUP_KEEP_MONTHLY: '0' });
    const scheduledAt = new Date(Math.floor(Date.now() / 1000) * 1000);

    expect(await runScheduledBackup({ env, databaseUrl: database.url, logger }, scheduledAt)).toBe(
      'backed-up',
    );
    expect(await runScheduledBackup({ env, databaseUrl: database.url, logger }, scheduledAt)).toBe(
      'already-done',
    );
    const left = await backupFiles(dir);
    expect(left).toHaveLength(2);
    expect(left).toContain(backupFileName(new Date(Date.UTC(2024, 0, 10, 3))));
    expect(lines.find((line) => line.backup)?.backup?.pruned).toHaveLength(9);
  });

  it('logs a failure as an error with the reason, and does not prune', async () => {
    const dir = await backupDir();
    await writeFile(path.join(dir, backupFileName(new Date(Date.UTC(2024, 0, 1, 3)))), 'old');
    const { logger, lines } = memoryLogger();
    const env = backupEnv(dir, {
      BACKUP_VERIFY_URL: 'postgres://nobody@127.0.0.1:9/none',
      BACKUP_KEEP_DAILY: '1',
      BACKUP_KEEP_WEEKLY: '0',
      BACKUP_KEEP_MONTHLY: '0',
    });
    expect(await runScheduledBackup({ env, databaseUrl: database.url, logger }, new Date())).toBe('failed');
    const failure = lines.find((line) => line.level === 50);
    expect(failure?.msg).toMatch(/^scheduled backup failed: .*failed verification/);
    expect(await backupFiles(dir)).toHaveLength(2);
  });

  it('needs recipients and a valid cron expression when BACKUP_SCHEDULE is set', () => {
    expect(() => testEnv({ BACKUP_SCHEDULE: '0 3 * * *' })).toThrow(/BACKUP_AGE_RECIPIENTS: is not set/);
    expect(() => testEnv({ BACKUP_SCHEDULE: 'every night', BACKUP_AGE_RECIPIENTS: keys.recipient })).toThrow(
      /BACKUP_SCHEDULE: must be a cron expression/,
    );
    expect(() =>
      testEnv({ BACKUP_SCHEDULE: '2026-12-01T03:00:00', BACKUP_AGE_RECIPIENTS: keys.recipient }),
    ).toThrow(/BACKUP_SCHEDULE: must be a cron expression/);
    expect(
      testEnv({ BACKUP_SCHEDULE: '@daily', BACKUP_AGE_RECIPIENTS: keys.recipient }).BACKUP_SCHEDULE,
    ).toBe('@daily');
    expect(
      testEnv({ BACKUP_SCHEDULE: '0 3 * * *', BACKUP_AGE_RECIPIENTS: keys.recipient }).BACKUP_KEEP_DAILY,
    ).toBe(7);
  });
});

describe('a restored backup', () => {
  it('lets its users sign in and see their tasks', async () => {
    const source = await startTestServer();
    const target = await createTestDatabase();
    try {
      const account = await signUp(source, { name: 'Restored Ada' });
      await account.browser.api.task.create.mutate({ title: 'Survives the restore 🛟' });
      const dir = await backupDir();
      const backup = await createBackup({
        databaseUrl: source.database.url,
        dir,
        recipients: [keys.recipient],
      });
      await restoreBackup({ file: backup.file, identities: [keys.identity], targetUrl: target.url });

      const env = testEnv({ DATABASE_URL: target.url, SMTP_URL: source.inbox.url, APP_ORIGIN: TEST_ORIGIN });
      const restored = await startServer(env, pino({ level: 'silent' }));
      try {
        const browser = browserAt(restored.url);
        const login = sessionOf(
          await browser.api.auth.login.mutate({ email: account.email, password: GOOD_PASSWORD }),
        );
        expect(login.user).toMatchObject({ id: account.userId, name: 'Restored Ada' });
        browser.accessToken = login.accessToken;
        const { items } = await browser.api.task.list.query({});
        expect(items.map((task) => task.title)).toEqual(['Survives the restore 🛟']);
      } finally {
        await restored.close();
      }
    } finally {
      await source.stop();
      await target.drop();
    }
  }, 60_000);
});
