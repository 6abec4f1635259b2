import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  BACKUP_EXTENSION,
  type BackupSidecar,
  backupTimeFromName,
  sidecarPath,
  type VerificationRecord,
  verificationPath,
} from './format.js';

export interface ListedBackup {
  file: string;
  name: string;
  createdAt: Date;
  bytes: number;
  sidecar?: BackupSidecar;
  verification?: VerificationRecord;
}

async function readJson<T>(file: string): Promise<T | undefined> {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** The backups in a folder, newest first, with their plaintext manifests and last verification. */
export async function listBackups(dir: string): Promise<ListedBackup[]> {
  const names = existsSync(dir) ? await readdir(dir) : [];
  const backups: ListedBackup[] = [];
  for (const name of names) {
    const createdAt = backupTimeFromName(name);
    if (!createdAt || !name.endsWith(BACKUP_EXTENSION)) continue;
    const file = path.join(dir, name);
    backups.push({
      file,
      name,
      createdAt,
      bytes: (await stat(file)).size,
      sidecar: await readJson<BackupSidecar>(sidecarPath(file)),
      verification: await readJson<VerificationRecord>(verificationPath(file)),
    });
  }
  return backups.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}
