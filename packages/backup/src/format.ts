import path from 'node:path';

/**
 * A backup is an age-encrypted stream. Since format 3 (issue 19):
 *   @header {json}        format, app version, migration, creation time, tables and their columns, and
 *                         the compression of everything after this line (gzip)
 * then, compressed:
 *   @table <name>         then the table's rows as `COPY … TO STDOUT` text (one line per row, tab-separated,
 *                         in primary-key order), then a line `\.`
 *   @manifest {json}      row counts and SHA-256 of each table's row lines, as written
 * Formats 1 and 2 had no compression and one `row_to_json` line per row (starting with `{`) and no `\.`.
 * See docs/decisions/007-backup-format.md and 017-backup-format-3.md.
 */
export const BACKUP_FORMAT = 'taskapp-backup';
/**
 * 2 (issue 13): a table may reference itself (tasks.parent_id) and its rows still come in primary-key
 * order, so a child can precede its parent; a reader checks such references after the table is loaded.
 * Version 1 files never hold such a table (they predate it), so they read the same way.
 * 3 (issue 19): rows in COPY text format, compressed (the header names the codec).
 */
export const BACKUP_FORMAT_VERSION = 3;
/** The versions this app restores: its own and every older one. */
export const READABLE_FORMAT_VERSIONS: readonly number[] = [1, 2, 3];
/** The first version whose rows are COPY text after a compressed header line. */
export const COPY_FORMAT_VERSION = 3;
/** The codecs a format 3 header may name for the bytes after it. */
export const COMPRESSIONS = ['gzip'] as const;
export type Compression = (typeof COMPRESSIONS)[number];
export const BACKUP_EXTENSION = '.backup.age';

export interface BackupTable {
  name: string;
  /** In the table's column order, which is the order of the keys in each row line. */
  columns: string[];
  primaryKey: string[];
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  appVersion: string;
  /** The latest migration applied to the database the backup was taken from. */
  migration: string;
  createdAt: string;
  /** In foreign-key dependency order: a table comes after every table it references. */
  tables: BackupTable[];
  /** Format 3 on: how everything after the header line is compressed. */
  compression?: Compression;
}

export interface TableChecksum {
  name: string;
  rows: number;
  /**
   * SHA-256 (hex) of the table's row lines, each followed by `\n`, in primary-key order: COPY text lines
   * (format 3) or `row_to_json` lines (formats 1 and 2).
   */
  sha256: string;
}

export interface BackupManifest extends Omit<BackupHeader, 'tables' | 'compression'> {
  finishedAt: string;
  tables: TableChecksum[];
}

/** The plaintext sidecar written next to each backup: no user data, readable without the key. */
export interface BackupSidecar extends BackupManifest {
  file: { name: string; bytes: number; sha256: string };
  recipients: string[];
}

export interface VerificationRecord {
  verifiedAt: string;
  ok: boolean;
  message: string;
}

export const CONTROL = { header: '@header ', table: '@table ', manifest: '@manifest ' } as const;
/** The line that ends a table's rows in format 3, as it ends COPY data: no row's text can be exactly this. */
export const END_OF_ROWS = '\\.';

/** `taskapp-20261127T031500Z.backup.age`: UTC, sortable, safe in every file system. */
export function backupFileName(createdAt: Date): string {
  const stamp = createdAt
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  return `taskapp-${stamp}${BACKUP_EXTENSION}`;
}

const FILE_NAME = /^taskapp-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.backup\.age$/;

/** The creation time in a backup's file name, or undefined when the name is not a backup's. */
export function backupTimeFromName(fileName: string): Date | undefined {
  const match = FILE_NAME.exec(path.basename(fileName));
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match;
  return new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}Z`);
}

export const sidecarPath = (file: string) => `${file}.manifest.json`;
export const verificationPath = (file: string) => `${file}.verified.json`;

/** The sum of the row counts, for one-line reports. */
export const totalRows = (manifest: Pick<BackupManifest, 'tables'>) =>
  manifest.tables.reduce((sum, table) => sum + table.rows, 0);
