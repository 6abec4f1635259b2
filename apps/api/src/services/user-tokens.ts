import { type EntityManager, type User, type UserTokenPurpose, UserTokenSchema } from '@taskapp/db';
import { randomToken, sha256Hex } from './secrets.js';

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
 * One UPDATE, so two clicks on the same link cannot both succeed.
 */
export async function consumeUserToken(
  em: EntityManager,
  token: string,
  purpose: UserTokenPurpose,
): Promise<string | null> {
  const rows = await em.execute<{ user_id: string }[]>(
    `UPDATE user_tokens SET used_at = now()
     WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > now()
     RETURNING user_id`,
    [sha256Hex(token), purpose],
  );
  return rows[0]?.user_id ?? null;
}

/** Once one link of a kind has worked, the user's other links of that kind stop working. */
export function discardUserTokens(
  em: EntityManager,
  userId: string,
  purpose: UserTokenPurpose,
): Promise<number> {
  return em.nativeDelete(UserTokenSchema, { user: userId, purpose });
}
