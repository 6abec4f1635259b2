import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { withClient } from '@taskapp/db';
import { createTestDatabase, type TestDatabase } from '@taskapp/db/testing';
import { Decrypter } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityFileText } from '../src/age-keys.js';
import {
  createBackup,
  generateKeyPair,
  loadIdentities,
  parseRecipients,
  restoreBackup,
  verifyBackup,
} from '../src/index.js';
import { seedAwkwardData, tableFingerprints, tempDir, testKeys } from './helpers.js';

const CANARY = 'canary-7f3a: the launch codes are 0000';
const AGE_CLI = ['/usr/bin/age', '/usr/local/bin/age'].find((candidate) => existsSync(candidate));

let source: TestDatabase;
let target: TestDatabase;
let dir: string;
let file: string;
beforeAll(async () => {
  source = await createTestDatabase();
  target = await createTestDatabase();
  dir = await tempDir();
  await seedAwkwardData(source.url, 4);
  await withClient(source.url, async (client) => {
    await client.query(`INSERT INTO tasks (user_id, title) SELECT id, $1 FROM users LIMIT 1`, [CANARY]);
    // Text that does not compress, so the file spans several of age's 64 KiB chunks.
    await client.query(
      `INSERT INTO tasks (user_id, title, description)
       SELECT (SELECT id FROM users ORDER BY id LIMIT 1), 'noise ' || n,
              (SELECT string_agg(md5(random()::text || s), '') FROM generate_series(1, 8) s WHERE n > 0)
       FROM generate_series(1, 2000) n`,
    );
  });
  // The target already holds other data: a failed restore must leave it exactly as it was.
  await seedAwkwardData(target.url, 1);
  const { recipient } = await testKeys();
  const other = await generateKeyPair();
  ({ file } = await createBackup({ databaseUrl: source.url, dir, recipients: [other.recipient, recipient] }));
});
afterAll(async () => {
  await source.drop();
  await target.drop();
});

async function damagedCopy(name: string, damage: (bytes: Buffer) => Buffer): Promise<string> {
  const copy = path.join(dir, name);
  await writeFile(copy, damage(await readFile(file)));
  return copy;
}

async function expectRestoreToFailCleanly(backupFile: string, identity: string, message: RegExp) {
  const before = await tableFingerprints(target.url);
  await expect(
    restoreBackup({ file: backupFile, identities: [identity], targetUrl: target.url, force: true }),
  ).rejects.toThrow(message);
  expect(await tableFingerprints(target.url)).toEqual(before);
}

describe('backup encryption', () => {
  it('hides the data: a canary title is absent from the ciphertext and readable after decryption', async () => {
    const ciphertext = await readFile(file);
    expect(ciphertext.subarray(0, 22).toString()).toBe('age-encryption.org/v1\n');
    expect(ciphertext.includes(Buffer.from('canary-7f3a'))).toBe(false);
    expect(ciphertext.includes(Buffer.from('example.com'))).toBe(false);

    const decrypter = new Decrypter();
    decrypter.addIdentity((await testKeys()).identity);
    const plaintext = uncompressed(Buffer.from(await decrypter.decrypt(new Uint8Array(ciphertext))));
    expect(plaintext).toContain(CANARY);
    expect(plaintext.split('\n')[0]).toMatch(
      /^@header \{"format":"taskapp-backup","formatVersion":3,.*"compression":"gzip"\}$/,
    );
    // The rows are PostgreSQL's COPY text, which psql or any COPY can read.
    expect(plaintext).toMatch(/\n@table tasks\n[0-9a-f-]{36}\t[0-9a-f-]{36}\t/);
  });

  // The standard age tool (Debian's `age`, which .ci/run installs) reads our files: nothing app-specific
  // is needed to get the data back.
  it.skipIf(!AGE_CLI)('decrypts with the standard age command-line tool', async () => {
    const keyFile = path.join(dir, 'cli-identity.txt');
    writeFileSync(keyFile, `${(await testKeys()).identity}\n`, { mode: 0o600 });
    const plaintext = uncompressed(execFileSync(AGE_CLI as string, ['-d', '-i', keyFile, file]));
    expect(plaintext).toContain(CANARY);
    expect(plaintext.split('\n')[0]).toMatch(/^@header /);
  });

  it('decrypts with any of the recipients, and the restore matches the source', async () => {
    const { identity } = await testKeys();
    const fresh = await createTestDatabase();
    try {
      await restoreBackup({ file, identities: [identity], targetUrl: fresh.url });
      expect(await tableFingerprints(fresh.url)).toEqual(await tableFingerprints(source.url));
    } finally {
      await fresh.drop();
    }
  });

  it('refuses a wrong identity with a clear message and leaves the target untouched', async () => {
    const stranger = await generateKeyPair();
    await expectRestoreToFailCleanly(
      file,
      stranger.identity,
      /not encrypted to the identity in BACKUP_AGE_IDENTITY/,
    );
    // Verifying with the wrong key fails, but does not mark the backup itself as failed.
    const result = await verifyBackup({ file, identities: [stranger.identity], serverUrl: source.url });
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not encrypted to the identity/),
    });
    expect(existsSync(`${file}.verified.json`)).toBe(false);
  });

  it('fails on a flipped byte in the data, after rows were already loaded, and rolls everything back', async () => {
    const { identity } = await testKeys();
    const size = (await readFile(file)).length;
    expect(size).toBeGreaterThan(3 * 64 * 1024);
    const flipped = await damagedCopy('flipped.backup.age', (bytes) => {
      bytes[size - 100] = (bytes[size - 100] ?? 0) ^ 0x01;
      return bytes;
    });
    await expectRestoreToFailCleanly(flipped, identity, /damaged, truncated or was modified/);
  });

  it('fails on a flipped byte in the header', async () => {
    const { identity } = await testKeys();
    const flipped = await damagedCopy('header.backup.age', (bytes) => {
      bytes[60] = (bytes[60] ?? 0) ^ 0x01;
      return bytes;
    });
    await expectRestoreToFailCleanly(flipped, identity, /header is damaged|not encrypted to the identity/);
  });

  it('fails on a truncated file, whether cut mid-chunk or at a chunk boundary', async () => {
    const { identity } = await testKeys();
    const midChunk = await damagedCopy('truncated.backup.age', (bytes) =>
      bytes.subarray(0, bytes.length - 1000),
    );
    await expectRestoreToFailCleanly(midChunk, identity, /damaged, truncated or was modified/);

    const whole = await readFile(file);
    const lastChunk = (whole.length - headerLength(whole) - 16) % (64 * 1024 + 16);
    const atBoundary = path.join(dir, 'boundary.backup.age');
    await writeFile(atBoundary, whole);
    await truncate(atBoundary, whole.length - lastChunk);
    await expectRestoreToFailCleanly(atBoundary, identity, /damaged, truncated or was modified/);
  });

  it('verify reports a damaged file as FAILED and records it', async () => {
    const { identity } = await testKeys();
    const flipped = await damagedCopy('verify-flipped.backup.age', (bytes) => {
      bytes[bytes.length - 5] = (bytes[bytes.length - 5] ?? 0) ^ 0x80;
      return bytes;
    });
    const result = await verifyBackup({ file: flipped, identities: [identity], serverUrl: source.url });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^FAILED verify-flipped\.backup\.age: .*failed authentication/);
    expect(JSON.parse(await readFile(`${flipped}.verified.json`, 'utf8'))).toMatchObject({ ok: false });
  });
});

/** A decrypted backup as text: its header line, then the rest through gunzip (`tail -n +2 | gunzip`). */
function uncompressed(plaintext: Buffer): string {
  const headerEnd = plaintext.indexOf('\n') + 1;
  return `${plaintext.subarray(0, headerEnd).toString('utf8')}${gunzipSync(plaintext.subarray(headerEnd)).toString('utf8')}`;
}

/** Bytes up to and including the header's MAC line (`--- …\n`). */
function headerLength(bytes: Buffer): number {
  const mac = bytes.indexOf('\n---');
  return bytes.indexOf('\n', mac + 1) + 1;
}

describe('backup keys', () => {
  it('accepts comma-separated recipients and rejects malformed ones by name', async () => {
    const [a, b] = [await generateKeyPair(), await generateKeyPair()];
    expect(parseRecipients(` ${a.recipient}, ${b.recipient} `)).toEqual([a.recipient, b.recipient]);
    expect(() => parseRecipients(undefined)).toThrow(/BACKUP_AGE_RECIPIENTS is not set/);
    expect(() => parseRecipients('ssh-ed25519 AAAA')).toThrow(/BACKUP_AGE_RECIPIENTS: "ssh-ed25519 AAAA"/);
    const badChecksum = `${a.recipient.slice(0, -1)}${a.recipient.endsWith('q') ? 'p' : 'q'}`;
    expect(() => parseRecipients(badChecksum)).toThrow(/not an age X25519 recipient/);
  });

  it('reads the identity from the variable itself or from an identity file with comments', async () => {
    const pair = await generateKeyPair();
    expect(await loadIdentities(pair.identity)).toEqual([pair.identity]);
    const keyFile = path.join(await tempDir(), 'key.txt');
    writeFileSync(keyFile, identityFileText(pair));
    expect(await loadIdentities(keyFile)).toEqual([pair.identity]);
    await expect(loadIdentities(undefined)).rejects.toThrow(/BACKUP_AGE_IDENTITY is not set/);
    await expect(loadIdentities('/nonexistent/key.txt')).rejects.toThrow(/cannot read the identity file/);
    await expect(loadIdentities('AGE-SECRET-KEY-1NOTAKEY')).rejects.toThrow(/not an age X25519 secret key/);
  });
});
