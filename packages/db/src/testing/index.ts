export * from './admin-client.js';
export type { TestDatabaseServer } from './global-setup.js';
export * from './test-database.js';
