import { createReadStream, existsSync } from 'node:fs';
import { decrypterFor } from './age-keys.js';
import {
  BACKUP_FORMAT,
  type BackupHeader,
  type BackupManifest,
  CONTROL,
  READABLE_FORMAT_VERSIONS,
} from './format.js';
import { lines, nodeToWeb } from './web-streams.js';

export type BackupEvent =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'table'; name: string }
  | { kind: 'rows'; lines: string[] }
  | { kind: 'manifest'; manifest: BackupManifest };

const ROWS_PER_EVENT = 1_000;

/** The file is fine as far as anyone can tell; the identity given is not one it was encrypted to. */
export class WrongIdentityError extends Error {}

/**
 * Decrypts and parses a backup as a stream of events, in file order. age authenticates each 64 KiB
 * chunk, so a modified byte fails when its chunk is read and a cut-off file fails at its end: callers
 * must treat everything read so far as unconfirmed until the generator has finished.
 */
export async function* readBackup(file: string, identities: string[]): AsyncGenerator<BackupEvent> {
  if (!existsSync(file)) throw new Error(`Backup file not found: ${file}`);
  let plaintext: AsyncIterable<Uint8Array>;
  try {
    const decrypted = await decrypterFor(identities).decrypt(nodeToWeb(createReadStream(file)));
    plaintext = decrypted as unknown as AsyncIterable<Uint8Array>;
  } catch (error) {
    const message = (error as Error).message;
    if (message.includes('no identity matched')) {
      throw new WrongIdentityError(
        `Cannot decrypt ${file}: it is not encrypted to the identity in BACKUP_AGE_IDENTITY.`,
      );
    }
    throw new Error(`${file} is not a readable age file or its header is damaged (${message}).`);
  }

  let header: BackupHeader | undefined;
  let manifest: BackupManifest | undefined;
  let batch: string[] = [];
  const flush = function* (): Generator<BackupEvent> {
    if (batch.length) yield { kind: 'rows', lines: batch };
    batch = [];
  };
  const invalid = (why: string) => new Error(`${file} is not a valid taskapp backup: ${why}.`);

  for await (const line of authenticated(file, lines(plaintext))) {
    if (manifest) throw invalid('data after the manifest');
    if (line.startsWith('{')) {
      if (!header) throw invalid('rows before the header');
      batch.push(line);
      if (batch.length >= ROWS_PER_EVENT) yield* flush();
    } else if (line.startsWith(CONTROL.header) && !header) {
      header = parseHeader(line.slice(CONTROL.header.length), invalid);
      yield { kind: 'header', header };
    } else if (line.startsWith(CONTROL.table) && header) {
      yield* flush();
      yield { kind: 'table', name: line.slice(CONTROL.table.length) };
    } else if (line.startsWith(CONTROL.manifest) && header) {
      yield* flush();
      manifest = JSON.parse(line.slice(CONTROL.manifest.length)) as BackupManifest;
    } else {
      throw invalid(`unexpected line "${line.slice(0, 40)}"`);
    }
  }
  // The manifest is handed out only after the last chunk has been authenticated.
  if (!manifest) throw new Error(`${file} is truncated: it ends before its manifest.`);
  yield { kind: 'manifest', manifest };
}

function parseHeader(text: string, invalid: (why: string) => Error): BackupHeader {
  const header = JSON.parse(text) as BackupHeader;
  if (header.format !== BACKUP_FORMAT) throw invalid('unknown format');
  if (!READABLE_FORMAT_VERSIONS.includes(header.formatVersion)) {
    throw invalid(
      `format version ${header.formatVersion}; this app reads versions ${READABLE_FORMAT_VERSIONS.join(', ')} (newer files need a newer app)`,
    );
  }
  return header;
}

/** Turns age's low-level stream failures into one clear message. */
async function* authenticated(file: string, source: AsyncGenerator<string>): AsyncGenerator<string> {
  while (true) {
    let next: IteratorResult<string>;
    try {
      next = await source.next();
    } catch (error) {
      throw new Error(
        `${file} is damaged, truncated or was modified: its encrypted data failed authentication (${(error as Error).message}).`,
      );
    }
    if (next.done) return;
    yield next.value;
  }
}
