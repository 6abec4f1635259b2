import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { databaseTestConfig } from '../../../vitest.shared.js';

// `pnpm test:scale`: the EXPLAIN test on a generated 1.1M-task database. Same global setup (embedded
// PostgreSQL, or TEST_DATABASE_URL / DATABASE_URL) as the package's tests; only this folder; long timeouts.
const base = databaseTestConfig('./src/testing/global-setup.ts');

export default defineConfig({
  ...base,
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    ...base.test,
    include: ['test-scale/**/*.test.ts'],
    // Both files at once (Vitest's default on 2 CPUs is one): each builds its own database, and a single
    // PostgreSQL backend filling one uses one CPU.
    maxWorkers: 2,
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
