// The second-factors domain's public file (issue 17): sign-in's second step and security alerts. Its routers
// (two-factor.router.ts) are mounted by the account router.
export { completeMfa, mfaChallenge, secondFactorMethods } from './mfa-sign-in.js';
export { passkeySignIn, passkeySignInOptions } from './passkey-sign-in.js';
export { alertOwner } from './security-alerts.js';
