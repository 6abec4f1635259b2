import type { Session } from '@taskapp/db';

/** A signed-in device as account settings list it; `current` marks the caller's own. */
export function toSessionDto(session: Session, currentSessionId: string) {
  return {
    id: session.id,
    createdAt: session.createdAt,
    lastUsedAt: session.lastUsedAt,
    expiresAt: session.expiresAt,
    userAgent: session.userAgent ?? null,
    current: session.id === currentSessionId,
  };
}
