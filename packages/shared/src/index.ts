export * from './constants.js';
export * from './rules/index.js';
export * from './schemas/account.js';
export * from './schemas/auth.js';
export * from './schemas/health.js';
export * from './schemas/task.js';
export * from './text.js';
