import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A cookie on page requests (Path=/, HttpOnly) naming the session that set it, so the server can render a
 * signed-in person's first screen into the HTML it sends (http/prerendered-places.ts). The refresh
 * cookie stays on /api: a page request never carries, and never rotates, the refresh token. It holds no
 * secret of its own: the user and session ids, signed with AUTH_SECRET. The session it names is checked
 * as live on every use, so signing out or revoking the device ends it at once, like an access token.
 */
export const PAGE_COOKIE = 'taskapp_page';

export interface PageOwner {
  userId: string;
  sessionId: string;
}

const signature = (owner: PageOwner, secret: string) =>
  createHmac('sha256', secret).update(`page-credential:${owner.userId}.${owner.sessionId}`).digest();

export function pageCredential(owner: PageOwner, secret: string): string {
  return `${owner.userId}.${owner.sessionId}.${signature(owner, secret).toString('base64url')}`;
}

/** Who a page credential names, when its signature holds; null for anything else. */
export function readPageCredential(value: string | undefined, secret: string): PageOwner | null {
  const parts = value?.split('.');
  if (parts?.length !== 3) return null;
  const [userId = '', sessionId = '', signed = ''] = parts;
  const expected = signature({ userId, sessionId }, secret);
  const given = Buffer.from(signed, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, sessionId };
}
