export type { TestDatabaseServer } from './global-setup.js';
export { createTestDatabase, createTestOrm, type TestDatabase, type TestOrm } from './test-database.js';
export { waitFor } from './wait-for.js';
