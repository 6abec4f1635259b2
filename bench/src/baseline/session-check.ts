import type pg from 'pg';
import type { Claims } from './jwt.js';

const LAST_USED_RESOLUTION_MS = 5 * 60 * 1000;

/** The API's per-request session check (apps/api/src/services/sessions.ts findLiveSession), same SQL. */
export async function isLiveSession(pool: pg.Pool, claims: Claims): Promise<boolean> {
  const { rows } = await pool.query<{ last_used_at: Date }>(
    `SELECT s.last_used_at FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.id = $1 AND s.user_id = $2 AND s.expires_at > now() AND u.is_active`,
    [claims.sessionId, claims.userId],
  );
  const row = rows[0];
  if (!row) return false;
  if (Date.now() - new Date(row.last_used_at).getTime() > LAST_USED_RESOLUTION_MS) {
    await pool.query('UPDATE sessions SET last_used_at = now() WHERE id = $1', [claims.sessionId]);
  }
  return true;
}
