import { randomBytes } from 'node:crypto';
import {
  type EntityManager,
  RecoveryCodeSchema,
  type User,
  type UserTotp,
  UserTotpSchema,
} from '@taskapp/db';
import { conflict } from '../domain-error.js';
import { newRecoveryCodes, recoveryCodeHash } from './recovery-codes.js';
import type { SecretBox } from './secret-box.js';
import { matchingStep, otpauthUri, secretText, TOTP_SECRET_BYTES } from './totp.js';

export interface TotpDeps {
  em: EntityManager;
  box: SecretBox;
  now: Date;
}

/** The person's TOTP once it is on (confirmed by a code); null while off or only set up. */
export function activeTotp(em: EntityManager, userId: string): Promise<UserTotp | null> {
  return em.findOne(UserTotpSchema, { user: userId, confirmedAt: { $ne: null } });
}

/**
 * A new secret, not active until a code from it is confirmed (`confirmTotp`). Setting up again before
 * confirming replaces the pending secret; while TOTP is on it must be turned off first.
 */
export async function startTotpSetup({ em, box, now }: TotpDeps, user: User) {
  const existing = await em.findOne(UserTotpSchema, { user: user.id });
  if (existing?.confirmedAt) throw conflict('Two-factor authentication is already on.');
  const secret = new Uint8Array(randomBytes(TOTP_SECRET_BYTES));
  if (existing) {
    existing.secretCiphertext = box.seal(secret);
    existing.lastUsedStep = null;
    existing.updatedAt = now;
  } else {
    em.create(UserTotpSchema, { user, secretCiphertext: box.seal(secret), createdAt: now, updatedAt: now });
  }
  await em.flush();
  return { secret: secretText(secret), otpauthUri: otpauthUri(secret, user.email) };
}

/**
 * Accepts a code of the person's TOTP (pending or active, as `state` says) once: its time step is stored,
 * and a code of that step or an earlier one is refused from then on. The update is conditional, so two
 * requests with the same code cannot both pass. A secret sealed with the previous AUTH_SECRET is sealed
 * again with the current one.
 */
export async function acceptTotpCode(
  { em, box, now }: TotpDeps,
  userId: string,
  code: string,
  state: 'pending' | 'active',
): Promise<boolean> {
  const totp = await em.findOne(UserTotpSchema, {
    user: userId,
    confirmedAt: state === 'active' ? { $ne: null } : null,
  });
  if (!totp) return false;
  const { plain, stale } = box.open(totp.secretCiphertext);
  const step = matchingStep(plain, code, now);
  if (step === null) return false;
  const accepted = await em.nativeUpdate(
    UserTotpSchema,
    { user: userId, $or: [{ lastUsedStep: null }, { lastUsedStep: { $lt: step } }] },
    {
      lastUsedStep: step,
      updatedAt: now,
      ...(state === 'pending' ? { confirmedAt: now } : {}),
      ...(stale ? { secretCiphertext: box.seal(plain) } : {}),
    },
  );
  return accepted === 1;
}

/** Ten new single-use codes (only their hashes are kept); the old ones stop working. Shown once. */
export async function replaceRecoveryCodes(em: EntityManager, user: User, now: Date): Promise<string[]> {
  const codes = newRecoveryCodes();
  await em.nativeDelete(RecoveryCodeSchema, { user: user.id });
  for (const code of codes)
    em.create(RecoveryCodeSchema, { user, codeHash: recoveryCodeHash(code), createdAt: now });
  await em.flush();
  return codes;
}

/** Uses up one recovery code; false when it is not one of the person's unused codes. */
export async function spendRecoveryCode(em: EntityManager, userId: string, code: string, now: Date) {
  const spent = await em.nativeUpdate(
    RecoveryCodeSchema,
    { user: userId, codeHash: recoveryCodeHash(code), usedAt: null },
    { usedAt: now },
  );
  return spent === 1;
}

export function recoveryCodesLeft(em: EntityManager, userId: string): Promise<number> {
  return em.count(RecoveryCodeSchema, { user: userId, usedAt: null });
}

/** Turns TOTP off: the secret and every recovery code go. */
export async function removeTotp(em: EntityManager, userId: string): Promise<void> {
  await em.nativeDelete(RecoveryCodeSchema, { user: userId });
  await em.nativeDelete(UserTotpSchema, { user: userId });
}
