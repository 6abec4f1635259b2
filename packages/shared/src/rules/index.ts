export { completedAtAfter } from './completed-at.js';
export { passwordMatchesEmail } from './password-matches-email.js';
