import { createHash } from 'node:crypto';
import { type EntityManager, type MfaTicket, MfaTicketSchema, type User } from '@taskapp/db';
import { randomToken, sha256Hex } from '../auth/index.js';

/** Long enough to open an authenticator app, short enough that a stolen ticket is soon worthless. */
export const MFA_TICKET_TTL_MS = 5 * 60 * 1000;
/** Wrong codes on one ticket before it is dead (the account's own limit counts across tickets). */
export const MFA_TICKET_MAX_FAILURES = 5;

/** The client a ticket is bound to: the browser that typed the password (its User-Agent). */
export function clientHash(userAgent: string | null): string {
  return createHash('sha256')
    .update(userAgent ?? '')
    .digest('hex');
}

/** A password was right and a second factor is on: a single-use ticket, nothing else (no session, no cookie). */
export async function issueMfaTicket(
  em: EntityManager,
  user: User,
  client: string,
  now: Date,
): Promise<string> {
  const token = randomToken();
  em.create(MfaTicketSchema, {
    user,
    tokenHash: sha256Hex(token),
    clientHash: client,
    expiresAt: new Date(now.getTime() + MFA_TICKET_TTL_MS),
    createdAt: now,
  });
  await em.flush();
  return token;
}

/** The ticket if it can still finish a sign-in from this client: unused, unexpired, not worn out by wrong codes. */
export async function liveTicket(
  em: EntityManager,
  token: string,
  client: string,
  now: Date,
): Promise<MfaTicket | null> {
  return em.findOne(
    MfaTicketSchema,
    {
      tokenHash: sha256Hex(token),
      clientHash: client,
      usedAt: null,
      expiresAt: { $gt: now },
      failedAttempts: { $lt: MFA_TICKET_MAX_FAILURES },
    },
    { populate: ['user'] },
  );
}

export async function countFailure(em: EntityManager, ticket: MfaTicket): Promise<void> {
  await em.nativeUpdate(MfaTicketSchema, { id: ticket.id }, { failedAttempts: ticket.failedAttempts + 1 });
}

/** Marks the ticket used; false when another request used it first (two submits of the same code). */
export async function spendTicket(em: EntityManager, ticket: MfaTicket, now: Date): Promise<boolean> {
  return (await em.nativeUpdate(MfaTicketSchema, { id: ticket.id, usedAt: null }, { usedAt: now })) === 1;
}
