import { hash, verify } from '@node-rs/argon2';
import { randomToken } from './tokens.js';

// The package's Algorithm enum is a const enum that isolated modules cannot read; 2 is Argon2id.
const ARGON2ID = 2;

// OWASP's Argon2id baseline (DESIGN.md): 19 MiB of memory, 2 passes, 1 lane.
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against the user's hash, or against a throwaway hash when there is no user, so an
 * unknown email costs the same time as a wrong password.
 */
export async function verifyPasswordOrDummy(
  passwordHash: string | undefined,
  password: string,
): Promise<boolean> {
  dummyHash ??= hashPassword(randomToken());
  const matches = await verifyPassword(passwordHash ?? (await dummyHash), password);
  return matches && passwordHash !== undefined;
}
