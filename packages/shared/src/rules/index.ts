export { startOfUtcDay } from './all-day.js';
export { completedAtAfter } from './completed-at.js';
export { passwordMatchesEmail } from './password-matches-email.js';
export { isStorableText } from './storable-text.js';
