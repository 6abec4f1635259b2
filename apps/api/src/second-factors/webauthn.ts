import { isoBase64URL } from '@simplewebauthn/server/helpers';
import {
  type EntityManager,
  type Passkey,
  type User,
  type WebauthnChallengePurpose,
  WebauthnChallengeSchema,
} from '@taskapp/db';
import type { Env } from '../env.js';

/** Long enough for a fingerprint or a security key, short enough that a leaked challenge is soon useless. */
export const WEBAUTHN_CHALLENGE_TTL_MS = 5 * 60 * 1000;
/** What the browser waits for the person (the options' `timeout`). */
export const WEBAUTHN_TIMEOUT_MS = 60_000;

/**
 * The WebAuthn relying party is APP_ORIGIN: its host is the RP ID every passkey is bound to (passkeys
 * work only on that host, and moving the app to another domain leaves them unusable), and answers must
 * come from exactly that origin.
 */
export function relyingParty(env: Pick<Env, 'APP_ORIGIN'>) {
  return { rpName: 'Taskapp', rpID: new URL(env.APP_ORIGIN).hostname, origin: env.APP_ORIGIN };
}

/** Keeps a challenge until its answer comes back (any API instance can check it; the hourly clean-up drops unanswered ones). */
export async function storeChallenge(
  em: EntityManager,
  challenge: string,
  purpose: WebauthnChallengePurpose,
  user: User | null,
  now: Date,
): Promise<void> {
  em.create(WebauthnChallengeSchema, {
    challenge,
    purpose,
    user,
    expiresAt: new Date(now.getTime() + WEBAUTHN_CHALLENGE_TTL_MS),
    createdAt: now,
  });
  await em.flush();
}

/**
 * Uses up a challenge the server handed out for this purpose (and this person, or nobody for a
 * passkey-only sign-in): true at most once per challenge, even for answers sent at the same time.
 */
export async function takeChallenge(
  em: EntityManager,
  challenge: string,
  purpose: WebauthnChallengePurpose,
  userId: string | null,
  now: Date,
): Promise<boolean> {
  const taken = await em.nativeDelete(WebauthnChallengeSchema, {
    challenge,
    purpose,
    user: userId,
    expiresAt: { $gt: now },
  });
  return taken === 1;
}

/** A stored passkey as @simplewebauthn wants it. */
export function webauthnCredential(passkey: Passkey) {
  return {
    id: passkey.credentialId,
    publicKey: isoBase64URL.toBuffer(passkey.publicKey),
    counter: passkey.counter,
    transports: passkey.transports,
  };
}

export function credentialDescriptor(passkey: Pick<Passkey, 'credentialId' | 'transports'>) {
  return { id: passkey.credentialId, transports: passkey.transports };
}

/** The WebAuthn user handle: the account id's bytes (a passkey-only sign-in reads it back). */
export function userHandle(userId: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(userId);
}
