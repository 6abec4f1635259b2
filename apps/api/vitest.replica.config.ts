import { defineConfig } from 'vitest/config';
import { databaseTestConfig } from '../../vitest.shared.js';

// `pnpm test:replica`: two API instances reading from a real streaming replica made from the machine's
// PostgreSQL binaries (test/replica/streaming-replica.ts makes and removes its own primary and replica, so
// no embedded server is started for it). Decision 017.
const base = databaseTestConfig('./test/global-setup.ts');

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    globalSetup: [],
    include: ['test/replica/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
