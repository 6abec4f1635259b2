import type { Queries } from '@taskapp/db/queries';
import type { Claims } from './jwt.js';

const LAST_USED_RESOLUTION_MS = 5 * 60 * 1000;

/** The API's per-request session check (apps/api/src/auth/sessions.ts findLiveSession): the same statements. */
export async function isLiveSession(sessions: Queries['sessions'], claims: Claims): Promise<boolean> {
  const lastUsedAt = await sessions.lastUsedAtOfLive(claims.userId, claims.sessionId);
  if (!lastUsedAt) return false;
  if (Date.now() - new Date(lastUsedAt).getTime() > LAST_USED_RESOLUTION_MS) {
    await sessions.touch(claims.userId, claims.sessionId);
  }
  return true;
}
