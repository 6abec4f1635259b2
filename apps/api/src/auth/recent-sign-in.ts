import { type EntityManager, SessionSchema } from '@taskapp/db';
import { forbidden } from '../domain-error.js';

/** How long a sign-in (or a confirmed password) counts as recent for sensitive actions. */
export const RECENT_SIGN_IN_MS = 30 * 60 * 1000;

export const CONFIRM_PASSWORD_FIRST = 'For your security, confirm your password first.';

/**
 * Sensitive reads (the data export) need the person to have proved who they are on this session lately:
 * a stolen, long-lived session alone cannot take everything. The others (password change, account
 * deletion, turning 2FA off, deleting a passkey) ask for the password every time.
 */
export async function requireRecentSignIn(em: EntityManager, sessionId: string, now: Date): Promise<void> {
  const session = await em.findOne(SessionSchema, { id: sessionId }, { fields: ['authenticatedAt'] });
  if (!session || now.getTime() - session.authenticatedAt.getTime() > RECENT_SIGN_IN_MS)
    throw forbidden(CONFIRM_PASSWORD_FIRST);
}

/** The password was confirmed again: this session counts as freshly signed in. */
export async function markSignedInNow(em: EntityManager, sessionId: string, now: Date): Promise<void> {
  await em.nativeUpdate(SessionSchema, { id: sessionId }, { authenticatedAt: now });
}
