import { generateRegistrationOptions, verifyRegistrationResponse } from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { type EntityManager, type Passkey, PasskeySchema, UserSchema } from '@taskapp/db';
import type { RegisterPasskeyInput } from '@taskapp/shared';
import { conflict, invalid } from '../domain-error.js';
import type { Context } from '../trpc/context.js';
import { alertOwner } from './security-alerts.js';
import {
  credentialDescriptor,
  relyingParty,
  storeChallenge,
  takeChallenge,
  userHandle,
  WEBAUTHN_TIMEOUT_MS,
} from './webauthn.js';

/** Plenty for every phone, laptop and key a person owns; bounds what a sign-in's options can list. */
export const MAX_PASSKEYS_PER_USER = 20;

const TOO_MANY = `You can have at most ${MAX_PASSKEYS_PER_USER} passkeys. Delete one you no longer use first.`;
const NOT_VERIFIED = 'The passkey could not be added. Try again.';

type Ctx = Pick<Context, 'em' | 'env' | 'now' | 'mailer' | 'logger'> & { userId: string };

export function passkeysOf(em: EntityManager, userId: string): Promise<Passkey[]> {
  return em.find(PasskeySchema, { user: userId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
}

export function toPasskeyDto({ id, name, createdAt, lastUsedAt }: Passkey) {
  return { id, name, createdAt, lastUsedAt };
}

/**
 * Options for navigator.credentials.create: a discoverable credential (so it can sign in without an
 * email), never one of the person's authenticators twice.
 */
export async function registrationOptions(ctx: Ctx) {
  const user = await ctx.em.findOneOrFail(UserSchema, ctx.userId);
  const existing = await passkeysOf(ctx.em, user.id);
  if (existing.length >= MAX_PASSKEYS_PER_USER) throw invalid(TOO_MANY);
  const { rpName, rpID } = relyingParty(ctx.env);
  const options = await generateRegistrationOptions({
    rpName,
    rpID,
    userName: user.email,
    userDisplayName: user.name,
    userID: userHandle(user.id),
    timeout: WEBAUTHN_TIMEOUT_MS,
    attestationType: 'none',
    excludeCredentials: existing.map(credentialDescriptor),
    authenticatorSelection: {
      residentKey: 'required',
      requireResidentKey: true,
      userVerification: 'preferred',
    },
  });
  await storeChallenge(ctx.em, options.challenge, 'register', user, ctx.now());
  return options;
}

/** Checks the authenticator's answer to this person's own challenge (used once) and keeps the new passkey. */
export async function registerPasskey(ctx: Ctx, input: RegisterPasskeyInput) {
  const user = await ctx.em.findOneOrFail(UserSchema, ctx.userId);
  if ((await ctx.em.count(PasskeySchema, { user: user.id })) >= MAX_PASSKEYS_PER_USER)
    throw invalid(TOO_MANY);
  const { rpID, origin } = relyingParty(ctx.env);
  const now = ctx.now();
  const verification = await verifyRegistrationResponse({
    response: input.response,
    expectedChallenge: (challenge) => takeChallenge(ctx.em, challenge, 'register', user.id, now),
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification: false,
  }).catch(() => null);
  if (!verification?.verified) throw invalid(NOT_VERIFIED);
  const { credential, credentialBackedUp } = verification.registrationInfo;
  if (await ctx.em.count(PasskeySchema, { credentialId: credential.id }))
    throw conflict('This passkey is already added.');
  const passkey = ctx.em.create(PasskeySchema, {
    user,
    credentialId: credential.id,
    publicKey: isoBase64URL.fromBuffer(credential.publicKey),
    counter: credential.counter,
    transports: credential.transports ?? [],
    name: input.name,
    backedUp: credentialBackedUp,
    createdAt: now,
    lastUsedAt: null,
  });
  await ctx.em.flush().catch((error: unknown) => {
    if ((error as { name?: string }).name === 'UniqueConstraintViolationException')
      throw conflict('This passkey is already added.');
    throw error;
  });
  alertOwner(ctx, user, 'passkey-added');
  return toPasskeyDto(passkey);
}
