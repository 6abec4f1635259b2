import { type EntityManager, type User, type UserTokenPurpose, UserTokenSchema } from '@taskapp/db';
import { randomToken, sha256Hex } from './tokens.js';

export const USER_TOKEN_TTL_MS: Record<UserTokenPurpose, number> = {
  verify_email: 24 * 60 * 60 * 1000,
  reset_password: 60 * 60 * 1000,
};

/** Stores the hash of a new single-use token and returns the token itself, for the mailed link only. */
export async function issueUserToken(
  em: EntityManager,
  user: User,
  purpose: UserTokenPurpose,
): Promise<string> {
  const token = randomToken();
  em.create(UserTokenSchema, {
    user,
    purpose,
    tokenHash: sha256Hex(token),
    expiresAt: new Date(Date.now() + USER_TOKEN_TTL_MS[purpose]),
  });
  await em.flush();
  return token;
}

/**
 * Marks the token used and returns its user's id, or null when it is unknown, expired or already used.
 * The update is conditional on the token still being unused, so two clicks on the same link cannot both
 * succeed. Pass a transaction's EntityManager to make it part of a larger change.
 */
export async function consumeUserToken(
  em: EntityManager,
  token: string,
  purpose: UserTokenPurpose,
): Promise<string | null> {
  const usable = { tokenHash: sha256Hex(token), purpose, usedAt: null, expiresAt: { $gt: new Date() } };
  const found = await em.findOne(UserTokenSchema, usable);
  if (!found) return null;
  const marked = await em.nativeUpdate(
    UserTokenSchema,
    { id: found.id, usedAt: null },
    { usedAt: new Date() },
  );
  return marked === 1 ? found.user.id : null;
}

/** Once one link of a kind has worked, the user's other links of that kind stop working. */
export function discardUserTokens(
  em: EntityManager,
  userId: string,
  purpose: UserTokenPurpose,
): Promise<number> {
  return em.nativeDelete(UserTokenSchema, { user: userId, purpose });
}
