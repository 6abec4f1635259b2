import path from 'node:path';
import { parseArgs } from 'node:util';
import { type DatabaseEnv, databaseEnvSchema, parseEnv, provideDatabase } from '@taskapp/db/connection';
import { generateKeyPair, identityFileText, loadIdentities, parseRecipients } from '../age-keys.js';
import { type BackupEnv, backupEnvSchema, resolveBackupDir } from '../backup-env.js';
import { createBackup } from '../create-backup.js';
import { totalRows } from '../format.js';
import { listBackups } from '../list-backups.js';

type Env = DatabaseEnv & BackupEnv;

/** Paths on the command line are relative to where the user ran pnpm, not to this package. */
const userPath = (file: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);

export async function runBackupCommand(command: string, args: string[]): Promise<number> {
  const env: Env = parseEnv(databaseEnvSchema.extend(backupEnvSchema.shape), process.env);
  if (command === 'backup:keygen') return keygen();
  if (command === 'backup:list') return list(env);
  if (command === 'backup') return backup(env, args);
  if (command === 'restore') return restore(env, args);
  return verify(env, args);
}

async function keygen(): Promise<number> {
  const pair = await generateKeyPair();
  process.stdout.write(identityFileText(pair));
  console.error(
    `Public key: ${pair.recipient}\nPut it in BACKUP_AGE_RECIPIENTS. Keep the secret key away from the servers that write backups.`,
  );
  return 0;
}

/** DATABASE_URL, or the embedded database (started for the command when nothing else runs it). */
async function withDatabase<T>(env: Env, work: (url: string) => Promise<T>): Promise<T> {
  const database = await provideDatabase(env);
  try {
    return await work(database.url);
  } finally {
    await database.stop();
  }
}

async function backup(env: Env, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  const recipients = parseRecipients(env.BACKUP_AGE_RECIPIENTS);
  const dir = values.out ? userPath(values.out) : resolveBackupDir(env);
  const created = await withDatabase(env, (databaseUrl) => createBackup({ databaseUrl, dir, recipients }));
  const counts = created.manifest.tables.map((table) => `${table.name} ${table.rows}`).join(', ');
  console.error(`Backed up ${counts} (${created.bytes} bytes, ${created.durationMs} ms).`);
  console.log(created.file);
  return 0;
}

async function restore(env: Env, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'target-url': { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  const [file] = positionals;
  if (!file) throw new Error('Usage: pnpm db:restore <file> [--target-url URL] [--force]');
  const identities = await loadIdentities(env.BACKUP_AGE_IDENTITY);
  // Restoring needs MikroORM's migrator; loaded here so that backups run without it.
  const { restoreBackup } = await import('../restore-backup.js');
  const run = (targetUrl: string) =>
    restoreBackup({ file: userPath(file), identities, targetUrl, force: values.force });
  const targetUrl = values['target-url'];
  const result = targetUrl ? await run(targetUrl) : await withDatabase(env, run);
  const migrated = result.migratedAfterLoad.length
    ? `, then migrated ${result.migratedAfterLoad.join(', ')}`
    : '';
  console.log(
    `Restored ${totalRows(result.manifest)} rows from ${result.manifest.createdAt} (migration ${result.manifest.migration})${migrated}; counts and checksums match the manifest.`,
  );
  return 0;
}

async function verify(env: Env, args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  const [file] = positionals;
  if (!file) throw new Error('Usage: pnpm db:backup:verify <file>');
  const identities = await loadIdentities(env.BACKUP_AGE_IDENTITY);
  const { verifyBackup } = await import('../verify-backup.js');
  const result = await withDatabase(env, (serverUrl) =>
    verifyBackup({ file: userPath(file), identities, serverUrl }),
  );
  (result.ok ? console.log : console.error)(result.message);
  return result.ok ? 0 : 1;
}

async function list(env: Env): Promise<number> {
  const dir = resolveBackupDir(env);
  const backups = await listBackups(dir);
  if (backups.length === 0) {
    console.log(`No backups in ${dir}.`);
    return 0;
  }
  console.log(`Backups in ${dir} (newest first):`);
  for (const backup of backups) {
    const rows = backup.sidecar
      ? backup.sidecar.tables.map((table) => `${table.name}=${table.rows}`).join(' ')
      : 'no manifest';
    const verified = backup.verification
      ? `${backup.verification.ok ? 'verified' : 'FAILED'} ${backup.verification.verifiedAt}`
      : 'not verified';
    console.log(
      `${backup.createdAt.toISOString()}  ${formatBytes(backup.bytes).padStart(9)}  ${backup.name}  ${rows}  [${verified}]`,
    );
  }
  return 0;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}
