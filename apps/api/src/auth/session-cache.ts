import type { Queries } from '@taskapp/db/queries';
import type { ChangeFeed } from '../sync/index.js';
import type { LiveSession } from './sessions.js';

// Writing last_used_at on every request would turn each read into a write; minutes are precise enough.
const LAST_USED_RESOLUTION_MS = 5 * 60 * 1000;

interface Known {
  userId: string;
  lastUsedAt: number;
  expiresAt: number;
}

export interface SessionCache {
  /**
   * The session behind an access token, if it still exists, has not expired and its user is active;
   * null otherwise. Checked on every protected call, so sign-out, revocation and deactivation take effect
   * at once, on every instance.
   */
  findLive(userId: string, sessionId: string): Promise<LiveSession | null>;
  /**
   * Drops the user's cached sessions (everyone's without a user) at once: called by this instance's own
   * revocations, so its next call cannot beat the database's notification here.
   */
  forget(userId?: string): void;
  readonly size: number;
}

/**
 * Live sessions this instance has looked up, so protected calls stop querying the sessions table on
 * every request. Only trusted while the change feed listens: a session that ends (sign-out, revocation,
 * password change, deactivation) is notified by the database and dropped here at once. While the feed
 * is down, and after it comes back, everything is looked up again. A lookup that raced with an ending
 * session is not kept (the generation moved on while it ran).
 */
export function createSessionCache(
  queries: Queries,
  feed: ChangeFeed,
  { max = 50_000, now = Date.now }: { max?: number; now?: () => number } = {},
): SessionCache {
  const known = new Map<string, Known>();
  let generation = 0;

  const forgetUser = (userId: string) => {
    for (const [sessionId, session] of known) if (session.userId === userId) known.delete(sessionId);
  };

  feed.subscribe((event) => {
    if (event.kind === 'session-ended') known.delete(event.sessionId);
    else if (event.kind === 'user-deactivated') forgetUser(event.userId);
    else if (event.kind === 'listening' || event.kind === 'lost') known.clear();
    else return;
    generation += 1;
  });

  const remember = (sessionId: string, session: Known) => {
    known.delete(sessionId);
    known.set(sessionId, session);
    // Oldest first in a Map: the one looked up longest ago goes.
    if (known.size > max) known.delete(known.keys().next().value as string);
  };

  async function touchIfStale(userId: string, sessionId: string, session: Known): Promise<void> {
    if (now() - session.lastUsedAt <= LAST_USED_RESOLUTION_MS) return;
    await queries.sessions.touch(userId, sessionId);
    session.lastUsedAt = now();
  }

  return {
    async findLive(userId, sessionId) {
      const cached = feed.listening ? known.get(sessionId) : undefined;
      if (cached && cached.userId === userId && cached.expiresAt > now()) {
        await touchIfStale(userId, sessionId, cached);
        return { userId, sessionId };
      }
      const started = generation;
      const found = await queries.sessions.findLive(userId, sessionId);
      if (!found) return null;
      const session = {
        userId,
        lastUsedAt: new Date(found.lastUsedAt).getTime(),
        expiresAt: new Date(found.expiresAt).getTime(),
      };
      await touchIfStale(userId, sessionId, session);
      if (feed.listening && generation === started) remember(sessionId, session);
      return { userId, sessionId };
    },
    forget(userId) {
      if (userId === undefined) known.clear();
      else forgetUser(userId);
      generation += 1;
    },
    get size() {
      return known.size;
    },
  };
}
