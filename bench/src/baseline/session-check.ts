import type { Queries } from '@taskapp/db/queries';
import type { Claims } from './jwt.js';

const LAST_USED_RESOLUTION_MS = 5 * 60 * 1000;

/**
 * The per-request session check the API ran before its session cache (apps/api/src/auth/session-cache.ts
 * on a miss): the same statements, on every call.
 */
export async function isLiveSession(sessions: Queries['sessions'], claims: Claims): Promise<boolean> {
  const found = await sessions.findLive(claims.userId, claims.sessionId);
  if (!found) return false;
  if (Date.now() - new Date(found.lastUsedAt).getTime() > LAST_USED_RESOLUTION_MS) {
    await sessions.touch(claims.userId, claims.sessionId);
  }
  return true;
}
