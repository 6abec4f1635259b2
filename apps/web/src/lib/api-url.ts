/** Same-origin in production (the API serves the SPA) and through Vite's proxy in development. */
export const API_URL = '/api/trpc';

// Procedures that never need the access token; a 401 from any other one means "refresh and retry".
const PUBLIC_PROCEDURES = new Set([
  'auth.register',
  'auth.login',
  'auth.refresh',
  'auth.logout',
  'auth.verifyEmail',
  'auth.requestPasswordReset',
  'auth.resetPassword',
]);

export function isPublicProcedure(path: string): boolean {
  return PUBLIC_PROCEDURES.has(path) || path.startsWith('health.');
}
