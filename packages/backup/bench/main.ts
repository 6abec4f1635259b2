// `pnpm bench:backup`: our backup and restore beside pg_dump -Fc / pg_restore -j 2 on the same database,
// in one run, against issue 19's budgets. See bench/README.md ("Backups").
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { databaseUrl, findRepoRoot, withClient } from '@taskapp/db';
import { createDatabase, dropDatabase } from '@taskapp/db/queries';
import { generateKeyPair } from '../src/age-keys.js';
import { GZIP_LEVEL } from '../src/create-backup.js';
import { BENCH_SIZE, ensureDataset } from './dataset.js';
import { type Measured, measure } from './measure.js';
import { type BenchReport, budgetsOf, markdownReport, median, type Round } from './report.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '1' },
    check: { type: 'boolean', default: false },
    'skip-verify': { type: 'boolean', default: false },
  },
});
const SERVER_URL = process.env.BENCH_BACKUP_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PG_BIN = process.env.BENCH_BACKUP_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const DATASET = 'taskapp_bench_backup_1m';
const OURS_TARGET = 'taskapp_bench_backup_ours';
const PG_TARGET = 'taskapp_bench_backup_pg';
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
// What `pnpm db:backup` runs (package.json's `cli` script), minus pnpm itself.
const CLI = ['--max-semi-space-size=4', '--import', 'tsx', '--conditions=@taskapp/source', 'src/cli/main.ts'];

const log = (line: string) => console.error(line);
const loadAverage = () => os.loadavg().map((value) => Number(value.toFixed(2)));

async function serverVersion(url: string): Promise<string> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ server_version: string }>('show server_version');
    return rows[0]?.server_version ?? 'unknown';
  });
}

async function emptyDatabase(name: string): Promise<string> {
  await dropDatabase(SERVER_URL, name);
  await createDatabase(SERVER_URL, name);
  return databaseUrl(SERVER_URL, name);
}

async function main(): Promise<number> {
  const rounds = Number(values.rounds);
  const version = await serverVersion(SERVER_URL);
  const toolVersion = execFileSync(path.join(PG_BIN, 'pg_dump'), ['--version'], { encoding: 'utf8' }).trim();
  log(`server PostgreSQL ${version}; ${toolVersion}; load ${loadAverage().join(' ')}`);
  const dataset = await ensureDataset(SERVER_URL, DATASET, BENCH_SIZE, log);
  const keys = await generateKeyPair();
  const work = await mkdtemp(path.join(tmpdir(), 'bench-backup-'));
  const env = {
    ...process.env,
    DATABASE_URL: dataset.url,
    BACKUP_AGE_RECIPIENTS: keys.recipient,
    BACKUP_AGE_IDENTITY: keys.identity,
  };
  const ours = (args: string[]) => measure(process.execPath, [...CLI, ...args], { env, cwd: PACKAGE_DIR });
  const loadBefore = loadAverage();
  const results: Round[] = [];
  try {
    for (let round = 1; round <= rounds; round += 1) {
      const dir = path.join(work, `round-${round}`);
      await mkdir(dir);
      const dumpFile = path.join(dir, 'taskapp.dump');
      // Who goes first alternates, so both see the same background load over the rounds.
      const oursFirst = round % 2 === 1;
      let backup: Measured | undefined;
      let dump: Measured | undefined;
      for (const turn of oursFirst ? ['ours', 'pg'] : ['pg', 'ours']) {
        if (turn === 'ours') {
          log(`round ${round}: ours backup`);
          backup = await ours(['backup', '--out', dir]);
        } else {
          log(`round ${round}: pg_dump -Fc`);
          dump = await measure(path.join(PG_BIN, 'pg_dump'), ['-Fc', '-f', dumpFile, '-d', dataset.url]);
        }
      }
      if (!backup || !dump) throw new Error('a turn did not run');
      const backupFile = backup.stdout.trim().split('\n').at(-1) ?? '';

      let restore: Measured | undefined;
      let pgRestore: Measured | undefined;
      for (const turn of oursFirst ? ['ours', 'pg'] : ['pg', 'ours']) {
        if (turn === 'ours') {
          log(`round ${round}: ours restore`);
          const target = await emptyDatabase(OURS_TARGET);
          restore = await ours(['restore', backupFile, '--target-url', target]);
          await dropDatabase(SERVER_URL, OURS_TARGET);
        } else {
          log(`round ${round}: pg_restore -j 2`);
          const target = await emptyDatabase(PG_TARGET);
          pgRestore = await measure(path.join(PG_BIN, 'pg_restore'), ['-j', '2', '-d', target, dumpFile]);
          await dropDatabase(SERVER_URL, PG_TARGET);
        }
      }
      if (!restore || !pgRestore) throw new Error('a turn did not run');
      let verify: Measured | undefined;
      if (!values['skip-verify']) {
        log(`round ${round}: ours verify`);
        verify = await ours(['backup:verify', backupFile]);
      }
      results.push({
        ours: {
          bytes: (await stat(backupFile)).size,
          backup: summary(backup),
          restore: summary(restore),
          verify: verify && summary(verify),
        },
        pg: { bytes: (await stat(dumpFile)).size, dump: summary(dump), restore: summary(pgRestore) },
      });
      await rm(dir, { recursive: true, force: true });
      log(JSON.stringify(results.at(-1)));
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }

  const report: BenchReport = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      postgres: version,
      tools: toolVersion,
    },
    load: { before: loadBefore, after: loadAverage() },
    dataset: { name: DATASET, tasks: dataset.tasks, users: BENCH_SIZE.users + 1 },
    gzipLevel: GZIP_LEVEL,
    rounds: results,
    median: median(results),
    budgets: [],
  };
  report.budgets = budgetsOf(report.median);
  const stem = path.join(findRepoRoot(), 'bench', 'results', `${report.date.slice(0, 10)}-backup`);
  await writeFile(`${stem}.json`, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(`${stem}.md`, markdownReport(report));
  console.log(markdownReport(report));
  log(`written ${stem}.md and .json`);
  const missed = report.budgets.filter((budget) => !budget.ok);
  return values.check && missed.length > 0 ? 1 : 0;
}

const summary = (measured: Measured) => ({
  seconds: Number(measured.seconds.toFixed(1)),
  peakRssMb: measured.peakRssMb,
});

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
