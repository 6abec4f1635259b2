import { createReadStream, existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { decrypterFor } from './age-keys.js';
import { bodyItems } from './copy-text.js';
import {
  BACKUP_FORMAT,
  type BackupHeader,
  type BackupManifest,
  COMPRESSIONS,
  CONTROL,
  COPY_FORMAT_VERSION,
  READABLE_FORMAT_VERSIONS,
} from './format.js';
import { lines, nodeToWeb } from './web-streams.js';

export type BackupEvent =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'table'; name: string }
  /** Formats 1 and 2: `row_to_json` lines. */
  | { kind: 'rows'; lines: string[] }
  /** Format 3: whole rows as COPY text, each line with its `\n`. */
  | { kind: 'copy'; text: Buffer; rows: number }
  | { kind: 'manifest'; manifest: BackupManifest };

const ROWS_PER_EVENT = 1_000;
/** A header longer than this is not one (it lists tables and columns: a few KiB). */
const MAX_HEADER_BYTES = 1024 * 1024;

/** The file is fine as far as anyone can tell; the identity given is not one it was encrypted to. */
export class WrongIdentityError extends Error {}

type Invalid = (why: string) => Error;

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
  const invalid: Invalid = (why) => new Error(`${file} is not a valid taskapp backup: ${why}.`);

  const { line, rest } = await firstLine(authenticated(file, plaintext), invalid);
  if (!line.startsWith(CONTROL.header)) throw invalid(`unexpected line "${line.slice(0, 40)}"`);
  const header = parseHeader(line.slice(CONTROL.header.length), invalid);
  yield { kind: 'header', header };

  const manifest =
    header.formatVersion >= COPY_FORMAT_VERSION
      ? yield* copyTextEvents(file, rest, invalid)
      : yield* jsonLineEvents(lines(rest), invalid);
  // The manifest is handed out only after the last chunk has been authenticated.
  if (!manifest) throw new Error(`${file} is truncated: it ends before its manifest.`);
  yield { kind: 'manifest', manifest };
}

/** Formats 1 and 2: every line after the header is a row (`{…}`) or a control line (`@…`). */
async function* jsonLineEvents(
  source: AsyncGenerator<string>,
  invalid: Invalid,
): AsyncGenerator<BackupEvent, BackupManifest | undefined> {
  let manifest: BackupManifest | undefined;
  let batch: string[] = [];
  const flush = function* (): Generator<BackupEvent> {
    if (batch.length) yield { kind: 'rows', lines: batch };
    batch = [];
  };
  for await (const line of source) {
    if (manifest) throw invalid('data after the manifest');
    if (line.startsWith('{')) {
      batch.push(line);
      if (batch.length >= ROWS_PER_EVENT) yield* flush();
    } else if (line.startsWith(CONTROL.table)) {
      yield* flush();
      yield { kind: 'table', name: line.slice(CONTROL.table.length) };
    } else if (line.startsWith(CONTROL.manifest)) {
      yield* flush();
      manifest = JSON.parse(line.slice(CONTROL.manifest.length)) as BackupManifest;
    } else {
      throw invalid(`unexpected line "${line.slice(0, 40)}"`);
    }
  }
  return manifest;
}

/** Format 3: the rest is compressed; tables of COPY text rows, each ended by `\.`, then the manifest. */
async function* copyTextEvents(
  file: string,
  rest: AsyncIterable<Uint8Array>,
  invalid: Invalid,
): AsyncGenerator<BackupEvent, BackupManifest | undefined> {
  const gunzip = createGunzip();
  const decompressing = pipeline(Readable.from(rest, { objectMode: false }), gunzip);
  // A failure reaches the reader below through gunzip as well; this only keeps it from going unhandled.
  decompressing.catch(() => undefined);
  let manifest: BackupManifest | undefined;
  let inTable = false;
  try {
    for await (const item of bodyItems(gunzip)) {
      if (manifest) throw invalid('data after the manifest');
      if (item.kind === 'rows') {
        yield { kind: 'copy', text: item.data, rows: item.rows };
      } else if (item.kind === 'end-of-rows') {
        inTable = false;
      } else if (item.line.startsWith(CONTROL.table) && !inTable) {
        inTable = true;
        yield { kind: 'table', name: item.line.slice(CONTROL.table.length) };
      } else if (item.line.startsWith(CONTROL.manifest)) {
        manifest = JSON.parse(item.line.slice(CONTROL.manifest.length)) as BackupManifest;
      } else {
        throw invalid(`unexpected line "${item.line.slice(0, 40)}"`);
      }
    }
    await decompressing;
  } catch (error) {
    throw isZlibError(error)
      ? new Error(`${file} is damaged: its compressed data cannot be read (${(error as Error).message}).`)
      : error;
  }
  return manifest;
}

const isZlibError = (error: unknown) => /^Z_/.test(String((error as { code?: unknown }).code ?? ''));

/** The first line of the plaintext (the header, never compressed), and the bytes after it. */
async function firstLine(
  source: AsyncIterable<Uint8Array>,
  invalid: Invalid,
): Promise<{ line: string; rest: AsyncIterable<Uint8Array> }> {
  const iterator = source[Symbol.asyncIterator]();
  let seen = Buffer.alloc(0);
  while (true) {
    const next = await iterator.next();
    if (next.done) throw invalid('it has no header');
    seen = Buffer.concat([seen, next.value]);
    const end = seen.indexOf(0x0a);
    if (end !== -1) {
      const after = seen.subarray(end + 1);
      const rest = async function* () {
        if (after.length > 0) yield after;
        yield* { [Symbol.asyncIterator]: () => iterator };
      };
      return { line: new TextDecoder('utf-8', { fatal: true }).decode(seen.subarray(0, end)), rest: rest() };
    }
    if (seen.length > MAX_HEADER_BYTES) throw invalid('its first line is not a header');
  }
}

function parseHeader(text: string, invalid: Invalid): BackupHeader {
  const header = JSON.parse(text) as BackupHeader;
  if (header.format !== BACKUP_FORMAT) throw invalid('unknown format');
  if (!READABLE_FORMAT_VERSIONS.includes(header.formatVersion)) {
    throw invalid(
      `format version ${header.formatVersion}; this app reads versions ${READABLE_FORMAT_VERSIONS.join(', ')} (newer files need a newer app)`,
    );
  }
  if (header.formatVersion >= COPY_FORMAT_VERSION && !COMPRESSIONS.includes(header.compression as never)) {
    throw invalid(`unknown compression ${header.compression}`);
  }
  return header;
}

/** Turns age's low-level stream failures into one clear message. */
async function* authenticated<T>(file: string, source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  while (true) {
    let next: IteratorResult<T>;
    try {
      next = await iterator.next();
    } catch (error) {
      throw new Error(
        `${file} is damaged, truncated or was modified: its encrypted data failed authentication (${(error as Error).message}).`,
      );
    }
    if (next.done) return;
    yield next.value;
  }
}
