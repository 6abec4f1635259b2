import { readFile } from 'node:fs/promises';
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';

const SECRET_KEY_PREFIX = 'AGE-SECRET-KEY-1';
const X25519_RECIPIENT = /^age1[02-9ac-hj-np-z]{58}$/;

/** The comma-separated X25519 recipients of BACKUP_AGE_RECIPIENTS, each checked (checksum included). */
export function parseRecipients(value: string | undefined): string[] {
  const recipients = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (recipients.length === 0) {
    throw new Error(
      'BACKUP_AGE_RECIPIENTS is not set: give the public key(s) backups are encrypted to (age1…, see pnpm db:backup:keygen).',
    );
  }
  for (const recipient of recipients) {
    const problem = X25519_RECIPIENT.test(recipient) ? recipientError(recipient) : 'not an age1… key';
    if (problem) {
      throw new Error(`BACKUP_AGE_RECIPIENTS: "${recipient}" is not an age X25519 recipient (${problem}).`);
    }
  }
  return recipients;
}

function recipientError(recipient: string): string | undefined {
  try {
    new Encrypter().addRecipient(recipient);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * The identities of BACKUP_AGE_IDENTITY: the `AGE-SECRET-KEY-1…` string itself, or the path of an
 * age identity file (as written by age-keygen or pnpm db:backup:keygen; lines starting with # are comments).
 */
export async function loadIdentities(value: string | undefined): Promise<string[]> {
  if (!value?.trim()) {
    throw new Error(
      'BACKUP_AGE_IDENTITY is not set: give the secret key (AGE-SECRET-KEY-1…) or the path of an age identity file.',
    );
  }
  const source = value.trim();
  let text = source;
  if (!source.startsWith(SECRET_KEY_PREFIX)) {
    try {
      text = await readFile(source, 'utf8');
    } catch (error) {
      throw new Error(
        `BACKUP_AGE_IDENTITY: cannot read the identity file ${source} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
      );
    }
  }
  const identities = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  if (identities.length === 0) throw new Error('BACKUP_AGE_IDENTITY: the identity file holds no key.');
  for (const identity of identities) {
    if (!identity.startsWith(SECRET_KEY_PREFIX) || !(await isValidIdentity(identity))) {
      throw new Error('BACKUP_AGE_IDENTITY: not an age X25519 secret key (AGE-SECRET-KEY-1…).');
    }
  }
  return identities;
}

async function isValidIdentity(identity: string): Promise<boolean> {
  try {
    await identityToRecipient(identity);
    return true;
  } catch {
    return false;
  }
}

export function decrypterFor(identities: string[]): Decrypter {
  const decrypter = new Decrypter();
  for (const identity of identities) decrypter.addIdentity(identity);
  return decrypter;
}

export interface AgeKeyPair {
  identity: string;
  recipient: string;
}

export async function generateKeyPair(): Promise<AgeKeyPair> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

/** The key pair in age-keygen's file layout, so `age -d -i <file>` reads it. */
export function identityFileText(pair: AgeKeyPair, createdAt = new Date()): string {
  return `# created: ${createdAt.toISOString()}\n# public key: ${pair.recipient}\n${pair.identity}\n`;
}
