// The auth domain's public file: what other domains and the server may use (its router is mounted by trpc/router.ts).
export { verifyAccessToken } from './access-token.js';
export { confirmOwnPassword } from './confirm-password.js';
export { PAGE_COOKIE, readPageCredential } from './page-credential.js';
export { assertPasswordAllowed } from './password-policy.js';
export { hashPassword, verifyPassword } from './passwords.js';
export { createRateLimits, RATE_LIMITS, type RateLimitName, type RateLimits } from './rate-limits.js';
export { CONFIRM_PASSWORD_FIRST, markSignedInNow, requireRecentSignIn } from './recent-sign-in.js';
export { refreshCookie } from './refresh-cookie.js';
export { createSessionCache, type SessionCache } from './session-cache.js';
export { type LiveSession, revokeOtherSessions, revokeSession } from './sessions.js';
export { randomToken, sha256Hex } from './tokens.js';
export { toUserDto } from './user-dto.js';
export { discardUserTokens } from './user-tokens.js';
