import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createDatabase, dropDatabase } from '@taskapp/db/queries';
import {
  type BackupManifest,
  type BackupSidecar,
  sidecarPath,
  totalRows,
  type VerificationRecord,
  verificationPath,
} from './format.js';
import { WrongIdentityError } from './read-backup.js';
import { restoreBackup } from './restore-backup.js';

export interface VerifyOptions {
  file: string;
  identities: string[];
  /** Any database on the server where the scratch database is created (needs CREATEDB). */
  serverUrl: string;
}

export interface VerifyResult extends VerificationRecord {
  manifest?: BackupManifest;
  /** The scratch database the backup was restored into (and dropped again). */
  scratchDatabase: string;
}

/**
 * Restores the backup into a scratch database that it creates and always drops, which checks every
 * row against the manifest, and records the verdict next to the backup.
 */
export async function verifyBackup(options: VerifyOptions): Promise<VerifyResult> {
  const name = path.basename(options.file);
  const scratchDatabase = `taskapp_verify_${randomBytes(6).toString('hex')}`;
  let result: VerifyResult;
  try {
    const manifest = await withScratchDatabase(options.serverUrl, scratchDatabase, (targetUrl) =>
      restoreBackup({ file: options.file, identities: options.identities, targetUrl }),
    ).then((restored) => restored.manifest);
    await assertSidecarAgrees(options.file, manifest);
    const message = `OK ${name}: ${manifest.tables.length} tables, ${totalRows(manifest)} rows restored and match the manifest (migration ${manifest.migration}).`;
    result = { verifiedAt: new Date().toISOString(), ok: true, message, manifest, scratchDatabase };
  } catch (error) {
    const message = `FAILED ${name}: ${(error as Error).message}`;
    result = { verifiedAt: new Date().toISOString(), ok: false, message, scratchDatabase };
    // A wrong key says nothing about the file: its last real verdict stays.
    if (error instanceof WrongIdentityError) return result;
  }
  if (existsSync(options.file)) {
    const record: VerificationRecord = {
      verifiedAt: result.verifiedAt,
      ok: result.ok,
      message: result.message,
    };
    await writeFile(verificationPath(options.file), `${JSON.stringify(record, null, 2)}\n`);
  }
  return result;
}

async function assertSidecarAgrees(file: string, manifest: BackupManifest): Promise<void> {
  const sidecarFile = sidecarPath(file);
  if (!existsSync(sidecarFile)) return;
  const sidecar = JSON.parse(await readFile(sidecarFile, 'utf8')) as BackupSidecar;
  if (JSON.stringify(sidecar.tables) !== JSON.stringify(manifest.tables)) {
    throw new Error(
      `${path.basename(sidecarFile)} disagrees with the encrypted manifest (which is authoritative).`,
    );
  }
}

async function withScratchDatabase<T>(
  serverUrl: string,
  name: string,
  work: (url: string) => Promise<T>,
): Promise<T> {
  let url: string;
  try {
    url = await createDatabase(serverUrl, name);
  } catch (error) {
    throw new Error(
      `Cannot create the scratch database ${name} (${(error as Error).message}); verification needs a role with CREATEDB.`,
    );
  }
  try {
    return await work(url);
  } finally {
    await dropDatabase(serverUrl, name);
  }
}
