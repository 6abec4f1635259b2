import { generateAuthenticationOptions, verifyAuthenticationResponse } from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { type MfaTicket, PasskeySchema, type User } from '@taskapp/db';
import type { PasskeyLoginInput } from '@taskapp/shared';
import { unauthorized } from '../domain-error.js';
import type { Context } from '../trpc/context.js';
import { userAgent } from '../trpc/request-meta.js';
import { TICKET_GONE } from './mfa-sign-in.js';
import { clientHash, countFailure, liveTicket, spendTicket } from './mfa-tickets.js';
import { passkeysOf } from './passkey-registration.js';
import {
  credentialDescriptor,
  relyingParty,
  storeChallenge,
  takeChallenge,
  WEBAUTHN_TIMEOUT_MS,
  webauthnCredential,
} from './webauthn.js';

/** Every refusal about the passkey itself reads the same: unknown, someone else's, replayed or forged. */
export const PASSKEY_REFUSED = 'That passkey could not sign you in.';

type Ctx = Pick<Context, 'em' | 'env' | 'http' | 'now' | 'rateLimits'>;

async function ticketOrRefuse(ctx: Ctx, token: string): Promise<MfaTicket> {
  const ticket = await liveTicket(ctx.em, token, clientHash(userAgent(ctx.http)), ctx.now());
  if (!ticket) throw unauthorized(TICKET_GONE);
  return ticket;
}

/**
 * Options for navigator.credentials.get. Without a ticket: any discoverable passkey of this site (the
 * browser offers them), and it must verify the person (PIN or biometrics), as it is the only factor.
 * With the ticket of a sign-in whose password was right: only that person's passkeys.
 */
export async function passkeySignInOptions(ctx: Ctx, mfaTicket: string | undefined) {
  const ticket = mfaTicket ? await ticketOrRefuse(ctx, mfaTicket) : null;
  const user = ticket?.user.getEntity() ?? null;
  const { rpID } = relyingParty(ctx.env);
  const options = await generateAuthenticationOptions({
    rpID,
    allowCredentials: user ? (await passkeysOf(ctx.em, user.id)).map(credentialDescriptor) : [],
    timeout: WEBAUTHN_TIMEOUT_MS,
    userVerification: user ? 'preferred' : 'required',
  });
  await storeChallenge(ctx.em, options.challenge, user ? 'second-factor' : 'sign-in', user, ctx.now());
  return options;
}

/**
 * Checks a passkey's answer to a challenge this server handed out (each challenge works once) and
 * returns the person to sign in. With a ticket, the passkey must be the ticket's person's and the ticket
 * is used up; wrong answers count against the ticket and the account like wrong codes.
 */
export async function passkeySignIn(ctx: Ctx, input: PasskeyLoginInput): Promise<User> {
  const now = ctx.now();
  const ticket = input.mfaTicket ? await ticketOrRefuse(ctx, input.mfaTicket) : null;
  const ticketUser = ticket?.user.getEntity() ?? null;
  if (ticketUser) await ctx.rateLimits.consume('secondFactorFailuresPerUser', ticketUser.id);
  const refuse = async () => {
    if (ticket) await countFailure(ctx.em, ticket);
    return unauthorized(PASSKEY_REFUSED);
  };

  const passkey = await ctx.em.findOne(
    PasskeySchema,
    { credentialId: input.response.id },
    { populate: ['user'] },
  );
  const user = passkey?.user.getEntity();
  if (!passkey || !user?.isActive || (ticketUser && user.id !== ticketUser.id)) throw await refuse();
  // A discoverable credential names its account; it must be the one the passkey was registered to.
  const handle = input.response.response.userHandle;
  if (handle !== undefined && isoBase64URL.toUTF8String(handle) !== user.id) throw await refuse();

  const { rpID, origin } = relyingParty(ctx.env);
  const verification = await verifyAuthenticationResponse({
    response: input.response,
    expectedChallenge: (challenge) =>
      takeChallenge(ctx.em, challenge, ticket ? 'second-factor' : 'sign-in', ticketUser?.id ?? null, now),
    expectedOrigin: origin,
    expectedRPID: rpID,
    credential: webauthnCredential(passkey),
    // The only factor must prove the person too; as a second factor, holding the key is enough.
    requireUserVerification: !ticket,
  }).catch(() => null);
  if (!verification?.verified) throw await refuse();

  // The library refuses a counter that did not go up (when the authenticator counts at all); the
  // conditional update also refuses two answers racing with the same counter value.
  const { newCounter, credentialBackedUp } = verification.authenticationInfo;
  const updated = await ctx.em.nativeUpdate(
    PasskeySchema,
    { id: passkey.id, counter: passkey.counter },
    { counter: newCounter, backedUp: credentialBackedUp, lastUsedAt: now },
  );
  if (updated !== 1) throw await refuse();

  if (ticket && ticketUser) {
    if (!(await spendTicket(ctx.em, ticket, now))) throw unauthorized(TICKET_GONE);
    await ctx.rateLimits.refund('secondFactorFailuresPerUser', ticketUser.id);
  }
  return user;
}
