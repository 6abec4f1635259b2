export * from './constants.js';
export * from './schemas/health.js';
export * from './text.js';
