export * from './constants.js';
export * from './password-rules.js';
export * from './schemas/account.js';
export * from './schemas/auth.js';
export * from './schemas/health.js';
export * from './schemas/task.js';
export * from './text.js';
